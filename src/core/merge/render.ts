// Rendering one email for one client: tags filled from display values, HTML-escaped, a plain-text twin, a one-line subject.
import { parseSegments, type Segment } from './tags';

/** A template ready to render: its parts parsed once for the whole batch. */
export interface CompiledTemplate {
  subject: Segment[];
  /** The plain-text body (sheet templates, or a draft's plain part). */
  text: Segment[];
  /** The HTML body of a Gmail draft, or null: sheet templates are plain text turned into HTML. */
  html: Segment[] | null;
}

export function compileTemplate(
  subject: string,
  body: string,
  htmlBody?: string | null,
): CompiledTemplate {
  return {
    subject: parseSegments(subject),
    text: parseSegments(body),
    html: htmlBody ? parseSegments(htmlBody, true) : null,
  };
}

export interface RenderedEmail {
  subject: string;
  /** The plain-text alternative. */
  text: string;
  html: string;
}

export type RenderOutcome = { ok: true; email: RenderedEmail } | { ok: false; reason: string };

/** GmailApp's subject limit (reference: subject max 250 characters). */
export const SUBJECT_MAX = 250;

/**
 * Fills every tag for one client. `values` is keyed by tagKey and holds display values (formatted
 * dates and currency, as the user sees them). An empty value without a fallback, or a value that
 * itself contains '{{', skips the client: nothing goes out with a hole or something that looks like one.
 */
export function renderEmail(
  template: CompiledTemplate,
  values: ReadonlyMap<string, string>,
): RenderOutcome {
  const filled = new Map<string, string>();
  for (const part of [template.subject, template.text, template.html ?? []]) {
    for (const segment of part) {
      if (segment.kind !== 'tag' || filled.has(segment.raw)) continue;
      const value = (values.get(segment.key) ?? '').trim();
      if (value === '' && segment.fallback === null) {
        return { ok: false, reason: `${segment.label} is empty (used by {{${segment.label}}})` };
      }
      if (/\{\{|\}\}/.test(value)) {
        return { ok: false, reason: `the ${segment.label} value contains '{{' or '}}'` };
      }
      filled.set(segment.raw, value === '' ? (segment.fallback as string) : value);
    }
  }
  const subject = oneLine(join(template.subject, filled, (s) => s, oneLine));
  if (subject === '') return { ok: false, reason: 'the subject would be empty' };
  if (subject.length > SUBJECT_MAX) {
    return { ok: false, reason: `the subject would be longer than ${SUBJECT_MAX} characters` };
  }
  const text = join(
    template.text,
    filled,
    (s) => s,
    (v) => v,
  ).replace(/\r\n?/g, '\n');
  const html = template.html
    ? join(
        template.html,
        filled,
        (s) => s,
        (v) => escapeHtml(v).replace(/\r?\n/g, '<br>'),
      )
    : textToHtml(template.text, filled);
  return { ok: true, email: { subject, text, html } };
}

function join(
  segments: Segment[],
  filled: ReadonlyMap<string, string>,
  literal: (s: string) => string,
  value: (v: string) => string,
): string {
  return segments
    .map((s) => (s.kind === 'text' ? literal(s.text) : value(filled.get(s.raw) ?? '')))
    .join('');
}

/** Subjects must be one line: a newline in a subject is invalid in a mail header. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A plain-text template as simple HTML: paragraphs at blank lines, line breaks kept, values escaped. */
function textToHtml(segments: Segment[], filled: ReadonlyMap<string, string>): string {
  const body = segments
    .map((s) => escapeHtml(s.kind === 'text' ? s.text : (filled.get(s.raw) ?? '')))
    .join('')
    .replace(/\r\n?/g, '\n')
    .trim();
  const paragraphs = body.split(/\n[ \t]*\n+/).map((p) => p.replace(/\n/g, '<br>'));
  return (
    '<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5">' +
    paragraphs.map((p) => `<p style="margin:0 0 1em">${p}</p>`).join('') +
    '</div>'
  );
}

/** True when the text holds a character outside the Basic Multilingual Plane (most emoji). */
export function hasAstral(text: string): boolean {
  return /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text);
}

/**
 * GmailApp only carries Unicode up to 5.1 (googleworkspace/solutions#99, #169, #170, #196): emoji
 * become U+FFFD. In an HTML body a numeric character reference (&#128075;) is plain ASCII and
 * survives, so the HTML part sent through GmailApp encodes every astral character that way.
 */
export function encodeAstralForHtml(html: string): string {
  return html.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, (pair) => `&#${pair.codePointAt(0)};`);
}

/** Drops astral characters from a plain-text part that would otherwise arrive as U+FFFD. */
export function dropAstral(text: string): string {
  return text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]\uFE0F?/g, '');
}
