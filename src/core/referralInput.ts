// recordReferral's argument checked whole, before anything is read or written: the kind, the fields each kind needs, lengths, dates.
import { CHANNELS, MAX_NOTES, REFERRAL_KINDS, type ReferralInput } from '../shared/api';
import { parseEmail } from './values';
import {
  InputError,
  bool,
  checkInput,
  civilDate,
  num,
  object,
  oneOf,
  optional,
  text,
} from './schema';

const contact = object({
  name: text({ max: 200 }),
  email: optional(text({ max: 320 })),
  phone: optional(text({ max: 100 })),
});

const referralInput = object({
  clientId: text({ nonEmpty: true, max: 200 }),
  kind: oneOf(REFERRAL_KINDS),
  referralId: optional(text({ max: 100 })),
  count: optional(num({ integer: true, min: 1, max: 100 })),
  incentive: optional(text({ max: 1000 })),
  due: optional(civilDate()),
  contact: optional(contact),
  value: optional(num({ min: 0, max: 1e12 })),
  notes: optional(text({ max: MAX_NOTES })),
  channel: optional(oneOf(CHANNELS)),
  addClient: optional(bool),
});

/** The checked input, or an InputError naming the field and what it should be. */
export function checkReferralInput(input: unknown): ReferralInput {
  const given = input as { clientId?: unknown } | null | undefined;
  if (given && typeof given === 'object' && (given.clientId === undefined || given.clientId === ''))
    throw new InputError('Choose the client who is referring before recording a referral.');
  const checked = checkInput(referralInput, input, 'referral') as ReferralInput;
  const needsId = checked.kind === 'contacted' || checked.kind === 'won' || checked.kind === 'lost';
  if (needsId && !checked.referralId?.trim())
    throw new InputError(`referral.referralId is needed to mark a referral ${checked.kind}.`);
  if (checked.kind === 'received') {
    const c = checked.contact;
    if (!c || (!c.name.trim() && !c.email?.trim() && !c.phone?.trim()))
      throw new InputError('referral.contact needs the referred person: a name, email or phone.');
    if (c.email?.trim()) {
      const email = parseEmail(c.email);
      if (!email.ok) throw new InputError(`referral.contact.email: ${email.message}`);
    }
  }
  if (checked.addClient && checked.kind !== 'received')
    throw new InputError('referral.addClient is only for a referral received.');
  return checked;
}
