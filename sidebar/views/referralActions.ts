// A client card's referral part: why the client is due (reminder, post-sale), the ask hint, and the "Promised referrals" / "Referral received" actions with their small forms.
import type { CallListItem, Referral, ReferralInput, ReferralResult } from '../../src/shared/api';
import { createApi, type Api } from '../api';
import { explainError } from '../format';
import { clear, el, uid } from './dom';

/** Puts a line in the status: an error in red, or a message with an Undo button after it. */
type Say = (text: string, error?: boolean, undo?: HTMLElement) => void;

/** "Undo" for a referral just recorded (when the server kept its undo record), else undefined. */
function undoButton(
  api: Api,
  result: ReferralResult,
  say: Say,
  after: () => void,
): HTMLElement | undefined {
  if (!result.undoable) return undefined;
  const button = el('button', {
    className: 'link',
    text: 'Undo',
    attrs: { type: 'button', 'aria-label': `Undo: ${result.message}` },
    on: {
      click: () => {
        button.disabled = true;
        api.call('undoReferral', { referralId: result.referral.referralId }).then(
          (undone) => {
            say(undone.message);
            after();
          },
          (error) => say(explainError(error).message, true),
        );
      },
    },
  });
  return button;
}

/** The referral block of an expanded card; every server call goes through recordReferral. */
export function referralActions(
  item: CallListItem,
  emailClient?: (item: CallListItem) => void,
  api: Api = createApi(),
): HTMLElement {
  const status = el('p', { className: 'referral-status', attrs: { role: 'status' } });
  const form = el('div', { className: 'referral-form' });
  const list = el('div', { className: 'referral-list' });
  const say: Say = (text, error = false, undo) => {
    status.textContent = text;
    status.classList.toggle('field-error', error);
    if (undo) status.append(' ', undo);
  };
  const send = (input: Omit<ReferralInput, 'clientId'>): Promise<boolean> =>
    api.call('recordReferral', { clientId: item.id, ...input }).then(
      (result) => {
        // The list, when shown, is read again after an undo (the referral may be in it).
        const relist = () => list.childElementCount && loadList(api, item, list, say);
        say(result.message, false, undoButton(api, result, say, relist));
        clear(form);
        return true;
      },
      (error) => {
        say(explainError(error).message, true);
        return false;
      },
    );
  const buttons = el(
    'div',
    { className: 'referral-buttons', attrs: { role: 'group', 'aria-label': 'Referrals' } },
    el('button', {
      text: 'Promised referrals',
      attrs: { type: 'button' },
      on: { click: () => show(form, promisedForm(send)) },
    }),
    el('button', {
      text: 'Referral received',
      attrs: { type: 'button' },
      on: { click: () => show(form, receivedForm(send)) },
    }),
    el('button', {
      className: 'link',
      text: 'Their referrals',
      attrs: { type: 'button' },
      on: { click: () => loadList(api, item, list, say) },
    }),
  );
  return el(
    'section',
    { className: 'referrals-part', attrs: { 'aria-label': `Referrals from ${item.name}` } },
    followUpLine(item, emailClient),
    item.referralAsk?.suggest && !item.recovery
      ? el('p', {
          className: 'ask-hint',
          text: 'A good moment for one referral ask today: see the script.',
        })
      : null,
    buttons,
    form,
    status,
    list,
  );
}

function followUpLine(
  item: CallListItem,
  emailClient?: (item: CallListItem) => void,
): HTMLElement | null {
  const f = item.followUp;
  if (!f) return null;
  return el(
    'div',
    { className: 'follow-up' },
    el('p', { text: `Due: ${f.reason} (since ${f.dueOn}). Email: the “${f.template}” template.` }),
    emailClient && item.email
      ? el('button', {
          text: `Write the “${f.template}” email`,
          attrs: { type: 'button' },
          on: { click: () => emailClient(item) },
        })
      : null,
  );
}

function show(slot: HTMLElement, content: HTMLElement): void {
  clear(slot);
  slot.appendChild(content);
  slot.querySelector<HTMLElement>('input')?.focus();
}

function labelled(label: string, input: HTMLInputElement): HTMLElement {
  const id = uid('ref');
  input.id = id;
  return el('div', { className: 'field' }, el('label', { text: label, attrs: { for: id } }), input);
}

type Send = (input: Omit<ReferralInput, 'clientId'>) => Promise<boolean>;

function promisedForm(send: Send): HTMLElement {
  const count = el('input', { attrs: { type: 'number', min: 1, max: 100, value: 1 } });
  const incentive = el('input', { attrs: { type: 'text', maxlength: 1000 } });
  const due = el('input', { attrs: { type: 'date' } });
  const save = el('button', {
    className: 'primary',
    text: 'Record the promise',
    attrs: { type: 'submit' },
  });
  return el(
    'form',
    {
      attrs: { 'aria-label': 'Promised referrals' },
      on: {
        submit: (event) => {
          event.preventDefault();
          save.disabled = true;
          void send({
            kind: 'promised',
            count: Number(count.value) || 1,
            ...(incentive.value.trim() ? { incentive: incentive.value.trim() } : {}),
            ...(due.value ? { due: due.value } : {}),
          }).then(() => (save.disabled = false));
        },
      },
    },
    labelled('How many people', count),
    labelled('Incentive offered', incentive),
    labelled('By when', due),
    save,
  );
}

function receivedForm(send: Send): HTMLElement {
  const name = el('input', { attrs: { type: 'text', maxlength: 200, autocomplete: 'off' } });
  const email = el('input', { attrs: { type: 'email', maxlength: 320, autocomplete: 'off' } });
  const phone = el('input', { attrs: { type: 'tel', maxlength: 100, autocomplete: 'off' } });
  const add = el('input', { attrs: { type: 'checkbox', checked: true } });
  const save = el('button', {
    className: 'primary',
    text: 'Record the referral',
    attrs: { type: 'submit' },
  });
  const addId = uid('ref');
  add.id = addId;
  return el(
    'form',
    {
      attrs: { 'aria-label': 'Referral received' },
      on: {
        submit: (event) => {
          event.preventDefault();
          save.disabled = true;
          void send({
            kind: 'received',
            contact: {
              name: name.value.trim(),
              email: email.value.trim(),
              phone: phone.value.trim(),
            },
            addClient: add.checked,
          }).then(() => (save.disabled = false));
        },
      },
    },
    labelled('Name', name),
    labelled('Email', email),
    labelled('Phone', phone),
    el(
      'div',
      { className: 'check' },
      add,
      el('label', { text: 'Add them to my client sheet', attrs: { for: addId } }),
    ),
    save,
  );
}

/** The client's referred people with buttons to move each along (contacted, won, lost). */
function loadList(api: Api, item: CallListItem, slot: HTMLElement, say: Say): void {
  clear(slot);
  slot.appendChild(el('p', { className: 'loading', text: 'Loading…' }));
  api.call('getClientReferrals', item.id).then(
    (referrals) => {
      clear(slot);
      const people = referrals.filter((r) => r.contact.name || r.contact.email || r.contact.phone);
      if (!people.length) {
        slot.appendChild(
          el('p', { className: 'hint', text: 'No referrals from this client yet.' }),
        );
        return;
      }
      const ul = el('ul', { className: 'referral-people' });
      for (const r of people) ul.appendChild(personRow(api, item, r, slot, say));
      slot.appendChild(ul);
    },
    (error) => say(explainError(error).message, true),
  );
}

function personRow(
  api: Api,
  item: CallListItem,
  r: Referral,
  slot: HTMLElement,
  say: Say,
): HTMLElement {
  const who = r.contact.name || r.contact.email || r.contact.phone;
  const mark = (kind: 'contacted' | 'won' | 'lost', value?: number) =>
    api
      .call('recordReferral', {
        clientId: item.id,
        kind,
        referralId: r.referralId,
        ...(value !== undefined ? { value } : {}),
      })
      .then(
        (result) => {
          const relist = () => loadList(api, item, slot, say);
          say(result.message, false, undoButton(api, result, say, relist));
          relist();
        },
        (error) => say(explainError(error).message, true),
      );
  const row = el(
    'li',
    { attrs: { 'data-referral-id': r.referralId } },
    el('span', { className: 'referral-who', text: `${who}: ${r.status}` }),
  );
  if (r.status !== 'Received' && r.status !== 'Contacted') return row;
  const button = (text: string, label: string, click: () => void) =>
    el('button', {
      className: 'link',
      text,
      attrs: { type: 'button', 'aria-label': label },
      on: { click },
    });
  if (r.status === 'Received')
    row.appendChild(button('Contacted', `Mark ${who} contacted`, () => void mark('contacted')));
  row.append(
    button('Won', `Mark ${who} won`, () => {
      if (!row.querySelector('form')) row.appendChild(wonForm(who, (v) => mark('won', v)));
      row.querySelector('input')?.focus();
    }),
    button('Lost', `Mark ${who} lost`, () => void mark('lost')),
  );
  return row;
}

/** "Won": the value of the new business, optional, then Save. */
function wonForm(who: string, save: (value?: number) => Promise<void>): HTMLElement {
  const value = el('input', { attrs: { type: 'number', min: 0, step: 'any' } });
  const submit = el('button', { className: 'primary', text: 'Save', attrs: { type: 'submit' } });
  return el(
    'form',
    {
      className: 'won-form',
      attrs: { 'aria-label': `${who} won` },
      on: {
        submit: (event) => {
          event.preventDefault();
          submit.disabled = true;
          const n = value.value.trim() === '' ? undefined : Number(value.value);
          void save(n !== undefined && Number.isFinite(n) ? n : undefined);
        },
      },
    },
    labelled('Value of the new business (optional)', value),
    submit,
  );
}
