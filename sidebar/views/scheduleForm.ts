// The Weekly batches form: day, hour, size, templates, mode, what follows the campaign, summary email; per-field errors under each field.
import type { TemplateRef, TemplateSummary } from '../../src/shared/mergeApi';
import {
  SCHEDULE_DAYS,
  type Schedule,
  type ScheduleDay,
  type ScheduleView,
} from '../../src/shared/scheduleApi';
import { el, uid } from './dom';
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

interface Field {
  wrap: HTMLElement;
  control: HTMLElement;
  hint: HTMLElement | null;
  error: HTMLElement;
}

const NO_TEMPLATE = '';

function refValue(ref: TemplateRef): string {
  return `${ref.source}:${ref.name}`;
}

function refOf(value: string): TemplateRef | null {
  const at = value.indexOf(':');
  if (at < 0) return null;
  const source = value.slice(0, at);
  if (source !== 'sheet' && source !== 'draft') return null;
  return { source, name: value.slice(at + 1) };
}

/** A labelled control with a hint and an error line, both tied to it for screen readers. */
function field(label: string, control: HTMLElement, hint?: string): Field {
  const id = control.id || uid('schedule-field');
  control.id = id;
  const error = el('p', { className: 'field-error', attrs: { id: `${id}-error`, hidden: true } });
  const hintNode = hint
    ? el('p', { className: 'hint', text: hint, attrs: { id: `${id}-hint` } })
    : null;
  control.setAttribute(
    'aria-describedby',
    [hintNode ? `${id}-hint` : '', `${id}-error`].join(' ').trim(),
  );
  const wrap = el(
    'div',
    { className: 'field' },
    el('label', { text: label, attrs: { for: id } }),
    control,
    hintNode,
    error,
  );
  return { wrap, control, hint: hintNode, error };
}

function templateSelect(
  templates: TemplateSummary[],
  chosen: TemplateRef | null,
  none: string | null,
): { select: HTMLSelectElement; missing: boolean } {
  const select = el('select');
  if (none !== null)
    select.appendChild(el('option', { text: none, attrs: { value: NO_TEMPLATE } }));
  const groups: Array<[string, TemplateSummary[]]> = [
    ['Templates sheet', templates.filter((t) => t.source === 'sheet')],
    ['Gmail drafts', templates.filter((t) => t.source === 'draft')],
  ];
  for (const [label, list] of groups) {
    if (!list.length) continue;
    const group = el('optgroup', { attrs: { label } });
    for (const t of list)
      group.appendChild(el('option', { text: t.name, attrs: { value: refValue(t) } }));
    select.appendChild(group);
  }
  const known = chosen && templates.some((t) => refValue(t) === refValue(chosen));
  const missing = !!chosen && !!chosen.name && !known;
  if (chosen && missing) {
    // Kept as chosen so saving does not silently switch template; the error says what to do.
    select.appendChild(
      el('option', { text: `${chosen.name} (not found)`, attrs: { value: refValue(chosen) } }),
    );
  }
  if (chosen && chosen.name) select.value = refValue(chosen);
  else if (none !== null) select.value = NO_TEMPLATE;
  return { select, missing };
}

function radios<T extends string>(
  legend: string,
  name: string,
  options: ReadonlyArray<[T, string]>,
  chosen: T,
  hint: string,
): { set: HTMLFieldSetElement; value(): T } {
  const hintId = uid('schedule-hint');
  const set = el(
    'fieldset',
    { attrs: { 'aria-describedby': hintId } },
    el('legend', { text: legend }),
  );
  const inputs = options.map(([value, text]) => {
    const input = el('input', { attrs: { type: 'radio', name, value, checked: value === chosen } });
    set.appendChild(el('label', { className: 'radio' }, input, text));
    return input;
  });
  set.appendChild(el('p', { className: 'hint', text: hint, attrs: { id: hintId } }));
  return { set, value: () => (inputs.find((i) => i.checked)?.value ?? chosen) as T };
}

export function scheduleForm(options: ScheduleFormOptions): ScheduleForm {
  const { view, templates, limit, quota, timeZone } = options;
  const zone = zoneWords(timeZone);
  const daySelect = el('select');
  for (const day of SCHEDULE_DAYS)
    daySelect.appendChild(el('option', { text: dayWords(day), attrs: { value: day } }));
  daySelect.value = view.day;
  const hourSelect = el('select');
  for (let h = 0; h < 24; h += 1)
    hourSelect.appendChild(el('option', { text: hourWords(h), attrs: { value: h } }));
  hourSelect.value = String(view.hour);
  const sizeInput = el('input', {
    attrs: { type: 'number', min: 1, max: limit, step: 1, inputmode: 'numeric' },
  });
  sizeInput.value = String(view.size);
  const campaign = templateSelect(templates, view.template, null);
  const cadence = templateSelect(templates, view.cadenceTemplate, 'None');

  const fields: Record<FieldName, Field> = {
    day: field('Day', daySelect),
    hour: field(
      'Hour',
      hourSelect,
      `In the spreadsheet's time zone${zone ? ` (${zone})` : ''}. Google starts the run at a minute of its choosing within that hour.`,
    ),
    size: field(
      'Clients per batch',
      sizeInput,
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

  const element = el(
    'div',
    { className: 'schedule-form' },
    // Day and hour side by side; the hour's hint (the zone, the random minute) runs under both.
    el('div', { className: 'schedule-when' }, fields.day.wrap, fields.hour.wrap),
    fields.hour.hint,
    fields.size.wrap,
    fields.template.wrap,
    fields.cadenceTemplate.wrap,
    mode.set,
    after.set,
    summaryLabel,
  );

  function setError(name: FieldName, message: string): void {
    const f = fields[name];
    f.error.textContent = message;
    f.error.hidden = !message;
    if (message) f.control.setAttribute('aria-invalid', 'true');
    else f.control.removeAttribute('aria-invalid');
  }

  function clearErrors(): void {
    for (const name of Object.keys(fields) as FieldName[]) setError(name, '');
  }

  const missingText =
    'This template is no longer in the Templates sheet or your Gmail drafts: choose another.';
  if (view.saved && campaign.missing) setError('template', missingText);
  if (view.saved && cadence.missing) setError('cadenceTemplate', missingText);

  function read(): Schedule | null {
    clearErrors();
    let first: FieldName | null = null;
    const fail = (name: FieldName, message: string) => {
      setError(name, message);
      first = first ?? name;
    };
    const size = Number(sizeInput.value);
    if (sizeInput.value.trim() === '' || !Number.isInteger(size) || size < 1 || size > limit)
      fail('size', `Enter a whole number from 1 to ${limit}.`);
    const template = refOf(campaign.select.value);
    if (!template) fail('template', 'Choose the template for the reconnect campaign.');
    else if (!templates.some((t) => refValue(t) === refValue(template)))
      fail('template', missingText);
    const cadenceRef = cadence.select.value === NO_TEMPLATE ? null : refOf(cadence.select.value);
    if (cadenceRef && !templates.some((t) => refValue(t) === refValue(cadenceRef)))
      fail('cadenceTemplate', missingText);
    if (first) {
      fields[first as FieldName].control.focus();
      return null;
    }
    return {
      day: daySelect.value as ScheduleDay,
      hour: Number(hourSelect.value),
      size,
      template: template as TemplateRef,
      cadenceTemplate: cadenceRef,
      mode: mode.value(),
      afterCampaign: after.value(),
      summaryEmail: summary.checked,
      // A first save turns the batches on; later saves keep a pause as it is (Resume lifts it).
      paused: view.saved ? view.paused : false,
    };
  }

  function showServerError(message: string): boolean {
    // Boundary checks name the field first: "schedule.size should be at most 100, not 150."
    // The bridge may put the error's class in front ("Error: ", "Exception: ").
    const text = message.replace(/^(?:Exception|\w*Error):\s*/, '');
    const match = /^(?:\w+\.)?(day|hour|size|template|cadenceTemplate)\b/.exec(text);
    if (!match) return false;
    const name = match[1] as FieldName;
    setError(name, text);
    fields[name].control.focus();
    return true;
  }

  return { element, read, showServerError };
}
