// The Calls tab: today's progress, recency chips, sort and search, and the paged list of client cards.
import {
  BUCKET_LABELS,
  BUCKETS,
  RELOAD_HINT,
  type Bucket,
  type CallList,
  type CallListItem,
  type CallListQuery,
  type SortMode,
  type TouchInput,
} from '../../src/shared/api';
import { isContact } from '../../src/shared/goal';
import type { ViewContext } from '../context';
import { plural } from '../format';
import { renderCard } from './card';
import {
  FOLLOW_UP,
  emailOffer,
  followUpOffer,
  loggedRow,
  nextCard,
  previousCard,
} from './callsParts';
import { clear, el, uid } from './dom';
import { emptyState, errorState, problemsList } from './states';
import { fetchCallList } from './callsLoad';

export const PAGE_SIZE = 25;

const SORTS: ReadonlyArray<[SortMode, string]> = [
  ['priority', 'Priority'],
  ['days', 'Days since contact'],
  ['value', 'Value'],
];

type Filter = Bucket | 'due';

interface State {
  sort: SortMode;
  filter: Filter;
  search: string;
  list: CallList | null;
  items: CallListItem[];
  /** Bumped by every new query, so a slow answer to an old query is dropped. */
  generation: number;
  loadingMore: boolean;
  myName: string;
  /** The Gmail scan for replies ran in this sidebar (gmailScan.ts). */
  scanned?: boolean;
}

export interface CallsView {
  reload(): void;
}

export function mountCallsView(root: HTMLElement, ctx: ViewContext): CallsView {
  const state: State = {
    sort: 'priority',
    filter: 'due',
    search: '',
    list: null,
    items: [],
    generation: 0,
    loadingMore: false,
    myName: '',
  };

  const progressText = el('span', { className: 'progress-text' });
  const progressBar = el('div', {
    className: 'progress',
    attrs: { role: 'progressbar', 'aria-label': "Today's contacts", 'aria-valuemin': 0 },
  });
  const progressFill = el('div', { className: 'progress-fill' });
  progressBar.appendChild(progressFill);
  const chips = el('div', {
    className: 'chips',
    attrs: { role: 'group', 'aria-label': 'Show clients due by time since last contact' },
  });
  const sortId = uid('sort');
  const sort = el(
    'select',
    {
      attrs: { id: sortId },
      on: {
        change: () => {
          state.sort = sort.value as SortMode;
          load();
        },
      },
    },
    ...SORTS.map(([value, label]) => el('option', { text: label, attrs: { value } })),
  );
  const searchId = uid('search');
  let searchTimer = 0;
  const search = el('input', {
    attrs: {
      id: searchId,
      type: 'search',
      placeholder: 'Search name, company, email',
      autocomplete: 'off',
      spellcheck: false,
    },
    on: {
      input: () => {
        window.clearTimeout(searchTimer);
        searchTimer = window.setTimeout(() => {
          state.search = search.value.trim();
          load();
        }, 250);
      },
      keydown: (event) => {
        if (event.key === 'Enter') {
          window.clearTimeout(searchTimer);
          state.search = search.value.trim();
          load();
        }
      },
    },
  });
  const banner = el('div', { className: 'banner-area' });
  // What Reconnect did on the way ("Gave a Client ID to 29 new clients"): at the top, where it is seen.
  const noticeArea = el('div', { className: 'notices', attrs: { 'aria-live': 'polite' } });
  const summary = el('p', { className: 'summary', attrs: { 'aria-live': 'polite' } });
  const list = el('ul', { className: 'cards', attrs: { 'aria-label': 'Clients to call' } });
  const status = el('div', { className: 'list-status' });
  const more = el('button', {
    className: 'more',
    text: 'Show more',
    attrs: { type: 'button', hidden: true },
    on: { click: () => loadMore() },
  });

  root.append(
    el(
      'header',
      { className: 'calls-header' },
      el('div', { className: 'goal' }, progressText, progressBar),
      chips,
      el(
        'div',
        { className: 'controls' },
        el('label', { attrs: { for: sortId }, text: 'Sort' }),
        sort,
        el('label', { className: 'visually-hidden', attrs: { for: searchId }, text: 'Search' }),
        search,
      ),
    ),
    noticeArea,
    banner,
    summary,
    list,
    status,
    more,
  );

  // Load the next page as "Show more" scrolls into view; the button stays for keyboard users.
  if ('IntersectionObserver' in window) {
    new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && !more.hidden) loadMore();
    }).observe(more);
  }

  function query(offset: number): CallListQuery {
    const bucket = state.search && state.filter === 'due' ? 'all' : state.filter;
    return { sort: state.sort, bucket, search: state.search, offset, limit: PAGE_SIZE };
  }

  function load(): void {
    const generation = ++state.generation;
    state.loadingMore = false;
    root.setAttribute('aria-busy', 'true');
    clear(status);
    const loading = el('p', { className: 'loading', text: 'Loading your call list…' });
    if (!state.list) status.appendChild(loading);
    else list.classList.add('stale');
    const progress = (text: string) => {
      if (generation !== state.generation) return;
      loading.textContent = text;
      if (!loading.isConnected) status.appendChild(loading);
    };
    fetchCallList(ctx.api, query(0), progress).then(
      (result) => {
        if (generation !== state.generation) return;
        state.list = result;
        state.items = result.items.slice();
        render();
        markFirstPaint(loadMyName);
        scanGmailOnce();
      },
      (error) => {
        if (generation !== state.generation) return;
        showLoadError(error);
      },
    );
  }

  /**
   * Once the list is on screen: replies and drafts sent from Gmail (the server scans at most every
   * 10 minutes per user); when it found any, the list is read again with those cards first.
   */
  function scanGmailOnce(): void {
    if (state.scanned || !ctx.api.has('scanGmailIfDue')) return;
    state.scanned = true;
    ctx.api.call('scanGmailIfDue').then(
      (scan) => {
        if (scan.replies || scan.draftsSent || scan.draftsDeleted) load();
      },
      // The list works without Gmail: a declined permission or a quota is not an error here.
      () => undefined,
    );
  }

  function loadMore(): void {
    if (state.loadingMore || !state.list) return;
    state.loadingMore = true;
    const generation = state.generation;
    more.disabled = true;
    more.textContent = 'Loading…';
    ctx.api.call('getCallList', query(state.items.length)).then(
      (result) => {
        if (generation !== state.generation) return;
        state.loadingMore = false;
        const known = new Set(state.items.map((i) => i.id));
        const fresh = result.items.filter((i) => !known.has(i.id));
        state.items.push(...fresh);
        state.list = { ...result, items: state.items };
        for (const item of fresh) list.appendChild(card(item));
        renderFooter();
      },
      (error) => {
        if (generation !== state.generation) return;
        state.loadingMore = false;
        more.disabled = false;
        more.textContent = 'Show more';
        ctx.showError(error);
      },
    );
  }

  function showLoadError(error: unknown): void {
    root.removeAttribute('aria-busy');
    list.classList.remove('stale');
    clear(list);
    clear(status);
    more.hidden = true;
    status.appendChild(
      errorState(error, { retry: load, settings: () => ctx.navigate('settings') }),
    );
  }

  function card(item: CallListItem): HTMLLIElement {
    return renderCard(item, {
      currency: state.list?.currency ?? 'USD',
      today: state.list?.today ?? '',
      myName: () => state.myName,
      history: (clientId) => ctx.api.call('getClientHistory', clientId),
      logTouch,
      showInSheet: (client) => {
        ctx.api.call('showClientInSheet', client.id).catch((error) => ctx.showError(error));
      },
      emailClient: ctx.canEmail() ? (client) => ctx.navigate('emails', client) : undefined,
    });
  }

  function render(): void {
    const result = state.list;
    if (!result) return;
    root.removeAttribute('aria-busy');
    list.classList.remove('stale');
    renderHeader(result);
    clear(list);
    const fragment = document.createDocumentFragment();
    for (const item of state.items) fragment.appendChild(card(item));
    list.appendChild(fragment);
    renderFooter();
  }

  function renderHeader(result: CallList): void {
    const { done, target } = result.goal;
    progressText.textContent = `Today: ${done} of ${plural(target, 'contact', 'contacts')}`;
    progressBar.setAttribute('aria-valuemax', String(target));
    progressBar.setAttribute('aria-valuenow', String(Math.min(done, target)));
    progressFill.style.width = `${target > 0 ? Math.min(100, (done / target) * 100) : 0}%`;
    progressBar.classList.toggle('met', target > 0 && done >= target);

    clear(chips);
    const totalDue = BUCKETS.reduce((sum, b) => sum + (result.counts[b] ?? 0), 0);
    chips.appendChild(chip('due', `All due ${totalDue.toLocaleString()}`));
    for (const bucket of BUCKETS) {
      const count = result.counts[bucket] ?? 0;
      if (count === 0 && state.filter !== bucket) continue;
      chips.appendChild(chip(bucket, `${BUCKET_LABELS[bucket]} ${count.toLocaleString()}`));
    }
  }

  function chip(filter: Filter, label: string): HTMLButtonElement {
    return el('button', {
      className: `chip filter${filter === 'due' ? '' : ` bucket-${filter}`}`,
      text: label,
      attrs: {
        type: 'button',
        'aria-pressed': String(state.filter === filter),
        'data-filter': filter,
      },
      on: {
        click: () => {
          state.filter = state.filter === filter ? 'due' : filter;
          load();
        },
      },
    });
  }

  function renderFooter(): void {
    const result = state.list;
    if (!result) return;
    clear(status);
    const shown = state.items.length;
    const total = result.total;
    if (shown === 0) {
      const group = state.filter === 'due' ? null : BUCKET_LABELS[state.filter];
      status.appendChild(
        emptyState(state.search, group, {
          doNotContact: result.doNotContactMatches ?? [],
          searchAll: () => {
            state.filter = 'due';
            load();
          },
        }),
      );
      summary.textContent = '';
    } else {
      summary.textContent = `Showing ${shown.toLocaleString()} of ${plural(total, 'client', 'clients')}`;
    }
    clear(noticeArea);
    for (const notice of result.notices ?? []) {
      noticeArea.appendChild(el('p', { className: 'notice', text: notice }));
    }
    if (result.problems?.length) status.appendChild(problemsList(result.problems));
    more.hidden = shown >= total || shown === 0;
    more.disabled = false;
    more.textContent = `Show more (${(total - shown).toLocaleString()} left)`;
  }

  async function logTouch(item: CallListItem, input: TouchInput): Promise<void> {
    let result;
    try {
      result = await ctx.api.call('logTouch', input);
    } catch (error) {
      ctx.showError(error);
      // The row now holds someone else: the list is stale, so it is read again.
      if (String((error as Error)?.message ?? error).includes(RELOAD_HINT)) reloadShown();
      return;
    }
    const touchId = result.touchId;
    removeItem(item, input, result.message, () => undo(touchId));
    ctx.toast(result.message, () => undo(touchId));
    if (input.outcome === 'no answer' || input.outcome === 'voicemail') offerEmail(item, input);
    if (input.outcome === 'reached') offerFollowUp(item);
  }

  /**
   * The logged card leaves the list; in its place a one-line record with its own Undo, so the
   * keyboard reaches Undo with one Shift+Tab from the next card (the toast sits at the bottom).
   */
  function removeItem(
    item: CallListItem,
    input: TouchInput,
    message: string,
    onUndo: () => void,
  ): void {
    const index = state.items.findIndex((i) => i.id === item.id);
    const node = list.querySelector(`li[data-client-id="${CSS.escape(item.id)}"]`);
    const next = nextCard(node) ?? previousCard(node);
    node?.replaceWith(loggedRow(message, onUndo));
    if (index >= 0) state.items.splice(index, 1);
    const result = state.list;
    if (result) {
      result.total = Math.max(0, result.total - 1);
      if (item.due) result.counts[item.bucket] = Math.max(0, (result.counts[item.bucket] ?? 0) - 1);
      if (isContact(input)) result.goal.done += 1;
      renderHeader(result);
      renderFooter();
    }
    const focusTarget = next?.querySelector<HTMLElement>('.card-toggle') ?? search;
    focusTarget.focus();
  }

  function offerEmail(item: CallListItem, input: TouchInput): void {
    clear(banner);
    if (!item.email || !ctx.canEmail()) return;
    banner.appendChild(
      emailOffer(item, input, {
        close: () => clear(banner),
        write: () => ctx.navigate('emails', item),
      }),
    );
  }

  /** After a call that reached them: the follow-up email, chosen for this client. */
  function offerFollowUp(item: CallListItem): void {
    clear(banner);
    if (!item.email || !ctx.canEmail()) return;
    banner.appendChild(
      followUpOffer(item, FOLLOW_UP, {
        close: () => clear(banner),
        write: () => ctx.navigate('emails', item, FOLLOW_UP),
      }),
    );
  }

  /** The caller's name for the scripts; fetched after the list is up, so it never delays it. */
  function loadMyName(): void {
    ctx.api.call('getSettings').then(
      (settings) => (state.myName = settings.myName),
      () => undefined,
    );
  }

  /** Undoes the touch this toast was for (the server refuses if it is no longer the user's last). */
  async function undo(touchId?: string): Promise<void> {
    try {
      const result = await (touchId
        ? ctx.api.call('undoLastTouch', { touchId })
        : ctx.api.call('undoLastTouch'));
      ctx.toast(result.message);
      clear(banner);
      reloadShown();
    } catch (error) {
      ctx.showError(error);
    }
  }

  /** Reloads as many rows as are shown, so an undone client returns to its place. */
  function reloadShown(): void {
    const generation = ++state.generation;
    const limit = Math.max(PAGE_SIZE, state.items.length + 1);
    ctx.api.call('getCallList', { ...query(0), limit }).then(
      (result) => {
        if (generation !== state.generation) return;
        state.list = result;
        state.items = result.items.slice();
        render();
      },
      (error) => {
        if (generation === state.generation) ctx.showError(error);
      },
    );
  }

  load();
  return { reload: load };
}

let painted = false;
/**
 * Marks the first list paint for bench/sidebar.ts (the task after the next frame, i.e. once it is
 * on screen), then runs `afterPaint`: nothing else is asked of the server before the list shows.
 */
function markFirstPaint(afterPaint: () => void): void {
  if (painted) return;
  painted = true;
  requestAnimationFrame(() => {
    setTimeout(() => {
      performance.mark('reconnect:list-painted');
      afterPaint();
    }, 0);
  });
}
