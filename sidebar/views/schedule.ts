// The Weekly batches tab: the schedule a time-driven trigger runs (day, hour, size, templates, mode), its state, the next batch and the campaign's progress; Save, Pause, Resume.
import { MAX_BATCH, type MergeSetup } from '../../src/shared/mergeApi';
import type { Schedule, ScheduleView, ScheduleViewExtras } from '../../src/shared/scheduleApi';
import type { Api } from '../api';
import type { ViewContext } from '../context';
import { errorText } from '../format';
import { append, clear, el } from './dom';
import { button, confirmThen } from './mergeParts';
import { scheduleForm, type ScheduleFormOptions } from './scheduleForm';
import {
  attentionPart,
  campaignPart,
  lastRunPart,
  nextBatchPart,
  statusPart,
} from './scheduleStatus';
import { errorState } from './states';

type View = ScheduleView & ScheduleViewExtras;

/** The two schedule calls, typed by the contract in src/shared/scheduleApi.ts. */
export interface ScheduleCalls {
  get(): Promise<View>;
  save(schedule: Schedule): Promise<View>;
}

export function scheduleCalls(api: Api): ScheduleCalls {
  return {
    get: () => api.call('getSchedule'),
    save: (schedule) => api.call('saveSchedule', schedule),
  };
}

export interface ScheduleViewHandle {
  reload(): void;
}

/** Only the fields of a schedule: the server checks its argument and refuses fields it does not know. */
function scheduleOf(view: ScheduleView): Schedule {
  return {
    day: view.day,
    hour: view.hour,
    size: view.size,
    template: { source: view.template.source, name: view.template.name },
    cadenceTemplate: view.cadenceTemplate
      ? { source: view.cadenceTemplate.source, name: view.cadenceTemplate.name }
      : null,
    mode: view.mode,
    afterCampaign: view.afterCampaign,
    summaryEmail: view.summaryEmail,
    paused: view.paused,
  };
}

export function mountScheduleView(root: HTMLElement, ctx: ViewContext): ScheduleViewHandle {
  const calls = scheduleCalls(ctx.api);
  const body = el('div', { className: 'schedule' });
  root.appendChild(body);

  function load(): void {
    clear(body);
    body.appendChild(el('p', { className: 'loading', text: 'Loading the schedule…' }));
    Promise.all([calls.get(), ctx.api.call('getMergeSetup')]).then(
      ([view, setup]) => render(view, setup),
      (error) => {
        clear(body);
        body.appendChild(
          errorState(error, { retry: load, settings: () => ctx.navigate('settings') }),
        );
      },
    );
  }

  function render(view: View, setup: MergeSetup): void {
    clear(body);
    const form = scheduleForm(formOptions(view, setup));
    const actions = el('div', { className: 'actions' });
    const otherOwner = !!view.owner && !view.mine;
    if (otherOwner && !view.paused) {
      // Someone else's running batches: shown, not editable here (the owner line says why).
      for (const c of form.element.querySelectorAll<HTMLInputElement | HTMLSelectElement>(
        'input, select',
      ))
        c.disabled = true;
    } else {
      actions.appendChild(
        button(
          otherOwner ? 'Take over and save…' : 'Save schedule',
          (b) => {
            const schedule = form.read();
            if (!schedule) return;
            // The batches would leave from this user's Gmail instead: never on one stray click.
            if (otherOwner) confirmThen(b, actions, () => save(schedule, 'saved'));
            else save(schedule, 'saved');
          },
          true,
        ),
      );
    }
    const status = statusPart(view, view.timeZone);
    const toggle = pauseButton(view);
    if (toggle) status.appendChild(el('div', { className: 'actions' }, toggle));
    const settings = settingsPart(form.element, actions);

    // Before the first save the form is what matters; afterwards, what the schedule is doing.
    append(
      body,
      el(
        'div',
        { className: 'schedule-head' },
        el('h2', { text: 'Weekly batches' }),
        button('Refresh', () => load()),
      ),
      status,
      attentionPart(view.attention),
      view.saved ? null : settings,
      campaignPart(view),
      nextBatchPart(view),
      lastRunPart(view),
      view.saved ? settings : null,
      helpPart(),
    );

    function pauseButton(current: ScheduleView): HTMLButtonElement | null {
      if (!current.saved || (current.owner && !current.mine)) return null;
      if (current.active)
        return button('Pause', () => save({ ...scheduleOf(current), paused: true }, 'paused'));
      return button('Resume', () => save({ ...scheduleOf(current), paused: false }, 'resumed'));
    }

    function save(schedule: Schedule, what: 'saved' | 'paused' | 'resumed'): void {
      const buttons = body.querySelectorAll<HTMLButtonElement>('.actions button');
      for (const b of buttons) b.disabled = true;
      calls.save(schedule).then(
        (saved) => {
          ctx.toast(savedWords(saved, what));
          render(saved, setup);
          body.querySelector<HTMLElement>('.schedule-status')?.focus();
        },
        (error) => {
          for (const b of buttons) b.disabled = false;
          if (!form.showServerError(errorText(error))) ctx.showError(error);
        },
      );
    }
  }

  load();
  return { reload: load };
}

function formOptions(view: View, setup: MergeSetup): ScheduleFormOptions {
  return {
    view,
    // A letter cannot go out on its own: only email templates can be scheduled.
    templates: setup.templates.filter((t) => t.channel === 'email'),
    limit: Math.max(1, Math.min(MAX_BATCH, view.maxSize ?? MAX_BATCH)),
    quota: setup.quota,
    timeZone: view.timeZone,
  };
}

function settingsPart(fields: HTMLElement, actions: HTMLElement): HTMLFormElement {
  return el(
    'form',
    {
      className: 'schedule-settings',
      attrs: { 'aria-label': 'Schedule', novalidate: true },
      on: { submit: (event) => event.preventDefault() },
    },
    el('h3', { text: 'Schedule' }),
    fields,
    actions,
  );
}

function savedWords(view: ScheduleView, what: 'saved' | 'paused' | 'resumed'): string {
  if (what === 'paused') return 'Weekly batches paused.';
  if (!view.active)
    return view.paused ? 'Schedule saved; still paused.' : 'Schedule saved; the batches are off.';
  return what === 'resumed' ? 'Weekly batches resumed.' : 'Schedule saved: weekly batches are on.';
}

/** What a person would hesitate over: what happens at the hour, whose Gmail sends, the quota. */
function helpPart(): HTMLElement {
  const points = [
    'At the hour you chose, Google runs Reconnect for you, even when this spreadsheet is closed: it takes the next clients (longest-silent and most valuable first), sends the emails or creates the drafts, and writes each status and touch to your sheet.',
    'The emails go from the Gmail of the person who saved the schedule and count against their daily quota (100 recipients on a Gmail account, 1,500 on Workspace). Whatever does not fit goes out the next day on its own.',
    'Nobody gets the same template twice, and clients you contacted recently are skipped. Pause stops the runs at once; Resume carries on where they stopped.',
    'Each run that had something to do or to report adds a row to the Activity sheet. With the summary email on, you also get a short note of who was emailed and who to call this week.',
  ];
  const list = el('ul');
  for (const text of points) list.appendChild(el('li', { text }));
  return el(
    'details',
    { className: 'schedule-help' },
    el('summary', { text: 'How weekly batches work' }),
    list,
  );
}
