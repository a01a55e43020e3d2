// What the Weekly batches panel shows about the schedule: on or off (from the real trigger), owner, next run, attention, campaign, next batch, last run.
import type { ScheduleView, ScheduledClient } from '../../src/shared/scheduleApi';
import { plural } from '../format';
import { el } from './dom';
import {
  dayWords,
  hourSpan,
  nextRunWords,
  progressWords,
  weekWords,
  zoneWords,
} from './scheduleWords';

/** On, Paused or Off, with what it means, who sends, and when the next run is. */
export function statusPart(view: ScheduleView, timeZone: string | undefined): HTMLElement {
  const state = view.active ? 'on' : view.paused && view.saved ? 'paused' : 'off';
  const label = { on: 'On', paused: 'Paused', off: 'Off' }[state];
  const zone = zoneWords(timeZone);
  const every = `Every ${dayWords(view.day)}, ${hourSpan(view.hour)}${zone ? ` (${zone} time)` : ''}.`;
  const lines: string[] = [];
  if (state === 'on') {
    lines.push(every);
    if (view.nextRun) lines.push(`Next run: ${nextRunWords(view.nextRun, view.hour, timeZone)}.`);
  } else if (state === 'paused') {
    lines.push('Paused: nothing is sent until you resume. Nothing is lost while it waits.');
  } else if (view.saved) {
    lines.push(
      'The schedule is saved but no trigger is running it (it was removed, or the add-on was turned off in this file). Resume to turn it back on.',
    );
  } else {
    lines.push('No weekly batches yet. Choose a day and an hour below, then save.');
  }
  return el(
    'section',
    {
      className: `schedule-status status-${state}`,
      attrs: { 'aria-label': 'Weekly batches state', tabindex: -1 },
    },
    el(
      'p',
      { className: 'schedule-state' },
      el('span', { className: 'state-dot', attrs: { 'aria-hidden': 'true' } }),
      el('span', { className: 'state-label', text: label }),
    ),
    ...lines.map((text) => el('p', { text })),
    ownerLine(view),
  );
}

function ownerLine(view: ScheduleView): HTMLElement | null {
  if (!view.owner) return null;
  if (view.mine)
    return el('p', {
      className: 'hint owner',
      text: `Sends from your Gmail (${view.owner}), within your daily email quota.`,
    });
  // Another editor's batches leave from their Gmail: only a paused schedule can change hands, and
  // then only after a confirming click (src/app/schedule.ts refuses an active one too).
  return el('p', {
    className: 'owner not-mine',
    text: view.paused
      ? `Scheduled by ${view.owner}, now paused. Saving here makes the batches yours: they would go from your Gmail, so Reconnect asks first.`
      : `Scheduled by ${view.owner}: the emails go from their Gmail. Only they can change or pause it; once it is paused, you can take it over.`,
  });
}

/** Problems that need the owner, one per line. */
export function attentionPart(items: string[]): HTMLElement | null {
  if (!items.length) return null;
  const list = el('ul');
  for (const text of items) list.appendChild(el('li', { text }));
  return el(
    'section',
    {
      className: 'schedule-attention',
      attrs: { role: 'alert', 'aria-label': 'Needs your attention' },
    },
    el('h3', { text: 'Needs your attention' }),
    list,
  );
}

/** Reached / remaining, and the week the campaign should be done at this pace. */
export function campaignPart(view: ScheduleView): HTMLElement {
  const { reached, remaining, expectedDone, done } = view.campaign;
  const section = el('section', {
    className: 'schedule-campaign',
    attrs: { 'aria-label': 'Campaign' },
  });
  section.appendChild(el('h3', { text: 'Reconnect campaign' }));
  if (done) {
    section.appendChild(
      el('p', { className: 'campaign-done', text: 'Everyone has been reached.' }),
    );
    section.appendChild(
      el('p', {
        className: 'hint',
        text:
          view.afterCampaign === 'cadence'
            ? 'Each batch now goes to clients due on the cadence they chose.'
            : 'The weekly batches stop here, as you chose.',
      }),
    );
    return section;
  }
  const total = reached + remaining;
  const bar = el('div', {
    className: 'progress',
    attrs: {
      role: 'progressbar',
      'aria-label': 'Campaign progress',
      'aria-valuemin': 0,
      'aria-valuemax': total,
      'aria-valuenow': reached,
      'aria-valuetext': progressWords(reached, remaining),
    },
  });
  const fill = el('div', { className: 'progress-fill' });
  fill.style.width = `${total ? Math.round((reached / total) * 100) : 0}%`;
  bar.appendChild(fill);
  section.append(
    el('p', { className: 'campaign-counts', text: `${progressWords(reached, remaining)}.` }),
    bar,
  );
  section.appendChild(
    el('p', {
      className: 'hint campaign-end',
      text: expectedDone
        ? `At ${plural(view.size, 'client', 'clients')} a week, done by ${weekWords(expectedDone)}.`
        : 'No end date while the batches are off.',
    }),
  );
  return section;
}

function clientWords(c: ScheduledClient): string {
  return c.to ? `${c.name || c.clientId} <${c.to}>` : c.name || c.clientId;
}

/** Who the next batch will reach, in order, and who it skips with the reason. */
export function nextBatchPart(view: ScheduleView): HTMLElement {
  const going = view.nextBatch.filter((c) => !c.skip);
  const skipped = view.nextBatch.filter((c) => c.skip);
  const verb = view.mode === 'draft' ? 'drafts for' : 'emails';
  const section = el('section', {
    className: 'schedule-batch',
    attrs: { 'aria-label': 'Next batch' },
  });
  section.appendChild(el('h3', { text: `Next batch: ${going.length}` }));
  if (!going.length && !skipped.length) {
    section.appendChild(el('p', { className: 'hint', text: 'Nobody is due for the next batch.' }));
    return section;
  }
  if (going.length) {
    section.appendChild(
      el('p', { className: 'hint', text: `In this order, the next run ${verb}:` }),
    );
    const list = el('ol', { className: 'batch-list' });
    for (const c of going)
      list.appendChild(
        el(
          'li',
          {},
          el('span', { className: 'batch-name', text: clientWords(c) }),
          el('span', {
            className: `chip kind-${c.kind}`,
            text:
              c.kind === 'campaign'
                ? 'Campaign'
                : c.kind === 'followUp'
                  ? `Follow-up: ${c.template ?? ''}`
                  : 'Cadence',
          }),
        ),
      );
    section.appendChild(list);
  }
  if (skipped.length) {
    const list = el('ul', { className: 'skips' });
    for (const c of skipped) list.appendChild(el('li', { text: `${clientWords(c)}: ${c.skip}` }));
    section.appendChild(
      el(
        'details',
        { attrs: { open: true } },
        el('summary', { text: `Skipped (${skipped.length})` }),
        list,
      ),
    );
  }
  return section;
}

/** The last run from the Activity sheet. */
export function lastRunPart(view: ScheduleView): HTMLElement {
  return el(
    'section',
    { className: 'schedule-last', attrs: { 'aria-label': 'Last run' } },
    el('h3', { text: 'Last run' }),
    el('p', { className: 'last-run', text: view.lastRun || 'No run yet.' }),
    el('p', {
      className: 'hint',
      text: 'Each run that had something to do or to report adds a row to the Activity sheet.',
    }),
  );
}
