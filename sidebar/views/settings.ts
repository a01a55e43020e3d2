// The Settings tab: the client sheet and each column chosen from the sheet's real headers, goal, recent-contact window, name and currency; problems shown under their field.
import type {
  ColumnChoice,
  Settings,
  SettingsChoices,
  SettingsProblem,
  SettingsUpdate,
} from '../../src/shared/api';
import type { ViewContext } from '../context';
import { clear, el, uid } from './dom';
import { errorState } from './states';

export interface SettingsView {
  reload(): void;
}

/** One labelled control with its hint, and a place for its problem (read by screen readers). */
interface Field {
  row: HTMLElement;
  control: HTMLInputElement | HTMLSelectElement;
  showProblem(message: string | null): void;
}

function field(label: string, control: Field['control'], hint?: string): Field {
  const id = uid('setting');
  control.id = id;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const problem = el('p', { className: 'field-error', attrs: { id: errorId, hidden: true } });
  const row = el(
    'div',
    { className: 'field' },
    el('label', { attrs: { for: id }, text: label }),
    control,
    hint ? el('p', { className: 'hint', text: hint, attrs: { id: hintId } }) : null,
    problem,
  );
  const described = (withError: boolean) =>
    [hint ? hintId : '', withError ? errorId : ''].filter(Boolean).join(' ');
  if (hint) control.setAttribute('aria-describedby', described(false));
  return {
    row,
    control,
    showProblem(message) {
      problem.textContent = message ?? '';
      problem.hidden = !message;
      if (message) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
      const ids = described(!!message);
      if (ids) control.setAttribute('aria-describedby', ids);
      else control.removeAttribute('aria-describedby');
    },
  };
}

function numberInput(name: string, min: number, max: number, value: number): HTMLInputElement {
  const input = el('input', { attrs: { type: 'number', min, max, step: 1, name } });
  input.value = String(value);
  return input;
}

function textInput(name: string, value: string, attrs: Record<string, string | number> = {}) {
  const input = el('input', { attrs: { type: 'text', name, ...attrs } });
  input.value = value;
  return input;
}

/** A number box as the server wants it: null when left empty (answered "is empty", never 0). */
function numberValue(input: HTMLInputElement): number | null {
  const raw = input.value.trim();
  return raw === '' ? null : Number(raw);
}

function option(value: string, text: string, selected: boolean): HTMLOptionElement {
  const node = el('option', { text, attrs: { value } });
  node.selected = selected;
  return node;
}

/** The client sheet: one of the spreadsheet's sheets (a missing saved one stays visible, marked). */
function sheetSelect(choices: SettingsChoices): HTMLSelectElement {
  const select = el('select', { attrs: { name: 'clientSheet' } });
  const names = [...choices.sheetNames];
  if (!names.includes(choices.sheet)) names.unshift(choices.sheet);
  for (const name of names) {
    const missing = !choices.sheetNames.includes(name);
    select.appendChild(
      option(name, missing ? `${name} (no such sheet)` : name, name === choices.sheet),
    );
  }
  return select;
}

/** One column's dropdown: "Find automatically" (saying what it finds), then every header. */
function columnSelect(column: ColumnChoice, headers: readonly string[]): HTMLSelectElement {
  const select = el('select', { attrs: { name: `column-${column.field}` } });
  const auto = column.detected ? `Automatic: “${column.detected}”` : 'Automatic: not found';
  select.appendChild(option('', auto, column.chosen === ''));
  const offered = [...headers];
  if (column.chosen && !offered.includes(column.chosen)) offered.unshift(column.chosen);
  for (const header of offered) {
    const missing = !headers.includes(header);
    select.appendChild(
      option(header, missing ? `${header} (not in this sheet)` : header, header === column.chosen),
    );
  }
  return select;
}

/** Said only when the dropdown alone does not tell: no column, or a choice that is not the one in use. */
function columnHint(column: ColumnChoice): string | undefined {
  if (!column.inUse) return column.owned ? 'Set up client sheet adds this column.' : 'Not in use.';
  return column.inUse === (column.chosen || column.detected)
    ? undefined
    : `In use: “${column.inUse}”.`;
}

interface ColumnsPart {
  element: HTMLElement;
  fields: Map<string, Field>;
  values(): Record<string, string>;
}

function columnsPart(choices: SettingsChoices): ColumnsPart {
  const fields = new Map<string, Field>();
  const group = (legend: string, hint: string, owned: boolean) => {
    const set = el('fieldset', { className: 'columns' }, el('legend', { text: legend }));
    set.appendChild(el('p', { className: 'hint', text: hint }));
    for (const column of choices.columns.filter((c) => c.owned === owned)) {
      const f = field(column.label, columnSelect(column, choices.headers), columnHint(column));
      fields.set(column.field, f);
      set.appendChild(f.row);
    }
    return set;
  };
  const element = el(
    'div',
    { className: 'column-groups' },
    choices.notices.length
      ? el('div', { className: 'notice' }, ...choices.notices.map((n) => el('p', { text: n })))
      : null,
    group('Your columns', 'Reconnect reads these and never writes them.', false),
    group(
      'Columns Reconnect writes',
      'Never one of your own columns: Reconnect fills these in as you log touches.',
      true,
    ),
  );
  return {
    element,
    fields,
    values() {
      const map: Record<string, string> = {};
      for (const [key, f] of fields) if (f.control.value) map[key] = f.control.value;
      return map;
    },
  };
}

type MainFields = Record<
  'clientSheet' | 'dailyGoal' | 'recentDays' | 'myName' | 'currency' | ReferralSettingKey,
  Field
>;

function mainFields(choices: SettingsChoices): MainFields {
  const s = choices.settings;
  return {
    clientSheet: field('Client sheet', sheetSelect(choices), 'The tab that holds your clients.'),
    dailyGoal: field(
      'Daily contact goal',
      numberInput('dailyGoal', 1, 500, s.dailyGoal),
      'How many clients you aim to contact each day (1 to 500).',
    ),
    recentDays: field(
      'Recently contacted (days)',
      numberInput('recentDays', 0, 365, s.recentDays),
      'Emails skip anyone contacted within this many days (0 to 365).',
    ),
    myName: field(
      'Your name',
      textInput('myName', s.myName, { autocomplete: 'name', maxlength: 100 }),
      'Used in call scripts and emails.',
    ),
    currency: field(
      'Currency',
      textInput('currency', s.currency, { maxlength: 8, placeholder: 'USD' }),
      'A code such as USD, EUR or GBP, or a symbol such as $, used to show client value.',
    ),
    ...referralFields(s),
  };
}

type ReferralSettingKey = 'referralTarget' | 'referralReminderDays' | 'askGapDays' | 'surveyLink';

/** Referrals and post-sale follow-ups (issue 13). */
function referralFields(s: Settings): Record<ReferralSettingKey, Field> {
  return {
    referralTarget: field(
      'Yearly referral target (new clients)',
      numberInput('referralTarget', 0, 10000, s.referralTarget),
      'New clients from referrals you aim for this year, split into monthly targets (0 for none).',
    ),
    referralReminderDays: field(
      'Referral reminder after (days)',
      numberInput('referralReminderDays', 1, 365, s.referralReminderDays),
      'A promised referral that has not come through after this many days puts the client in your list.',
    ),
    askGapDays: field(
      'Days between referral asks',
      numberInput('askGapDays', 7, 730, s.askGapDays),
      'The call script never suggests a referral ask sooner than this after the last one.',
    ),
    surveyLink: field(
      'Survey link',
      textInput('surveyLink', s.surveyLink, { maxlength: 2000, placeholder: 'https://' }),
      'Goes into the survey email sent 30 days after a purchase or delivery.',
    ),
  };
}

/** What the form holds, as the server checks it (numbers left empty are null). */
function formUpdate(fields: MainFields, columns: ColumnsPart): SettingsUpdate {
  return {
    clientSheet: fields.clientSheet.control.value,
    columnMap: columns.values(),
    dailyGoal: numberValue(fields.dailyGoal.control as HTMLInputElement),
    recentDays: numberValue(fields.recentDays.control as HTMLInputElement),
    myName: fields.myName.control.value.trim(),
    currency: fields.currency.control.value.trim(),
    referralTarget: numberValue(fields.referralTarget.control as HTMLInputElement),
    referralReminderDays: numberValue(fields.referralReminderDays.control as HTMLInputElement),
    askGapDays: numberValue(fields.askGapDays.control as HTMLInputElement),
    surveyLink: fields.surveyLink.control.value.trim(),
  };
}

/** Each problem under its field ("columnMap.email" under the Email dropdown), the rest on top. */
function showProblems(
  problems: readonly SettingsProblem[],
  fields: MainFields,
  columns: ColumnsPart,
  general: HTMLElement,
): void {
  clear(general);
  for (const f of [...Object.values(fields), ...columns.fields.values()]) f.showProblem(null);
  let first: Field | null = null;
  for (const p of problems) {
    const target = p.field.startsWith('columnMap.')
      ? columns.fields.get(p.field.slice('columnMap.'.length))
      : (fields as Record<string, Field | undefined>)[p.field];
    if (!target) {
      general.appendChild(el('p', { className: 'field-error', text: p.message }));
      continue;
    }
    target.showProblem(p.message);
    first ??= target;
  }
  first?.control.focus();
}

export function mountSettingsView(
  root: HTMLElement,
  ctx: ViewContext,
  onSaved: (settings: Settings) => void,
): SettingsView {
  const body = el('div', { className: 'settings' });
  root.appendChild(body);

  function load(success?: string): void {
    clear(body);
    body.appendChild(el('p', { className: 'loading', text: 'Loading settings…' }));
    ctx.api.call('getSettingsChoices', {}).then(
      (choices) => render(choices, success),
      (error) => {
        clear(body);
        body.appendChild(errorState(error, { retry: () => load() }));
      },
    );
  }

  function render(choices: SettingsChoices, success?: string): void {
    clear(body);
    const fields = mainFields(choices);
    let columns = columnsPart(choices);
    const columnsSlot = el('div', {}, columns.element);
    const status = el('div', { className: 'form-status', attrs: { role: 'status' } });
    const general = el('div', { className: 'form-errors', attrs: { role: 'alert' } });
    if (success) status.appendChild(el('p', { className: 'saved', text: success }));
    const save = el('button', {
      className: 'primary',
      text: 'Save settings',
      attrs: { type: 'submit' },
    });

    // Choosing another sheet offers that sheet's headers.
    fields.clientSheet.control.addEventListener('change', () => {
      const sheet = fields.clientSheet.control.value;
      ctx.api.call('getSettingsChoices', { clientSheet: sheet }).then((fresh) => {
        columns = columnsPart(fresh);
        clear(columnsSlot);
        columnsSlot.appendChild(columns.element);
      }, ctx.showError);
    });

    function submit(event: Event): void {
      event.preventDefault();
      save.disabled = true;
      clear(status);
      ctx.api.call('submitSettings', formUpdate(fields, columns)).then(
        (result) => {
          save.disabled = false;
          // The earlier error is stale once a save answers: problems show under their fields.
          ctx.clearErrors?.();
          if (!result.saved) return showProblems(result.problems, fields, columns, general);
          ctx.toast(result.message);
          onSaved(result.settings);
          load(result.message);
        },
        (error) => {
          save.disabled = false;
          ctx.showError(error);
        },
      );
    }

    body.appendChild(
      el(
        'form',
        { attrs: { 'aria-label': 'Settings', novalidate: true }, on: { submit } },
        general,
        ...Object.values(fields).map((f) => f.row),
        columnsSlot,
        status,
        save,
      ),
    );
  }

  load();
  return { reload: () => load() };
}
