// Pieces of the Emails tab: the email previewer (a sandboxed frame), labelled controls, and the two-step confirm.
import type { MergePreview } from '../../src/shared/mergeApi';
import { el, uid } from './dom';

/** One email at a time: a recipient picker, the subject, and the HTML in a sandboxed frame (no scripts). */
export function emailViewer(p: MergePreview): HTMLElement {
  const pick = el('select', { attrs: { id: uid('email') } });
  p.emails.forEach((e, i) =>
    pick.appendChild(el('option', { text: `${e.name} <${e.to}>`, attrs: { value: i } })),
  );
  const subject = el('p', { className: 'subject' });
  const warning = el('p', { className: 'hint' });
  const frame = el('iframe', {
    attrs: { sandbox: '', title: 'Email preview', referrerpolicy: 'no-referrer' },
  });
  const show = () => {
    const e = p.emails[Number(pick.value)] ?? p.emails[0];
    subject.textContent = p.path === 'print' ? '' : `Subject: ${e.subject}`;
    warning.textContent = e.warning ?? '';
    // srcdoc in a sandbox without allow-scripts: the HTML (values already escaped by the server) cannot run code.
    frame.srcdoc =
      p.path === 'print'
        ? `<pre style="white-space:pre-wrap;font:13px serif">${escape(e.text)}</pre>`
        : e.html;
  };
  pick.addEventListener('change', show);
  show();
  return el('div', {}, label('Preview for', pick), pick, subject, warning, frame);
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

/** A second click confirms: sending cannot be undone, so it never happens on one stray click. */
export function confirmThen(b: HTMLButtonElement, actions: HTMLElement, go: () => void): void {
  const original = b.textContent ?? '';
  const confirm = button(`Yes, ${original.toLowerCase()}`, () => go(), true);
  const cancel = button('Cancel', () => {
    confirm.remove();
    cancel.remove();
    b.hidden = false;
    b.focus();
  });
  b.hidden = true;
  actions.append(confirm, cancel);
  confirm.focus();
}
