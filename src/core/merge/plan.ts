// Planning a merge: which clients get the template and which are skipped (with reasons), each email rendered for its sending path.
import type { Client } from '../clients';
import { monthsBetween, type CivilDate } from '../dates';
import { compileTemplate, renderEmail, type RenderedEmail } from './render';
import { encodeNonAsciiForHtml, foldToAscii, hasUnfoldable } from './gmailText';
import { addressColumns, addressLines } from './address';
import { audienceWarning, pickForAudience } from './audience';
import { historyKey, skipReason, type SendHistory } from './skipRules';
import { buildCatalog, checkTemplate, tagKey, timeSinceWords, type TemplateProblem } from './tags';
import type { Template } from './templates';

/**
 * How a message leaves. MailApp by default: it carries emoji intact and needs only the
 * script.send_mail scope. GmailApp only when it must: creating drafts (MailApp cannot) or sending
 * from an alias (MailApp has no `from`). GmailApp garbles non-ASCII characters (gmailText.ts), so on
 * that path the HTML body carries them as numeric references (&#128075;), which arrive intact.
 */
export type SendPath = 'MailApp' | 'GmailApp' | 'print';

export type MergeMode = 'send' | 'draft';

export function choosePath(
  mode: MergeMode | 'print',
  from: string | null,
  userEmail: string,
): SendPath {
  if (mode === 'print') return 'print';
  if (mode === 'draft') return 'GmailApp';
  return from && from.toLowerCase() !== userEmail.toLowerCase() ? 'GmailApp' : 'MailApp';
}

export interface PlannedEmail {
  client: Client;
  to: string;
  email: RenderedEmail;
  /** Something the user should know about this one email (e.g. an emoji dropped from the plain part). */
  warning: string | null;
  /** The client is not who the template is for (a warning in the preview, a confirmation to send). */
  audienceWarning: string | null;
  /** A letter's postal address block (name, street, city line, country); [] for emails or none. */
  address: string[];
}

export interface PlannedSkip {
  client: Client;
  reason: string;
}

export interface MergePlan {
  /** A template problem: nothing may be sent at all. */
  blocked: TemplateProblem | null;
  ready: PlannedEmail[];
  skipped: PlannedSkip[];
  /** How the template's audience changed the pick ("1 client was reached in the last 14 days"). */
  notices: string[];
}

export interface PlanInput {
  template: Template;
  /** Candidates in the order they should be served (priority order for "top N"). */
  candidates: readonly Client[];
  /** The client sheet's headers, and each candidate's display values in the same order. */
  headers: readonly string[];
  displayRow: (client: Client) => readonly string[];
  /** Index of the Email column in headers (for quoting an invalid address), or -1. */
  emailColumn: number;
  today: CivilDate;
  recentDays: number;
  myName: string;
  /** Settings' survey link, for {{Survey Link}} (issue 13). */
  surveyLink?: string;
  /** The incentive of each client's latest referral promise, for {{Referral Incentive}} (issue 13). */
  incentiveOf?: (client: Client) => string;
  history: SendHistory;
  path: SendPath;
  /** Stop once this many are ready ("the top 10 who can get it"); skips met on the way are listed. */
  limit?: number;
  /** Every client of the sheet: an address that already got this template (as another client) gets it no more. */
  allClients?: readonly Client[];
  /** Clients the user saw skipped in the preview: planned for their reason, never sent to. */
  held?: ReadonlySet<string>;
  /** Clients with an unanswered reply (skipRules awaitingCallBack): no more email until a call. */
  replied?: ReadonlyMap<string, CivilDate>;
  /** The template goes out on each client's cadence (see SkipContext.repeatWhenDue). */
  repeatWhenDue?: boolean;
}

export function planMerge(input: PlanInput): MergePlan {
  const { template, path } = input;
  const compiled = compileTemplate(template.subject, template.body, template.htmlBody);
  const parts = [
    { where: 'subject', segments: compiled.subject },
    { where: 'body', segments: compiled.text },
    ...(compiled.html ? [{ where: 'HTML body', segments: compiled.html }] : []),
  ];
  const blocked =
    checkTemplate(parts, buildCatalog(input.headers)) ??
    unsignedProblem(parts, input.headers, input.myName) ??
    pathProblem(template, path);
  const plan: MergePlan = { blocked, ready: [], skipped: [], notices: [] };
  if (blocked) return plan;

  const ctx = {
    template,
    today: input.today,
    recentDays: input.recentDays,
    history: input.history,
    replied: input.replied,
    repeatWhenDue: input.repeatWhenDue,
  };
  const emailsSeen = new Map<string, string>();
  const alreadyGot = addressesThatGot(input);
  const postal = path === 'print' ? addressColumns(input.headers) : {};
  // "Top N" kinds are picked for the template's audience; an exact list is the user's own choice.
  const picked =
    input.limit === undefined
      ? { clients: input.candidates, notice: null }
      : pickForAudience(template, input.candidates, ctx);
  if (picked.notice) plan.notices.push(picked.notice);
  for (const client of picked.clients) {
    if (input.limit !== undefined && plan.ready.length >= input.limit) break;
    const row = input.displayRow(client);
    const rawEmail = input.emailColumn >= 0 ? String(row[input.emailColumn] ?? '') : client.email;
    let reason = skipReason(client, rawEmail, ctx);
    const address = client.email.toLowerCase();
    if (!reason && path !== 'print' && emailsSeen.has(address)) {
      reason = `same email as ${emailsSeen.get(address)} earlier in this batch`;
    }
    const other = alreadyGot.get(address);
    if (!reason && path !== 'print' && other && other.id !== client.id) {
      reason = `${other.name || 'another client'} at the same email already got "${template.name}"`;
    }
    if (reason) {
      plan.skipped.push({ client, reason });
      continue;
    }
    const rendered = renderEmail(
      compiled,
      tagValues(
        client,
        input.headers,
        row,
        input.today,
        input.myName,
        input.surveyLink,
        input.incentiveOf?.(client),
      ),
    );
    if (!rendered.ok) {
      plan.skipped.push({ client, reason: rendered.reason });
      continue;
    }
    const adapted = adaptToPath(rendered.email, path);
    if ('reason' in adapted) {
      plan.skipped.push({ client, reason: adapted.reason });
      continue;
    }
    if (input.held?.has(client.id)) {
      plan.skipped.push({
        client,
        reason: 'not in the batch you previewed; preview again to include it',
      });
      continue;
    }
    if (path !== 'print') emailsSeen.set(address, client.name || client.email);
    plan.ready.push({
      client,
      to: client.email,
      email: adapted.email,
      warning: adapted.warning,
      audienceWarning: audienceWarning(template, client, ctx),
      address: addressLines(client.name, row, postal),
    });
  }
  return plan;
}

/** Addresses of clients who already got this template: shared addresses (a couple, a firm) get it once. */
function addressesThatGot(input: PlanInput): Map<string, Client> {
  const out = new Map<string, Client>();
  for (const c of input.allClients ?? input.candidates) {
    if (!c.email || !input.history.has(historyKey(c.id, input.template.name))) continue;
    if (!out.has(c.email.toLowerCase())) out.set(c.email.toLowerCase(), c);
  }
  return out;
}

/** The values every tag can take for one client: its display values, then the derived tags. */
export function tagValues(
  client: Client,
  headers: readonly string[],
  row: readonly string[],
  today: CivilDate,
  myName: string,
  surveyLink = '',
  incentive = '',
): Map<string, string> {
  const values = new Map<string, string>();
  headers.forEach((header, i) => {
    const key = tagKey(String(header));
    if (key && !values.get(key)) values.set(key, String(row[i] ?? '').trim());
  });
  const derive = (label: string, value: string) => {
    const key = tagKey(label);
    if (!values.get(key)) values.set(key, value);
  };
  derive('First Name', client.firstName);
  derive('Time Since Contact', client.lastContact ? timeSinceWords(client.lastContact, today) : '');
  derive(
    'Months Since Contact',
    client.lastContact ? String(Math.max(0, monthsBetween(client.lastContact, today))) : '',
  );
  derive('My Name', myName);
  derive('Survey Link', surveyLink);
  derive('Referral Incentive', incentive);
  return values;
}

/**
 * {{My Name}} signs every built-in template. Unset, it would skip every client one by one, or worse
 * sign with an email address: one clear message instead, before anything is rendered.
 */
function unsignedProblem(
  parts: ReadonlyArray<{ segments: ReturnType<typeof compileTemplate>['text'] }>,
  headers: readonly string[],
  myName: string,
): TemplateProblem | null {
  const key = tagKey('My Name');
  if (myName.trim() || headers.some((h) => tagKey(String(h)) === key)) return null;
  const signed = parts.some((p) =>
    p.segments.some((s) => s.kind === 'tag' && s.key === key && s.fallback === null),
  );
  if (!signed) return null;
  return {
    message:
      'This template is signed with {{My Name}}, and your name is not set. Type it in "Your name" above ' +
      '(or save it in Settings), then preview again. Nothing was sent.',
    unknownTags: [],
  };
}

function pathProblem(template: Template, path: SendPath): TemplateProblem | null {
  if (path !== 'GmailApp' || !hasUnfoldable(template.subject)) return null;
  const lost = foldToAscii(template.subject).lost.join(' ');
  return {
    message:
      `The subject has ${lost} (an emoji or a special character), which Gmail drafts and sending from an alias cannot carry in a subject ` +
      '(it arrives as "�"). Remove it from the subject, or send now from your own address.',
    unknownTags: [],
  };
}

/**
 * Makes the email safe for its path. On GmailApp: the HTML part carries every non-ASCII character as
 * a numeric reference; the subject and the plain-text part are folded to ASCII ('Zoë' -> 'Zoe'); a
 * subject character with no ASCII twin skips the client, one in the plain text is dropped (the HTML
 * part, which mail apps show, keeps it) with a warning.
 */
export function adaptToPath(
  email: RenderedEmail,
  path: SendPath,
): { email: RenderedEmail; warning: string | null } | { reason: string } {
  if (path !== 'GmailApp') return { email, warning: null };
  const subject = foldToAscii(email.subject);
  if (subject.lost.length) {
    return {
      reason: `the subject would carry ${subject.lost.join(' ')} (an emoji or a character Gmail drafts and aliases garble)`,
    };
  }
  const text = foldToAscii(email.text);
  const warning = text.lost.length
    ? `${text.lost.join(' ')} kept in the HTML body; dropped from the plain-text part, where Gmail would garble ${text.lost.length === 1 ? 'it' : 'them'} (emoji and other special characters).`
    : null;
  return {
    email: { subject: subject.text, text: text.text, html: encodeNonAsciiForHtml(email.html) },
    warning,
  };
}
