// The last 12 months of referrals won against their targets as a small inline SVG bar chart (no library); every text set as text.
import type { ReferralMonth } from '../../src/shared/api';

const SVG = 'http://www.w3.org/2000/svg';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function node<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const n = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, String(v));
  if (text !== undefined) n.textContent = text;
  return n;
}

export function monthLabel(month: string): string {
  return MONTHS[Number(month.slice(5, 7)) - 1] ?? month;
}

/**
 * Bars: referrals won each month (filled when the month's target was met); a dash marks each
 * month's target. The chart's title reads the same figures for screen readers.
 */
export function referralsChart(months: readonly ReferralMonth[]): SVGSVGElement {
  const width = 272;
  const height = 120;
  const top = 10;
  const bottom = 18;
  const slot = width / Math.max(1, months.length);
  const most = Math.max(1, ...months.map((m) => Math.max(m.won, m.target)));
  const scale = (v: number) => ((height - top - bottom) * v) / most;
  const words = months.map((m) => `${monthLabel(m.month)} ${m.won} of ${m.target}`).join(', ');
  const svg = node('svg', {
    class: 'referrals-chart',
    viewBox: `0 0 ${width} ${height}`,
    width: '100%',
    role: 'img',
    'aria-label': `Referrals won per month against the target, last 12 months: ${words}.`,
  });
  svg.appendChild(node('title', {}, 'Referrals won per month against the target'));
  const base = height - bottom;
  svg.appendChild(node('line', { x1: 0, x2: width, y1: base, y2: base, class: 'axis' }));
  months.forEach((m, i) => {
    const x = i * slot;
    const h = scale(m.won);
    const bar = node('rect', {
      x: x + slot * 0.2,
      y: base - h,
      width: slot * 0.6,
      height: Math.max(h, 0),
      class: m.met ? 'bar met' : 'bar',
      'data-month': m.month,
    });
    bar.appendChild(node('title', {}, `${monthLabel(m.month)}: ${m.won} won, target ${m.target}`));
    svg.appendChild(bar);
    if (m.target > 0) {
      const y = base - scale(m.target);
      svg.appendChild(
        node('line', { x1: x + slot * 0.1, x2: x + slot * 0.9, y1: y, y2: y, class: 'target' }),
      );
    }
    svg.appendChild(
      node(
        'text',
        { x: x + slot / 2, y: height - 5, 'text-anchor': 'middle' },
        monthLabel(m.month)[0],
      ),
    );
  });
  return svg;
}
