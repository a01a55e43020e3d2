// The Weekly batches form: day, hour, size, templates, mode, what follows the campaign, summary email; per-field errors under each field.
import type { TemplateRef, TemplateSummary } from '../../src/shared/mergeApi';
import {
  SCHEDULE_DAYS,
  type Schedule,
  type ScheduleDay,
  type ScheduleView,
} from '../../src/shared/scheduleApi';
import { el, uid } from './dom';
import {
  field,
  NO_TEMPLATE,
  radios,
  refOf,
  refValue,
  setFieldError,
  templateSelect,
  type Field,
} from './scheduleFields';
import { dayWords, hourWords, zoneWords } from './scheduleWords';

export interface ScheduleFormOptions {
  view: ScheduleView;
  /** Email templates (letters cannot go out on their own). */
  templates: TemplateSummary[];
  /** The largest batch allowed. */
  limit: number;
  /** Email recipients left today, shared with the user's other scripts and add-ons. */
  quota: number;
  timeZone: string | undefined;
}

export interface ScheduleForm {
  element: HTMLElement;
  /** The schedule as filled in, or null after showing what is wrong under the fields. */
  read(): Schedule | null;
  /** Puts a server's refusal under its field; false when it names no field. */
  showServerError(message: string): boolean;
}

type FieldName = 'day' | 'hour' | 'size' | 'template' | 'cadenceTemplate';
type Fields = Record<FieldName, Field>;

interface Choices {
  mode: ReturnType<typeof radios<Schedule['mode']>>;
  after: ReturnType<typeof radios<Schedule['afterCampaign']>>;
  summary: HTMLInputElement;
  summaryLabel: HTMLLabelElement;
}

const MISSING_TEMPLATE =
  'This template is no longer in the Templates sheet or your Gmail drafts: choose another.';

function options<T extends string | number>(
  values: readonly T[],
  text: (v: T) => string,
): HTMLSelectElement {
  const select = el('select');
  for (const v of values) select.appendChild(el('option', { text: text(v), attrs: { value: v } }));
  return select;
}

/** Day, hour, size and the two templates, each with what a person would hesitate over. */
function buildFields(o: ScheduleFormOptions): Fields & { missing: FieldName[] } {
  const { view, templates, limit, quota } = o;
  const zone = zoneWords(o.timeZone);
  const day = options(SCHEDULE_DAYS, dayWords);
  day.value = view.day;
  const hour = options(
    Array.from({ length: 24 }, (_, h) => h),
    hourWords,
  );
  hour.value = String(view.hour);
  const size = el('input', {
    attrs: { type: 'number', min: 1, max: limit, step: 1, inputmode: 'numeric' },
  });
  size.value = String(view.size);
  const campaign = templateSelect(templates, view.template, null);
  const cadence = templateSelect(templates, view.cadenceTemplate, 'None');
  const missing: FieldName[] = [];
  if (campaign.missing) missing.push('template');
  if (cadence.missing) missing.push('cadenceTemplate');
  return {
    missing,
    day: field('Day', day),
    hour: field(
      'Hour',
      hour,
      `In the spreadsheet's time zone${zone ? ` (${zone})` : ''}. Google starts the run at a minute of its choosing within that hour.`,
    ),
    size: field(
      'Clients per batch',
      size,
      `1 to ${limit}. ${quota.toLocaleString()} emails are left of today's quota, which your other scripts and add-ons share; what does not fit goes out the next day.`,
    ),
    template: field(
      'Reconnect campaign template',
      campaign.select,
      'For clients silent six months or more, longest-silent and most valuable first.',
    ),
    cadenceTemplate: field(
      'Cadence template',
      cadence.select,
      'For clients due again on the cadence they chose. None: they are left to your call list.',
    ),
  };
}

/** Mode, what follows the campaign, and the summary email. */
function buildChoices(view: ScheduleView): Choices {
  const mode = radios(
    'How',
    uid('schedule-mode'),
    [
      ['send', 'Send the emails'],
      ['draft', 'Create Gmail drafts for me to review'],
    ],
    view.mode,
    'Emails go from the Gmail of whoever saves the schedule, even when this spreadsheet is closed.',
  );
  const after = radios(
    'When everyone has been reached',
    uid('schedule-after'),
    [
      ['cadence', 'Move on to clients due on their cadence'],
      ['stop', 'Stop the weekly batches'],
    ],
    view.afterCampaign,
    'The campaign is done once every client silent six months or more has had an email.',
  );
  const summary = el('input', { attrs: { type: 'checkbox', checked: view.summaryEmail } });
  const summaryLabel = el(
    'label',
    { className: 'check' },
    summary,
    'Email me a summary after each run that did something',
  );
  return { mode, after, summary, summaryLabel };
}

function value(f: Field): string {
  return (f.control as HTMLInputElement | HTMLSelectElement).value;
}

/** The problems of the filled-in fields, by field, in the order a person reads them. */
function problems(fields: Fields, templates: TemplateSummary[], limit: number) {
  const found: Array<[FieldName, string]> = [];
  const known = (ref: TemplateRef) => templates.some((t) => refValue(t) === refValue(ref));
  const size = Number(value(fields.size));
  if (value(fields.size).trim() === '' || !Number.isInteger(size) || size < 1 || size > limit)
    found.push(['size', `Enter a whole number from 1 to ${limit}.`]);
  const template = refOf(value(fields.template));
  if (!template) found.push(['template', 'Choose the template for the reconnect campaign.']);
  else if (!known(template)) found.push(['template', MISSING_TEMPLATE]);
  const cadence = refOf(value(fields.cadenceTemplate));
  if (cadence && !known(cadence)) found.push(['cadenceTemplate', MISSING_TEMPLATE]);
  return found;
}

/** A note under the size while it is more than today's quota: the rest waits, nothing is lost. */
function quotaNote(sizeField: Field, quota: number): void {
  const note = el('p', { className: 'notice', attrs: { 'aria-live': 'polite' } });
  const input = sizeField.control as HTMLInputElement;
  const update = () => {
    const size = Number(input.value);
    note.textContent =
      Number.isInteger(size) && size > quota
        ? `That is more than the ${quota.toLocaleString()} emails left today: if the batch ran now, ${(size - quota).toLocaleString()} would wait for the next day's quota.`
        : '';
    note.hidden = !note.textContent;
  };
  input.addEventListener('input', update);
  update();
  sizeField.wrap.appendChild(note);
}

export function scheduleForm(o: ScheduleFormOptions): ScheduleForm {
  const { view, templates, limit } = o;
  const fields = buildFields(o);
  const choices = buildChoices(view);
  quotaNote(fields.size, o.quota);
  const names: FieldName[] = ['day', 'hour', 'size', 'template', 'cadenceTemplate'];
  const element = el(
    'div',
    { className: 'schedule-form' },
    // Day and hour side by side; the hour's hint (the zone, the random minute) runs under both.
    el('div', { className: 'schedule-when' }, fields.day.wrap, fields.hour.wrap),
    fields.hour.hint,
    fields.size.wrap,
    fields.template.wrap,
    fields.cadenceTemplate.wrap,
    choices.mode.set,
    choices.after.set,
    choices.summaryLabel,
  );
  if (view.saved) for (const name of fields.missing) setFieldError(fields[name], MISSING_TEMPLATE);

  function read(): Schedule | null {
    for (const name of names) setFieldError(fields[name], '');
    const found = problems(fields, templates, limit);
    for (const [name, message] of found) setFieldError(fields[name], message);
    if (found.length) {
      fields[found[0][0]].control.focus();
      return null;
    }
    const cadence = value(fields.cadenceTemplate);
    return {
      day: value(fields.day) as ScheduleDay,
      hour: Number(value(fields.hour)),
      size: Number(value(fields.size)),
      template: refOf(value(fields.template)) as TemplateRef,
      cadenceTemplate: cadence === NO_TEMPLATE ? null : refOf(cadence),
      mode: choices.mode.value(),
      afterCampaign: choices.after.value(),
      summaryEmail: choices.summary.checked,
      // A first save turns the batches on; later saves keep a pause as it is (Resume lifts it).
      paused: view.saved ? view.paused : false,
    };
  }

  function showServerError(message: string): boolean {
    // Boundary checks name the field first: "The schedule.size should be at most 200, not 500."
    // The bridge may put the error's class in front ("Error: ", "Exception: ").
    const text = message.replace(/^(?:Exception|\w*Error):\s*/, '');
    const match = /^(?:[A-Za-z ]+\.)?(day|hour|size|template|cadenceTemplate)\b/.exec(text);
    if (!match) return false;
    const name = match[1] as FieldName;
    setFieldError(fields[name], text);
    fields[name].control.focus();
    return true;
  }

  return { element, read, showServerError };
}
