// One client card in the call list: the summary, the expanded call script, and the outcome buttons that log a touch.
import { BUCKET_LABELS, CADENCES, type CallListItem, type TouchInput } from '../../src/shared/api';
import { formatMoney, mailtoHref, telHref } from '../format';
import { callScript, scriptKindFor, SCRIPT_TITLES, type ScriptKind } from '../scripts';
import { clear, el, uid } from './dom';

export interface CardOptions {
  currency: string;
  myName(): string;
  /** Logs the touch; resolves once the server accepted it (the list removes the card). */
  logTouch(item: CallListItem, input: TouchInput): Promise<void>;
  showInSheet(item: CallListItem): void;
}

export function renderCard(item: CallListItem, options: CardOptions): HTMLLIElement {
  const detailsId = uid('details');
  const nameId = uid('name');
  const details = el('div', { className: 'card-details', attrs: { id: detailsId, hidden: true } });
  const toggle = el(
    'button',
    {
      className: 'card-toggle',
      attrs: { type: 'button', 'aria-expanded': 'false', 'aria-controls': detailsId },
      on: {
        click: () => {
          const open = toggle.getAttribute('aria-expanded') !== 'true';
          toggle.setAttribute('aria-expanded', String(open));
          details.hidden = !open;
          card.classList.toggle('expanded', open);
          if (open && !details.firstChild) fillDetails(details, item, options);
        },
      },
    },
    el('span', { className: 'card-name', text: item.name || '(no name)', attrs: { id: nameId } }),
    item.company ? el('span', { className: 'card-company', text: item.company }) : null,
  );

  const value = formatMoney(item.value, options.currency);
  const since = item.sinceWords ? `${item.sinceWords} since last contact` : 'No contact recorded';
  const phone = telHref(item.phone);
  const email = mailtoHref(item.email);

  const card = el(
    'li',
    { className: 'card', attrs: { 'data-client-id': item.id, 'aria-labelledby': nameId } },
    el(
      'div',
      { className: 'card-head' },
      toggle,
      el('span', {
        className: `chip bucket bucket-${item.bucket}`,
        text: BUCKET_LABELS[item.bucket],
      }),
    ),
    el(
      'div',
      { className: 'card-meta' },
      el('span', { className: 'card-since', text: since }),
      value ? el('span', { className: 'card-value', text: value }) : null,
      item.recovery ? el('span', { className: 'chip recovery', text: 'Recovery' }) : null,
    ),
    el(
      'div',
      { className: 'card-contact' },
      item.phone
        ? phone
          ? el('a', {
              className: 'card-phone',
              text: item.phone,
              attrs: {
                href: phone,
                target: '_top',
                'aria-label': `Call ${item.name}: ${item.phone}`,
              },
            })
          : el('span', { className: 'card-phone', text: item.phone })
        : null,
      item.email
        ? email
          ? el('a', {
              className: 'card-email',
              text: item.email,
              attrs: { href: email, target: '_blank', rel: 'noopener' },
            })
          : el('span', { className: 'card-email invalid', text: item.email })
        : null,
      el('button', {
        className: 'link',
        text: 'Show in sheet',
        attrs: { type: 'button', 'aria-label': `Show ${item.name} in the sheet` },
        on: { click: () => options.showInSheet(item) },
      }),
    ),
    details,
  );
  return card;
}

function fillDetails(details: HTMLElement, item: CallListItem, options: CardOptions): void {
  const scriptBox = el('div', { className: 'script', attrs: { 'aria-live': 'polite' } });
  let kind: ScriptKind = scriptKindFor(item);
  const picker = el('div', {
    className: 'segmented',
    attrs: { role: 'group', 'aria-label': 'Call script' },
  });
  const showScript = () => {
    clear(scriptBox);
    const script = callScript(kind, item, options.myName());
    const list = el('ol', { className: 'script-steps' });
    for (const step of script.steps) {
      if (step.say) list.appendChild(el('li', { className: 'say', text: step.say }));
      if (step.tip) list.appendChild(el('li', { className: 'tip', text: step.tip }));
    }
    scriptBox.appendChild(list);
    for (const button of Array.from(picker.children)) {
      button.setAttribute('aria-pressed', String(button.getAttribute('data-kind') === kind));
    }
  };
  for (const k of Object.keys(SCRIPT_TITLES) as ScriptKind[]) {
    picker.appendChild(
      el('button', {
        text: SCRIPT_TITLES[k],
        attrs: { type: 'button', 'data-kind': k, 'aria-pressed': String(k === kind) },
        on: {
          click: () => {
            kind = k;
            showScript();
          },
        },
      }),
    );
  }
  showScript();
  details.append(picker, scriptBox, outcomes(item, options));
}

function outcomes(item: CallListItem, options: CardOptions): HTMLElement {
  const panel = el('div', { className: 'outcome-panel' });
  const buttons: HTMLButtonElement[] = [];
  const setBusy = (busy: boolean) => {
    for (const b of Array.from(panel.querySelectorAll('button'))) b.disabled = busy;
    panel.setAttribute('aria-busy', String(busy));
  };
  const log = async (input: Omit<TouchInput, 'clientId'>) => {
    setBusy(true);
    try {
      await options.logTouch(item, { clientId: item.id, ...input });
    } finally {
      if (panel.isConnected) setBusy(false);
    }
  };
  const open = (form: HTMLElement | null, pressed: HTMLButtonElement | null) => {
    clear(follow);
    for (const b of buttons) b.setAttribute('aria-expanded', String(b === pressed && !!form));
    if (form) {
      follow.appendChild(form);
      const first = form.querySelector<HTMLElement>('input, button, textarea');
      first?.focus();
    }
  };
  const follow = el('div', { className: 'outcome-follow' });

  const reached = button('Reached', 'primary', () => open(reachedForm(item, log), reached));
  const noAnswer = button('No answer / voicemail', '', () =>
    open(
      el(
        'div',
        { className: 'choice', attrs: { role: 'group', 'aria-label': 'No answer or voicemail' } },
        button('No answer', '', () => log({ channel: 'call', outcome: 'no answer' })),
        button('Left a voicemail', '', () => log({ channel: 'voicemail', outcome: 'voicemail' })),
      ),
      noAnswer,
    ),
  );
  const wrong = button('Wrong number', '', () =>
    log({ channel: 'call', outcome: 'wrong number', status: 'Wrong number' }),
  );
  const dnc = button('Do not contact', 'danger', () =>
    open(
      el(
        'div',
        { className: 'choice' },
        el('p', {
          text: `${item.name} will no longer be listed and will get no emails.`,
        }),
        button('Yes, do not contact', 'danger', () =>
          log({ channel: 'call', outcome: 'do not contact' }),
        ),
        button('Cancel', '', () => open(null, null)),
      ),
      dnc,
    ),
  );
  buttons.push(reached, noAnswer, dnc);
  reached.setAttribute('aria-expanded', 'false');
  noAnswer.setAttribute('aria-expanded', 'false');
  dnc.setAttribute('aria-expanded', 'false');
  panel.append(
    el('h3', { className: 'outcome-title', text: 'How did the call go?' }),
    el('div', { className: 'outcome-buttons' }, reached, noAnswer, wrong, dnc),
    follow,
  );
  return panel;
}

function reachedForm(
  item: CallListItem,
  log: (input: Omit<TouchInput, 'clientId'>) => Promise<void>,
): HTMLElement {
  const group = uid('cadence');
  const radios = CADENCES.map((cadence) => {
    const input = el('input', {
      attrs: {
        type: 'radio',
        name: group,
        value: cadence,
        checked: item.cadence.toLowerCase() === cadence.toLowerCase(),
      },
    });
    return el('label', { className: 'radio' }, input, ` ${cadence}`);
  });
  const notesId = uid('notes');
  const notes = el('textarea', { attrs: { id: notesId, rows: 3, maxlength: 2000 } });
  const problem = el('input', { attrs: { type: 'checkbox', checked: item.recovery } });
  const problemLabel = item.recovery ? 'The problem is still open' : 'They raised a problem';
  const form = el(
    'form',
    {
      className: 'reached-form',
      on: {
        submit: (event) => {
          event.preventDefault();
          const chosen = form.querySelector<HTMLInputElement>(`input[name="${group}"]:checked`);
          const raised = problem.checked;
          const input: Omit<TouchInput, 'clientId'> = {
            channel: 'call',
            outcome: raised ? 'raised a problem' : 'reached',
            status: raised ? 'Recovery' : 'Reconnected',
          };
          if (chosen) input.cadence = chosen.value;
          if (notes.value.trim()) input.notes = notes.value.trim();
          void log(input);
        },
      },
    },
    el(
      'fieldset',
      {},
      el('legend', { text: 'How often would they like to hear from you?' }),
      ...radios,
    ),
    el('label', { attrs: { for: notesId }, text: 'Notes (optional)' }),
    notes,
    el('label', { className: 'check' }, problem, ` ${problemLabel} (Recovery: no asks)`),
    el('button', { className: 'primary', text: 'Log the call', attrs: { type: 'submit' } }),
  );
  return form;
}

function button(text: string, kind: string, onClick: () => void): HTMLButtonElement {
  return el('button', {
    className: kind,
    text,
    attrs: { type: 'button' },
    on: { click: onClick },
  });
}
