// One client card in the call list: the summary, the expanded call script, and the outcome buttons that log a touch.
import {
  BUCKET_LABELS,
  type CallListItem,
  type ClientHistory,
  type TouchInput,
} from '../../src/shared/api';
import { historyBlock } from './cardHistory';
import { formatMoney } from '../format';
import { emailNode, phoneNode, sinceText, triedText } from './cardFacts';
import { callScript, scriptKindFor, SCRIPT_TITLES, type ScriptKind } from '../scripts';
import { clear, el, uid } from './dom';
import { outcomes } from './outcomes';
import { referralActions } from './referralActions';

export interface CardOptions {
  currency: string;
  /** Today in the spreadsheet's time zone (yyyy-MM-dd): "Tried 3 days ago". */
  today: string;
  myName(): string;
  /** The client's recent touches, read when the card is expanded. */
  history?(clientId: string): Promise<ClientHistory>;
  /** Logs the touch; resolves once the server accepted it (the list removes the card). */
  logTouch(item: CallListItem, input: TouchInput): Promise<void>;
  showInSheet(item: CallListItem): void;
  /** Opens the Emails tab for this client (a follow-up's template preselected). */
  emailClient?(item: CallListItem): void;
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
    // Long names are clamped to a few lines; the title shows them in full on hover.
    el('span', {
      className: 'card-name',
      text: item.name || '(no name)',
      attrs: { id: nameId, title: item.name.length > 40 ? item.name : null },
    }),
    item.company
      ? el('span', {
          className: 'card-company',
          text: item.company,
          attrs: { title: item.company.length > 40 ? item.company : null },
        })
      : null,
  );

  const value = formatMoney(item.value, options.currency);
  const tried = triedText(item, options.today);

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
      el('span', { className: 'card-since', text: sinceText(item) }),
      value ? el('span', { className: 'card-value', text: value }) : null,
      item.recovery ? el('span', { className: 'chip recovery', text: 'Recovery' }) : null,
    ),
    tried ? el('p', { className: 'card-tried', text: tried }) : null,
    renderReplyMarker(item, options),
    el(
      'div',
      { className: 'card-contact' },
      phoneNode(item),
      emailNode(item),
      el('button', {
        className: 'link',
        text: 'Show in sheet',
        attrs: { type: 'button', 'aria-label': `Show ${item.name} in the sheet` },
        on: { click: () => options.showInSheet(item) },
      }),
    ),
    details,
  );
  if (item.reply) card.classList.add('replied');
  // Escape steps back: first out of an open outcome form, then out of the expanded card.
  card.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || details.hidden) return;
    event.preventDefault();
    const opened = details.querySelector<HTMLElement>(
      '.outcome-buttons [aria-expanded="true"], .outcome-later [aria-expanded="true"]',
    );
    const follow = details.querySelector('.outcome-follow');
    if (opened && follow?.firstChild) {
      clear(follow);
      opened.setAttribute('aria-expanded', 'false');
      opened.focus();
      return;
    }
    toggle.click();
    toggle.focus();
  });
  return card;
}

/**
 * A client's unanswered reply found in Gmail: "Replied: call them back", the reply's first lines,
 * and, when it may ask not to be contacted, a "Do not contact" button: the user decides, never a guess.
 */
export function renderReplyMarker(item: CallListItem, options: CardOptions): HTMLElement | null {
  const reply = item.reply;
  if (!reply) return null;
  const box = el(
    'div',
    { className: 'reply-marker', attrs: { role: 'note' } },
    el('strong', { className: 'reply-title', text: 'Replied: call them back' }),
    el('span', { className: 'reply-date', text: ` (${reply.date})` }),
    el('p', { className: 'reply-text', text: reply.text }),
  );
  if (reply.mayOptOut) {
    const stop = el('button', {
      className: 'reply-dnc',
      text: 'Do not contact',
      attrs: { type: 'button', 'aria-label': `Mark ${item.name} Do not contact` },
      on: {
        click: () => {
          stop.disabled = true;
          options
            .logTouch(item, {
              clientId: item.id,
              channel: 'email',
              outcome: 'do not contact',
              notes: 'Asked not to be contacted in an email reply',
              expect: { name: item.name, email: item.email },
            })
            .catch(() => (stop.disabled = false));
        },
      },
    });
    box.append(
      el('p', { className: 'hint', text: 'This reply may ask you to stop writing.' }),
      stop,
    );
  }
  return box;
}

/** Long notes show their first lines, with a button to read the rest. */
const LONG_NOTE = 280;

function notesBlock(notes: string): HTMLElement | null {
  const text = notes.trim();
  if (!text) return null;
  const body = el('p', { className: 'notes-text', text });
  const block = el(
    'div',
    { className: 'notes' },
    el('span', { className: 'notes-label', text: 'Notes from your sheet' }),
    body,
  );
  if (text.length > LONG_NOTE || text.split('\n').length > 4) {
    body.classList.add('clamped');
    const more = el('button', {
      className: 'link',
      text: 'Show all notes',
      attrs: { type: 'button', 'aria-expanded': 'false' },
      on: {
        click: () => {
          const open = body.classList.toggle('clamped') === false;
          more.textContent = open ? 'Show fewer' : 'Show all notes';
          more.setAttribute('aria-expanded', String(open));
        },
      },
    });
    block.appendChild(more);
  }
  return block;
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
  const notes = notesBlock(item.notes);
  if (notes) details.appendChild(notes);
  const history = options.history;
  if (history) details.appendChild(historyBlock(() => history(item.id)));
  details.append(
    picker,
    scriptBox,
    outcomes(item, (input) => options.logTouch(item, input), options.today),
    referralActions(item, options.emailClient),
  );
}
