// The mail merge's and the letters' arguments checked at the boundary: recipient kinds, ID lists, template references, modes.
import { BUCKETS } from '../shared/api';
import { MAX_BATCH, type LetterConfirmation, type MergeRequest } from '../shared/mergeApi';
import {
  bool,
  list,
  num,
  object,
  oneOf,
  optional,
  text,
  variant,
  type Check,
} from '../core/schema';
import { TEMPLATE_NAME_MAX } from '../core/merge/journalStore';

/** A Client ID as the sidebar sends it (the add-on's IDs are 12 characters; users' own are short). */
const clientId = text({ nonEmpty: true, max: 100 });
/** The most IDs one argument may carry: a preview's skips can list every client of a large sheet. */
const MAX_IDS = 50_000;

const recipients = variant('kind', {
  selected: object({ kind: text() }),
  top: object({ kind: text(), count: num({ integer: true, min: 1, max: MAX_BATCH }) }),
  bucket: object({
    kind: text(),
    bucket: oneOf(BUCKETS),
    count: num({ integer: true, min: 1, max: MAX_BATCH }),
  }),
  clients: object({
    kind: text(),
    ids: list(clientId, { max: MAX_IDS }),
    skipped: optional(list(clientId, { max: MAX_IDS })),
  }),
});

const mergeRequest = object({
  template: object({
    source: oneOf(['sheet', 'draft'] as const),
    name: text({ nonEmpty: true, max: TEMPLATE_NAME_MAX }),
  }),
  recipients,
  mode: oneOf(['send', 'draft'] as const),
  senderName: optional(text({ max: 200 })),
  replyTo: optional(text({ max: 320 })),
  from: optional(text({ max: 320 })),
  repeatWhenDue: optional(bool),
}) as Check<unknown> as Check<MergeRequest>;

/** The request of a preview, test, send or letters, checked before anything is read or written. */
export function checkMergeRequest(request: unknown): MergeRequest {
  return mergeRequest(request, 'request');
}

const letterConfirmation = object({
  template: text({ nonEmpty: true, max: TEMPLATE_NAME_MAX }),
  clientIds: list(clientId, { max: MAX_IDS }),
});

export function checkLetterConfirmation(confirmation: unknown): LetterConfirmation {
  return letterConfirmation(confirmation, 'confirmation');
}
