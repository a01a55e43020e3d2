// What every sidebar view gets from the shell: the typed server API, toasts, errors, and navigation between tabs.
import type { Api } from './api';
import type { CallListItem } from '../src/shared/api';

export type TabName = 'calls' | 'emails' | 'schedule' | 'settings';

export interface ViewContext {
  api: Api;
  /** A short message in the toast area (read by screen readers); with `undo`, an Undo button. */
  toast(message: string, undo?: () => void): void;
  /** Shows a server or network error in plain words, with what to do next. */
  showError(error: unknown): void;
  /** Switches tab; `client` preselects that client in the view (e.g. Emails after "No answer"). */
  navigate(tab: TabName, client?: CallListItem): void;
  /** Whether the Emails tab is available (the mail merge is part of this build). */
  canEmail(): boolean;
  /** The client handed over by the last navigate() to this tab, if any; reading it clears it. */
  takeSelectedClient(): CallListItem | null;
}
