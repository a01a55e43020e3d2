// The sidebar shell: tabs (Calls, Emails, Weekly, Settings), the toast area with Undo, plain-words errors, and the first view.
import type { CallListItem } from '../src/shared/api';
import { createApi } from './api';
import type { TabName, ViewContext } from './context';
import { explainError } from './format';
import { mountCallsView, type CallsView } from './views/calls';
import { clear, el } from './views/dom';
import { mountMergeView } from './views/merge';
import { mountScheduleView } from './views/schedule';
import { mountSettingsView } from './views/settings';

performance.mark('reconnect:start');

declare global {
  interface Window {
    /** Set by the server (src/app/sidebar.ts) in a script appended to this page: the tab to open first. */
    reconnectView?: string;
  }
}

interface Tab {
  name: TabName;
  label: string;
  mount(panel: HTMLElement, ctx: ViewContext): void;
}

function start(): void {
  const app = document.getElementById('app') ?? document.body;
  const api = createApi();
  let calls: CallsView | null = null;
  let callsStale = false;
  let selectedClient: CallListItem | null = null;

  const toastArea = el('div', {
    className: 'toasts',
    attrs: { role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' },
  });
  const errorArea = el('div', { className: 'errors', attrs: { role: 'alert' } });
  let toastTimer = 0;
  /** The Undo of the toast on screen: Ctrl+Z (or Cmd+Z) runs it from anywhere but a text field. */
  let pendingUndo: (() => void) | null = null;
  const closeToast = () => {
    pendingUndo = null;
    clear(toastArea);
  };
  document.addEventListener('keydown', (event) => {
    const typing = (event.target as HTMLElement | null)?.closest?.('input, textarea, select');
    if (!pendingUndo || typing || event.shiftKey || !(event.ctrlKey || event.metaKey)) return;
    if (event.key.toLowerCase() !== 'z') return;
    event.preventDefault();
    const undo = pendingUndo;
    closeToast();
    undo();
  });

  const ctx: ViewContext = {
    api,
    toast(message, undo) {
      window.clearTimeout(toastTimer);
      closeToast();
      pendingUndo = undo ?? null;
      const toast = el('div', { className: 'toast' }, el('span', { text: message }));
      if (undo) {
        toast.appendChild(
          el('button', {
            className: 'undo',
            text: 'Undo',
            attrs: { type: 'button', 'aria-keyshortcuts': 'Control+Z', title: 'Undo (Ctrl+Z)' },
            on: {
              click: () => {
                closeToast();
                undo();
              },
            },
          }),
        );
      }
      toast.appendChild(
        el('button', {
          className: 'dismiss',
          text: '×',
          attrs: { type: 'button', 'aria-label': 'Dismiss' },
          on: { click: closeToast },
        }),
      );
      toastArea.appendChild(toast);
      // Long enough to reach Undo by keyboard; hovering or focusing inside keeps it.
      const hide = () => {
        if (!toast.matches(':hover, :focus-within')) closeToast();
        else toastTimer = window.setTimeout(hide, 3000);
      };
      toastTimer = window.setTimeout(hide, undo ? 12000 : 5000);
    },
    showError(error) {
      const plain = explainError(error);
      clear(errorArea);
      errorArea.appendChild(
        el(
          'div',
          { className: 'error-toast' },
          el('p', { className: 'error-message', text: plain.message }),
          el('p', { text: plain.advice }),
          plain.action === 'settings'
            ? el('button', {
                text: 'Open Settings',
                attrs: { type: 'button' },
                on: {
                  click: () => {
                    clear(errorArea);
                    ctx.navigate('settings');
                  },
                },
              })
            : null,
          el('button', {
            text: 'Dismiss',
            attrs: { type: 'button' },
            on: { click: () => clear(errorArea) },
          }),
        ),
      );
    },
    navigate(tab, client) {
      selectedClient = client ?? null;
      // A view reads the handed-over client when it mounts: mount it afresh to pass a new one.
      if (client) remount(tab);
      select(tab, true);
    },
    canEmail: () => tabs.some((t) => t.name === 'emails'),
    takeSelectedClient() {
      const client = selectedClient;
      selectedClient = null;
      return client;
    },
  };

  const tabs: Tab[] = [
    {
      name: 'calls',
      label: 'Calls',
      mount: (panel) => {
        calls = mountCallsView(panel, ctx);
      },
    },
    {
      name: 'emails',
      label: 'Emails',
      mount: (panel) => mountMergeView(panel, ctx),
    },
    {
      name: 'schedule',
      label: 'Weekly',
      mount: (panel) => {
        mountScheduleView(panel, ctx);
      },
    },
    {
      name: 'settings',
      label: 'Settings',
      mount: (panel) =>
        mountSettingsView(panel, ctx, () => {
          callsStale = true;
        }),
    },
  ];

  // A server without the weekly batches (an older deployment) gets no Weekly tab.
  if (!api.has('getSchedule'))
    tabs.splice(
      tabs.findIndex((t) => t.name === 'schedule'),
      1,
    );

  const tabList = el('div', {
    className: 'tabs',
    attrs: { role: 'tablist', 'aria-label': 'Reconnect' },
  });
  const panels = el('main', { className: 'panels' });
  const buttons = new Map<TabName, HTMLButtonElement>();
  const mounted = new Map<TabName, HTMLElement>();

  for (const tab of tabs) {
    const button = el('button', {
      className: 'tab',
      text: tab.label,
      attrs: {
        type: 'button',
        role: 'tab',
        id: `tab-${tab.name}`,
        'aria-controls': `panel-${tab.name}`,
        'aria-selected': 'false',
        tabindex: -1,
      },
      on: {
        click: () => select(tab.name, true),
        keydown: (event) => {
          // Arrow keys move between tabs, as in any tab list.
          const index = tabs.indexOf(tab);
          let next = -1;
          if (event.key === 'ArrowRight') next = (index + 1) % tabs.length;
          if (event.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length;
          if (event.key === 'Home') next = 0;
          if (event.key === 'End') next = tabs.length - 1;
          if (next >= 0) {
            event.preventDefault();
            select(tabs[next].name, true);
          }
        },
      },
    });
    buttons.set(tab.name, button);
    tabList.appendChild(button);
  }

  function select(name: TabName, focus: boolean): void {
    const tab = tabs.find((t) => t.name === name) ?? tabs[0];
    for (const [tabName, button] of buttons) {
      const selected = tabName === tab.name;
      button.setAttribute('aria-selected', String(selected));
      button.tabIndex = selected ? 0 : -1;
      const panel = mounted.get(tabName);
      if (panel) panel.hidden = !selected;
    }
    if (focus) buttons.get(tab.name)?.focus();
    let panel = mounted.get(tab.name);
    if (!panel) {
      panel = el('section', {
        className: `panel panel-${tab.name}`,
        attrs: { role: 'tabpanel', id: `panel-${tab.name}`, 'aria-labelledby': `tab-${tab.name}` },
      });
      mounted.set(tab.name, panel);
      panels.appendChild(panel);
      tab.mount(panel, ctx);
    } else if (tab.name === 'calls' && callsStale) {
      callsStale = false;
      (calls as CallsView | null)?.reload();
    }
  }

  function remount(name: TabName): void {
    const panel = mounted.get(name);
    if (!panel) return;
    panel.remove();
    mounted.delete(name);
  }

  app.append(tabList, errorArea, panels, toastArea);
  const initial = window.reconnectView;
  select(tabs.some((t) => t.name === initial) ? (initial as TabName) : 'calls', false);
}

// The server appends a script naming the first tab after this one: read it once the page is parsed.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
