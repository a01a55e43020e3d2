// The letters waiting for the print dialog: the request the Emails tab chose, kept in this user's properties until the dialog asks.
import type { MergeRequest } from '../shared/mergeApi';

const REQUEST_KEY = 'reconnect.letters.request';

/** User properties: the dialog is this user's, opened from their sidebar, on this script. */
export function saveLetterRequest(request: MergeRequest): void {
  PropertiesService.getUserProperties().setProperty(REQUEST_KEY, JSON.stringify(request));
}

export function loadLetterRequest(): MergeRequest | null {
  const json = PropertiesService.getUserProperties().getProperty(REQUEST_KEY);
  if (!json) return null;
  try {
    return JSON.parse(json) as MergeRequest;
  } catch {
    return null;
  }
}
