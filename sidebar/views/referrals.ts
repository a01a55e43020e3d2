// The "Referrals and goals" tab: this month's touches, asks, commitments, referrals received and won against the target, the last 12 months as a chart, and a warm note when the month is met.
import type { ReferralMonth, ReferralSummary } from '../../src/shared/api';
import type { ViewContext } from '../context';
import { append, clear, el } from './dom';
import { monthLabel, referralsChart } from './referralsChart';
import { errorState } from './states';

export interface ReferralsView {
  reload(): void;
}

export function mountReferralsView(root: HTMLElement, ctx: ViewContext): ReferralsView {
  const body = el('div', { className: 'referrals' });
  root.appendChild(body);

  function load(): void {
    clear(body);
    body.appendChild(el('p', { className: 'loading', text: 'Loading referrals…' }));
    ctx.api.call('getReferralSummary').then(
      (summary) => render(summary),
      (error) => {
        clear(body);
        body.appendChild(errorState(error, { retry: load }));
      },
    );
  }

  function render(summary: ReferralSummary): void {
    clear(body);
    append(
      body,
      el('h2', { text: `${monthName(summary.month.month)}: referrals and goals` }),
      summary.note
        ? el('p', { className: 'goal-met', attrs: { role: 'status' }, text: summary.note })
        : null,
      monthTable(summary.month),
      neededLine(summary),
      el('h3', { text: 'Last 12 months' }),
      referralsChart(summary.months),
      el('p', {
        className: 'hint',
        text: 'Bars: new clients won from referrals. Dashes: each month’s target.',
      }),
      el('button', { text: 'Refresh', attrs: { type: 'button' }, on: { click: load } }),
    );
  }

  load();
  return { reload: load };
}

function monthName(month: string): string {
  return `${monthLabel(month)} ${month.slice(0, 4)}`;
}

function monthTable(m: ReferralMonth): HTMLElement {
  const rows: [string, string][] = [
    ['Reconnect touches', String(m.touches)],
    ['Referral asks', String(m.asks)],
    ['Commitments', String(m.commitments)],
    ['Referrals received', m.needed ? `${m.received} of ${m.needed} needed` : String(m.received)],
    ['New clients won', m.target ? `${m.won} of ${m.target}` : String(m.won)],
  ];
  return el(
    'table',
    { className: 'month-figures', attrs: { 'aria-label': 'This month' } },
    el(
      'tbody',
      {},
      ...rows.map(([label, value]) =>
        el('tr', {}, el('th', { text: label, attrs: { scope: 'row' } }), el('td', { text: value })),
      ),
    ),
  );
}

function neededLine(summary: ReferralSummary): HTMLElement {
  if (!summary.yearlyTarget)
    return el('p', {
      className: 'hint',
      text: 'Set a yearly referral target in Settings to see this month against it.',
    });
  const open = summary.openPromises;
  return el(
    'p',
    { className: 'hint' },
    `Target: ${summary.yearlyTarget} new clients this year, ${summary.month.target} this month. ${summary.basis.words}`,
    open ? ` ${open} promise${open === 1 ? '' : 's'} still open.` : '',
  );
}
