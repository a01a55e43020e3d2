// The letters dialog: one letter a page for printing, then the user ticks the ones that went out and they are logged as letter touches.
import type { LetterBatch } from '../src/shared/mergeApi';
import { MONTH_NAMES } from '../src/shared/words';
import { createApi } from './api';
import { explainError } from './format';
import { clear, el } from './views/dom';

/** "25 November 2026" from yyyy-MM-dd (the spreadsheet's today, computed on the server). */
export function longDate(civil: string): string {
  const [y, m, d] = civil.split('-').map(Number);
  return `${d} ${MONTH_NAMES[m - 1] ?? ''} ${y}`;
}

function start(): void {
  const root = document.getElementById('letters') ?? document.body;
  const api = createApi();
  const status = el('p', { attrs: { role: 'status', 'aria-live': 'polite' } });
  root.appendChild(el('p', { text: 'Preparing the letters…' }));

  api.call('getLetterBatch').then(render, (error) => {
    clear(root);
    const plain = explainError(error);
    root.append(
      el('p', {
        className: 'blocked',
        attrs: { role: 'alert' },
        text: `${plain.message} ${plain.advice}`,
      }),
    );
  });

  function render(batch: LetterBatch): void {
    clear(root);
    if (batch.blocked) {
      root.appendChild(
        el('p', { className: 'blocked', attrs: { role: 'alert' }, text: batch.blocked.message }),
      );
      return;
    }
    const boxes: Array<[string, HTMLInputElement]> = [];
    const confirm = el('button', {
      className: 'primary',
      text: 'Log the ticked letters as sent',
      attrs: { type: 'button' },
    });
    const controls = el(
      'div',
      { className: 'controls' },
      el('button', {
        text: 'Print',
        attrs: { type: 'button' },
        on: { click: () => window.print() },
      }),
      confirm,
      el('button', {
        text: 'Close',
        attrs: { type: 'button' },
        on: { click: () => window.google?.script.host?.close() },
      }),
      status,
    );
    root.appendChild(controls);
    root.appendChild(
      el('p', {
        className: 'screen-only',
        text: `${batch.letters.length} letter${batch.letters.length === 1 ? '' : 's'} of "${batch.template}", one a page. Print them, post them, then tick the ones that went out.`,
      }),
    );
    for (const s of batch.skips) {
      root.appendChild(
        el('p', {
          className: 'notice screen-only',
          text: `Not included: ${s.name || s.clientId}: ${s.reason}`,
        }),
      );
    }
    for (const letter of batch.letters) {
      const box = el('input', { attrs: { type: 'checkbox', checked: true } });
      boxes.push([letter.clientId, box]);
      root.appendChild(
        el(
          'article',
          { className: 'letter', attrs: { 'aria-label': `Letter to ${letter.name}` } },
          // The postal address block, where a window envelope shows it (when the sheet has one).
          letter.address?.length
            ? el('div', { className: 'address', text: letter.address.join('\n') })
            : null,
          el('div', { className: 'date', text: longDate(batch.date) }),
          el('div', { className: 'text', text: letter.text }),
          el('label', { className: 'posted' }, box, ` Posted to ${letter.name}`),
        ),
      );
    }
    confirm.addEventListener('click', () => {
      const clientIds = boxes.filter(([, b]) => b.checked).map(([id]) => id);
      if (!clientIds.length) {
        status.textContent = 'Tick at least one letter.';
        return;
      }
      confirm.disabled = true;
      api.call('confirmLetters', { template: batch.template, clientIds }).then(
        (r) => {
          status.textContent = r.message;
          for (const s of r.skipped) status.textContent += ` ${s.name || s.clientId}: ${s.reason}.`;
        },
        (error) => {
          confirm.disabled = false;
          status.textContent = explainError(error).message;
        },
      );
    });
  }
}

start();
