// The Settings tab: which sheet holds the clients, column overrides, daily goal, recent-contact window, name and currency.
import type { Settings } from '../../src/shared/api';
import type { ClientField } from '../../src/core/columns';
import type { ViewContext } from '../context';
import { clear, el, uid } from './dom';
import { errorState } from './states';

/** The columns a user may point at their own header, in the order they think of them. */
const COLUMN_FIELDS: ReadonlyArray<[ClientField, string]> = [
  ['name', 'Name'],
  ['firstName', 'First name'],
  ['lastName', 'Last name'],
  ['company', 'Company'],
  ['email', 'Email'],
  ['phone', 'Phone'],
  ['lastContact', 'Last contact date'],
  ['value', 'Value'],
  ['notes', 'Notes'],
  ['cadence', 'Cadence'],
  ['status', 'Status'],
  ['doNotContact', 'Do not contact'],
  ['id', 'Client ID'],
];

export interface SettingsView {
  reload(): void;
}

export function mountSettingsView(
  root: HTMLElement,
  ctx: ViewContext,
  onSaved: (settings: Settings) => void,
): SettingsView {
  const body = el('div', { className: 'settings' });
  root.appendChild(body);

  function load(): void {
    clear(body);
    body.appendChild(el('p', { className: 'loading', text: 'Loading settings…' }));
    ctx.api.call('getSettings').then(render, (error) => {
      clear(body);
      body.appendChild(errorState(error, { retry: load }));
    });
  }

  function field(label: string, input: HTMLInputElement, hint?: string): HTMLElement {
    const id = uid('setting');
    input.id = id;
    const hintId = hint ? `${id}-hint` : null;
    if (hintId) input.setAttribute('aria-describedby', hintId);
    return el(
      'div',
      { className: 'field' },
      el('label', { attrs: { for: id }, text: label }),
      input,
      hint && hintId ? el('p', { className: 'hint', text: hint, attrs: { id: hintId } }) : null,
    );
  }

  function render(settings: Settings): void {
    clear(body);
    const sheet = el('input', { attrs: { type: 'text', name: 'clientSheet' } });
    sheet.value = settings.clientSheet;
    const goal = el('input', { attrs: { type: 'number', min: 1, max: 200, name: 'dailyGoal' } });
    goal.value = String(settings.dailyGoal);
    const recent = el('input', { attrs: { type: 'number', min: 0, max: 365, name: 'recentDays' } });
    recent.value = String(settings.recentDays);
    const myName = el('input', { attrs: { type: 'text', name: 'myName', autocomplete: 'name' } });
    myName.value = settings.myName;
    const currency = el('input', {
      attrs: { type: 'text', name: 'currency', maxlength: 8, placeholder: 'USD' },
    });
    currency.value = settings.currency;

    const columns = new Map<string, HTMLInputElement>();
    const columnFields = el(
      'fieldset',
      { className: 'columns' },
      el('legend', { text: 'Columns' }),
      el('p', {
        className: 'hint',
        text: 'Leave blank to let Reconnect find the column by its header. Type a header from your sheet to choose it yourself.',
      }),
    );
    const known = new Set(COLUMN_FIELDS.map(([key]) => key as string));
    const extra = Object.keys(settings.columnMap).filter((key) => !known.has(key));
    for (const [key, label] of [...COLUMN_FIELDS, ...extra.map((k) => [k, k] as const)]) {
      const input = el('input', { attrs: { type: 'text', name: `column-${key}` } });
      input.value = settings.columnMap[key] ?? '';
      columns.set(key, input);
      columnFields.appendChild(field(label, input));
    }

    const save = el('button', {
      className: 'primary',
      text: 'Save settings',
      attrs: { type: 'submit' },
    });
    const form = el(
      'form',
      {
        attrs: { 'aria-label': 'Settings' },
        on: {
          submit: (event) => {
            event.preventDefault();
            const columnMap: Record<string, string> = {};
            for (const [key, input] of columns) {
              if (input.value.trim()) columnMap[key] = input.value.trim();
            }
            const update: Partial<Settings> = {
              clientSheet: sheet.value.trim(),
              columnMap,
              dailyGoal: Number(goal.value),
              recentDays: Number(recent.value),
              myName: myName.value.trim(),
              currency: currency.value.trim().toUpperCase(),
            };
            save.disabled = true;
            ctx.api.call('saveSettings', update).then(
              (saved) => {
                save.disabled = false;
                ctx.toast('Settings saved.');
                onSaved(saved);
                render(saved);
              },
              (error) => {
                save.disabled = false;
                ctx.showError(error);
              },
            );
          },
        },
      },
      field('Client sheet', sheet, 'The tab that holds your clients.'),
      field('Daily contact goal', goal, 'How many clients you aim to contact each day.'),
      field(
        'Recently contacted (days)',
        recent,
        'Emails skip anyone contacted within this many days.',
      ),
      field('Your name', myName, 'Used in call scripts and emails.'),
      field('Currency', currency, 'A code such as USD, EUR or GBP, used to show client value.'),
      columnFields,
      save,
    );
    body.appendChild(form);
  }

  load();
  return { reload: load };
}
