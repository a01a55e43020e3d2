// The outcome buttons of a call (Reached, No answer / voicemail, Wrong number, Do not contact) and the Reached form: each logs one touch.
import { CADENCES, MAX_NOTES, type CallListItem, type TouchInput } from '../../src/shared/api';
import { clear, el, uid } from './dom';

/** The outcome buttons of an expanded card; `logTouch` resolves once the server accepted the touch. */
export function outcomes(
  item: CallListItem,
  logTouch: (input: TouchInput) => Promise<void>,
): HTMLElement {
  const panel = el('div', { className: 'outcome-panel' });
  const buttons: HTMLButtonElement[] = [];
  const setBusy = (busy: boolean) => {
    for (const b of Array.from(panel.querySelectorAll('button'))) b.disabled = busy;
    panel.setAttribute('aria-busy', String(busy));
  };
  const log = async (input: Omit<TouchInput, 'clientId'>) => {
    setBusy(true);
    try {
      // What the card shows goes along: the server refuses if the row now holds someone else.
      await logTouch({
        clientId: item.id,
        ...input,
        expect: { name: item.name, email: item.email },
        row: item.row,
      });
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
  // As long as a cell holds (50,000 characters), the most logTouch accepts.
  const notes = el('textarea', { attrs: { id: notesId, rows: 3, maxlength: MAX_NOTES } });
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
