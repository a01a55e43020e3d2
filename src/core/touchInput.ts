// logTouch's argument checked whole, before anything is read or written: types, lengths, channels, statuses, dates.
import { CHANNELS, MAX_NOTES, STATUSES, type TouchInput } from '../shared/api';
import { isCivilDate } from './dates';
import { InputError, checkInput, num, object, oneOf, optional, text, type Check } from './schema';

/** A Sheets cell holds at most 50,000 characters. */
export const MAX_CELL_TEXT = MAX_NOTES;

/** yyyy-MM-dd, a real day, from 1900 on; '' means today. The future is refused against today later. */
const civilDate: Check<string> = (value, path) => {
  const given = text({ max: 10 })(value, path);
  if (given === '') return given;
  if (!isCivilDate(given)) throw new InputError(`${path} should be a date like 2024-03-15.`);
  if (given < '1900-01-01') throw new InputError(`${path} ${given} is before 1900.`);
  return given;
};

const touchInput = object({
  clientId: text({ nonEmpty: true, max: 200 }),
  channel: oneOf(CHANNELS),
  outcome: optional(text({ max: 200 })),
  notes: optional(text({ max: MAX_CELL_TEXT })),
  date: optional(civilDate),
  cadence: optional(text({ max: 100 })),
  status: optional<string>((v, path) => (v === '' ? '' : oneOf(STATUSES)(v, path))),
  expect: optional(
    object({
      name: optional(text({ max: MAX_CELL_TEXT })),
      email: optional(text({ max: MAX_CELL_TEXT })),
    }),
  ),
  row: optional(num({ integer: true, min: 2, max: 10_000_000 })),
});

/** The checked input, or an InputError naming the field ("touch.notes is 50,001 characters long ..."). */
export function checkTouchInput(input: unknown): TouchInput {
  const given = input as { clientId?: unknown } | null | undefined;
  if (!given || given.clientId === undefined || given.clientId === '') {
    throw new InputError('Choose a client before logging a touch.');
  }
  return checkInput(touchInput, input, 'touch') as TouchInput;
}
