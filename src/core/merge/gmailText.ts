// Text that survives GmailApp: every non-ASCII character of the HTML part as a numeric reference, subjects and plain text folded to ASCII where a letter has a plain twin.

/**
 * GmailApp damages non-ASCII text: emoji (googleworkspace/solutions#169, #170, #196) and also '☺'
 * U+263A, a Basic Multilingual Plane character (solutions#99). A numeric character reference
 * (&#9786;) is plain ASCII and arrives intact, so on the GmailApp paths (drafts, aliases) the HTML
 * part carries every non-ASCII character that way; MailApp paths are left alone.
 */
export function encodeNonAsciiForHtml(html: string): string {
  let out = '';
  for (const ch of html) {
    const code = ch.codePointAt(0) as number;
    out += code < 0x80 ? ch : `&#${code};`;
  }
  return out;
}

/** Letters and marks with a plain ASCII twin beyond what removing accents gives. */
const SPECIAL: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ł: 'l',
  Ł: 'L',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'Th',
  ı: 'i',
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2026': '...',
  '\u00A0': ' ',
  '\u2022': '*',
  '\u00AB': '"',
  '\u00BB': '"',
};

/** One character as ASCII ('é' -> 'e', '’' -> "'"), or null when it has no plain twin ('☺', 'ש', '👋'). */
function foldChar(ch: string): string | null {
  if ((ch.codePointAt(0) as number) < 0x80) return ch;
  if (SPECIAL[ch] !== undefined) return SPECIAL[ch];
  const bare = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return /^[\x20-\x7e]+$/.test(bare) ? bare : null;
}

export interface Folded {
  text: string;
  /** The characters that had no ASCII twin (dropped from `text`), each once. */
  lost: string[];
}

/** Folds text to ASCII for a part GmailApp would garble; what cannot be folded is dropped and listed. */
export function foldToAscii(text: string): Folded {
  let out = '';
  const lost: string[] = [];
  for (const ch of text) {
    const folded = foldChar(ch);
    if (folded !== null) out += folded;
    else if (ch !== '\uFE0F' && ch !== '\u200D' && !lost.includes(ch)) lost.push(ch);
  }
  return { text: out, lost };
}

/** True when some character of the text has no ASCII twin (an emoji, '☺', a Hebrew letter). */
export function hasUnfoldable(text: string): boolean {
  return foldToAscii(text).lost.length > 0;
}
