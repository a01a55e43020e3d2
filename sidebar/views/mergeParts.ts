// Pieces of the Emails tab: its styles, the email previewer (a sandboxed frame), labelled controls, the two-step confirm, and the "Free merge storage" offer.
import type { MergePreview, MergeStorage, PreviewEmail } from '../../src/shared/mergeApi';
import type { ViewContext } from '../context';
import { el, uid } from './dom';

/** Styles of this view only (constant text, no data). */
export const MERGE_CSS = `
.merge label{display:block;margin:8px 0 2px;font-weight:500}
.merge select,.merge input[type=text],.merge input[type=email],.merge input[type=number]{width:100%;box-sizing:border-box}
.merge .row{display:flex;gap:6px;align-items:center}
.merge .hint{color:#5f6368;font-size:12px;margin:2px 0}
.merge .actions{display:flex;flex-wrap:wrap;gap:6px;margin:10px 0}
.merge iframe{width:100%;height:260px;border:1px solid #dadce0;background:#fff}
.merge .subject{font-weight:500;margin:6px 0;overflow-wrap:anywhere}
.merge .skips li,.merge .outcomes li{margin:2px 0;overflow-wrap:anywhere}
.merge .blocked{border-left:3px solid #d93025;padding:4px 8px;background:#fce8e6}
.merge .notice{border-left:3px solid #1a73e8;padding:4px 8px;background:#e8f0fe;margin:6px 0}
.merge fieldset{border:0;padding:0;margin:8px 0}
.merge legend{font-weight:500;padding:0}
.merge .audience-warning{border-left:3px solid #f9ab00;padding:4px 8px;background:#fef7e0;margin:6px 0;width:100%}
.merge .storage{border-left:3px solid #f9ab00;padding:4px 8px;background:#fef7e0;margin:6px 0}
`;

/** A server error that a full document store caused (the journal refused, or the store's own quota). */
export function isStorageError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /property storage quota|Free merge storage/i.test(message);
}

/**
 * The offer to write back what the merge journal holds and free its space: shown when the store is
 * low, or when an operation failed because it is full. `done` runs after a repair (reload the tab).
 */
export function storageOffer(
  ctx: ViewContext,
  storage: MergeStorage | null,
  done: () => void,
): HTMLElement {
  const text = storage
    ? `This spreadsheet's add-on storage is nearly full: ${storage.usedKB} KB of ${storage.limitKB} KB used, ${storage.freeKB} KB free for merges. A large merge may be refused.`
    : "This spreadsheet's add-on storage is full.";
  const result = el('p', { className: 'hint', attrs: { 'aria-live': 'polite' } });
  const free = button('Free merge storage', (b) => {
    b.disabled = true;
    ctx.api
      .call('repairMergeJournal')
      .then((r) => {
        result.textContent = r.message;
        ctx.toast(r.message);
        done();
      }, ctx.showError)
      .finally(() => (b.disabled = false));
  });
  return el(
    'div',
    { className: 'storage', attrs: { role: 'status' } },
    el('p', { text }),
    el('p', {
      className: 'hint',
      text: 'Writes every merge result still held there to the sheet (statuses and touches), then frees the space. Nothing is sent.',
    }),
    el('div', { className: 'actions' }, free),
    result,
  );
}

/** The email picked in a viewer (the test email goes to the user as this client would get it). */
export interface EmailViewer {
  node: HTMLElement;
  picked(): PreviewEmail;
}

/** One email at a time: a recipient picker, the subject, and the HTML in a sandboxed frame (no scripts). */
export function emailViewer(p: MergePreview): EmailViewer {
  const pick = el('select', { attrs: { id: uid('email') } });
  // Letters are named by where they go: the address, not the email.
  const whom = (e: PreviewEmail) =>
    p.path === 'print'
      ? [e.name, ...(e.address ?? []).slice(1)].filter(Boolean).join(', ')
      : `${e.name} <${e.to}>`;
  p.emails.forEach((e, i) =>
    pick.appendChild(el('option', { text: whom(e), attrs: { value: i } })),
  );
  const subject = el('p', { className: 'subject' });
  const warning = el('p', { className: 'hint' });
  const mismatch = el('p', { className: 'audience-warning', attrs: { role: 'note' } });
  const frame = el('iframe', {
    attrs: { sandbox: '', title: 'Email preview', referrerpolicy: 'no-referrer' },
  });
  const show = () => {
    const e = picked();
    subject.textContent = p.path === 'print' ? '' : `Subject: ${e.subject}`;
    warning.textContent = e.warning ?? '';
    mismatch.textContent = e.audienceWarning ?? '';
    mismatch.hidden = !e.audienceWarning;
    // srcdoc in a sandbox without allow-scripts: the HTML (values already escaped by the server) cannot run code.
    frame.srcdoc =
      p.path === 'print'
        ? `<pre style="white-space:pre-wrap;font:13px serif">${escape(
            e.address?.length ? `${e.address.join('\n')}\n\n${e.text}` : e.text,
          )}</pre>`
        : e.html;
  };
  const picked = () => p.emails[Number(pick.value)] ?? p.emails[0];
  pick.addEventListener('change', show);
  show();
  return {
    node: el(
      'div',
      {},
      label('Preview for', pick),
      pick,
      subject,
      mismatch,
      warning,
      frame,
      filesLine(p),
    ),
    picked,
  };
}

/** A Gmail draft template's attachments and inline images, which go out with every email. */
function filesLine(p: MergePreview): HTMLElement | null {
  const files = p.template.files;
  if (!files || (!files.attachments.length && !files.inlineImages.length)) return null;
  const parts: string[] = [];
  if (files.inlineImages.length) parts.push(`Inline images: ${files.inlineImages.join(', ')}`);
  if (files.attachments.length) parts.push(`Attachments: ${files.attachments.join(', ')}`);
  return el('p', { className: 'hint draft-files', text: `${parts.join('. ')}.` });
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function label(text: string, control: HTMLElement): HTMLLabelElement {
  return el('label', { text, attrs: { for: control.id || null } });
}

export function button(
  text: string,
  onClick: (b: HTMLButtonElement) => void,
  primary = false,
): HTMLButtonElement {
  const b = el('button', { text, className: primary ? 'primary' : '', attrs: { type: 'button' } });
  b.addEventListener('click', () => onClick(b));
  return b;
}

/**
 * A second click confirms: sending cannot be undone, so it never happens on one stray click.
 * `caution` (e.g. emails to clients the template is not for) is said beside the confirmation.
 * Escape cancels, as Cancel does.
 */
export function confirmThen(
  b: HTMLButtonElement,
  actions: HTMLElement,
  go: () => void,
  caution = '',
): void {
  const original = b.textContent ?? '';
  const confirm = button(`Yes, ${original.toLowerCase()}`, () => go(), true);
  const note = caution ? el('p', { className: 'audience-warning', text: caution }) : null;
  const undo = () => {
    confirm.remove();
    cancel.remove();
    note?.remove();
    actions.removeEventListener('keydown', onKey);
    b.hidden = false;
    b.focus();
  };
  const cancel = button('Cancel', undo);
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    undo();
  };
  actions.addEventListener('keydown', onKey);
  b.hidden = true;
  if (note) actions.append(note);
  actions.append(confirm, cancel);
  confirm.focus();
}
