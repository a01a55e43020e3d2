// Merge tags: parsing {{Tag|fallback}} out of a template, matching tags to the client sheet's headers and the derived tags.
import { daysBetween, type CivilDate } from '../dates';
import { timeInWords } from '../../shared/timeWords';

/** A piece of a template: literal text, or a tag to fill. */
export type Segment =
  | { kind: 'text'; text: string }
  | { kind: 'tag'; raw: string; label: string; key: string; fallback: string | null };

/** Derived tags, always available whatever the sheet's columns. */
export const DERIVED_TAGS = [
  'First Name',
  'Time Since Contact',
  'Months Since Contact',
  'My Name',
  'Survey Link',
  'Referral Incentive',
] as const;

/**
 * The key a tag or header is matched by: case, spaces and punctuation ignored, so {{first name}},
 * {{FirstName}} and {{First-Name}} all find a "First Name" column (peers match headers exactly,
 * the most common cause of blank fields: googleworkspace/solutions#155, #181).
 */
export function tagKey(label: string): string {
  return label.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** Problems that make a template unusable for every client: the merge stops before any send. */
export interface TemplateProblem {
  message: string;
  /** Tags that match no column and no derived tag, as written in the template. */
  unknownTags: string[];
}

const TAG = /\{\{([^{}]*)\}\}/g;
const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
};

/**
 * Splits template text into literal text and tags. With `html`, formatting that Gmail's editor puts
 * inside a tag ({{<b>First</b>&nbsp;Name}}) is stripped before matching (knmnyn/GMail-Mail-Merge#14).
 */
export function parseSegments(source: string, html = false): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  const text = html ? normaliseHtmlTags(source) : source;
  for (const match of text.matchAll(TAG)) {
    const index = match.index ?? 0;
    if (index > last) segments.push({ kind: 'text', text: text.slice(last, index) });
    const inner = match[1];
    const bar = inner.indexOf('|');
    const label = (bar < 0 ? inner : inner.slice(0, bar)).trim();
    const fallback = bar < 0 ? null : inner.slice(bar + 1).trim();
    segments.push({ kind: 'tag', raw: match[0], label, key: tagKey(label), fallback });
    last = index + match[0].length;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return segments;
}

/** Inside {{ }} of an HTML body: drop markup and decode the few entities an editor inserts. */
function normaliseHtmlTags(html: string): string {
  return html.replace(/\{\{((?:[^{}]|\{(?!\{)|\}(?!\}))*?)\}\}/g, (_m, inner: string) => {
    const plain = inner
      .replace(/<[^>]*>/g, '')
      .replace(/&(nbsp|amp|lt|gt|quot|#39);/g, (_e, name: string) => ENTITIES[name]);
    return `{{${plain}}}`;
  });
}

/** The tags a client sheet offers: its headers plus the derived ones, keyed by tagKey. */
export interface TagCatalog {
  /** key -> label as the user sees it (the header text, or the derived tag's name). */
  labels: Map<string, string>;
}

export function buildCatalog(headers: readonly string[]): TagCatalog {
  const labels = new Map<string, string>();
  for (const header of headers) {
    const label = String(header).trim();
    if (label && !labels.has(tagKey(label))) labels.set(tagKey(label), label);
  }
  for (const label of DERIVED_TAGS)
    if (!labels.has(tagKey(label))) labels.set(tagKey(label), label);
  return { labels };
}

/** All tag labels the user can write, for error messages and the preview's help. */
export function availableTags(catalog: TagCatalog): string[] {
  return [...catalog.labels.values()].map((label) => `{{${label}}}`);
}

/**
 * Checks the parts of a template against the catalog. Unknown tags, empty tags and stray braces stop
 * the whole merge: sending with a hole is the complaint peers hear most (knmnyn/GMail-Mail-Merge#3).
 */
export function checkTemplate(
  parts: ReadonlyArray<{ where: string; segments: Segment[] }>,
  catalog: TagCatalog,
): TemplateProblem | null {
  const unknown: string[] = [];
  const broken: string[] = [];
  for (const { where, segments } of parts) {
    for (const segment of segments) {
      if (segment.kind === 'tag') {
        if (segment.key === '') broken.push(`an empty tag ${segment.raw} in the ${where}`);
        else if (!catalog.labels.has(segment.key) && !unknown.includes(segment.raw)) {
          unknown.push(segment.raw);
        }
      } else if (/\{\{|\}\}/.test(segment.text)) {
        broken.push(`an unclosed or stray '{{' or '}}' in the ${where}`);
      }
    }
  }
  if (unknown.length === 0 && broken.length === 0) return null;
  const lines: string[] = [];
  if (unknown.length > 0) {
    const names = unknown.join(', ');
    lines.push(
      `${unknown.length === 1 ? 'This tag matches' : 'These tags match'} no column of the client sheet: ${names}.` +
        ` Available tags: ${availableTags(catalog).join(', ')}.`,
    );
  }
  for (const problem of broken) lines.push(`The template has ${problem}.`);
  lines.push('Nothing was sent. Fix the template and preview again.');
  return { message: lines.join(' '), unknownTags: unknown };
}

/** Time since the last contact in words: the same words as the call script (src/shared/timeWords.ts). */
export function timeSinceWords(lastContact: CivilDate, today: CivilDate): string {
  return timeInWords(Math.max(0, daysBetween(lastContact, today)));
}
