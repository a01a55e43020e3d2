// Letters by post: the letters dialog (one letter a page, printable), then logging a letter touch for each one the user confirms went out.
import type {
  LetterBatch,
  LetterConfirmResult,
  LetterConfirmation,
  MergeRequest,
} from '../shared/mergeApi';
import { buildHistory, historyKey } from '../core/merge/skipRules';
import { sentStatus } from '../core/merge/status';
import type { TouchToLog } from '../core/merge/journal';
import { blockOf, openMergeContext, planFor, resolveTemplate, skipsOf } from './mergeContext';
import { writeMergeBack } from './mergeWriteBack';
import { showDialogPage } from '../services/ui';
import { loadLetterRequest, saveLetterRequest } from '../services/letterQueue';
import { withMergeLock } from '../services/mergeLock';
import { checkLetterConfirmation, checkMergeRequest } from './mergeInput';

/**
 * Opens the letters dialog. The page is the built dist/Letters.html served as a file (not a
 * template); the request it prints waits in the user's properties (this user, this script), and the
 * page asks for the letters with getLetterBatch.
 */
export function openLetters(input: MergeRequest): void {
  const request = checkMergeRequest(input);
  saveLetterRequest({ ...request, mode: 'send' });
  showDialogPage('Letters', 'Print letters', 820, 620);
}

/** The waiting request, checked like a new one (it may be from an older version). */
function storedRequest(): MergeRequest {
  const stored: unknown = loadLetterRequest();
  try {
    if (stored) return checkMergeRequest(stored);
  } catch {
    // An unreadable request is as good as none: the user chooses again.
  }
  throw new Error(
    'No letters are waiting: choose a letter template in the Emails tab and click Print letters.',
  );
}

/** The letters to print, each rendered for its client; skips with reasons. */
export function getLetterBatch(): LetterBatch {
  const request = storedRequest();
  return withMergeLock(() => {
    const ctx = openMergeContext({
      selection: request.recipients.kind === 'selected',
      lean: true,
    });
    const template = resolveTemplate(ctx, request.template);
    if (template.channel !== 'letter') {
      throw new Error(`"${template.name}" is an email template: send it from the Emails tab.`);
    }
    const planned = planFor(ctx, template, request, 'print');
    return {
      template: template.name,
      date: ctx.today,
      letters: planned.plan.ready.map((r) => ({
        clientId: r.client.id,
        name: r.client.name,
        text: r.email.text,
        address: r.address,
      })),
      skips: skipsOf(planned.plan),
      blocked: blockOf(ctx, planned.plan),
    };
  });
}

/**
 * The user says which letters went out: each gets a letter touch (Last Contact moves to today) and
 * the status "Letter sent <date>: <template>", in one write. A letter already logged for the same
 * template is not logged twice (a double click, or the dialog confirmed twice).
 */
export function confirmLetters(input: LetterConfirmation): LetterConfirmResult {
  const confirmation = checkLetterConfirmation(input);
  return withMergeLock(() => {
    const ctx = openMergeContext();
    const history = buildHistory(ctx.touches, ctx.cs.clients, []);
    const byId = new Map(ctx.cs.clients.map((c) => [c.id, c] as const));
    const touches: TouchToLog[] = [];
    const skipped: LetterConfirmResult['skipped'] = [];
    for (const id of new Set(confirmation.clientIds)) {
      const client = byId.get(id);
      if (!client) {
        skipped.push({
          clientId: id,
          name: '',
          email: '',
          reason: 'no longer in the client sheet',
        });
        continue;
      }
      const prior = history.get(historyKey(id, confirmation.template));
      if (prior && prior.kind === 'letter') {
        skipped.push({
          clientId: id,
          name: client.name,
          email: client.email,
          reason: `already logged on ${prior.date}`,
        });
        continue;
      }
      touches.push({
        clientId: id,
        date: ctx.today,
        channel: 'letter',
        outcome: 'sent',
        step: confirmation.template,
        notes: 'Letter posted',
        mergeStatus: sentStatus('letter', ctx.today, confirmation.template),
      });
    }
    writeMergeBack(ctx.cs, { touches, statuses: new Map() }, ctx.userEmail);
    const n = touches.length;
    return {
      logged: n,
      skipped,
      message: `Logged ${n} letter${n === 1 ? '' : 's'}${skipped.length ? `; ${skipped.length} not logged (see why)` : ''}.`,
    };
  });
}
