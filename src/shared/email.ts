// The one email address check, shared by the server (client rows, reply-to, aliases) and the sidebar (mailto: links).

/**
 * A plain address (RFC 5322 addr-spec, dot-atom form only), in the subset real mailboxes use:
 * - local part: letters and digits (any script), and `.` `_` `+` `-` `'` (O'Brien); no leading,
 *   trailing or doubled dot. Left out although RFC 5322 allows them: quoted strings and `"`, and
 *   `! # $ % & * / = ? ^ \` { | } ~`. `?`, `&` and `#` would carry parameters or a fragment into a
 *   mailto: link (`ann@x.com?subject=...&body=...`); `%` is old source routing (`a%b@relay`), `/`
 *   and `=` old X.400 gateways; none of them is in a mailbox anyone gives out today.
 * - domain: two or more labels of letters (any script), digits and inner hyphens, at most 63
 *   characters each; the last has at least two letters (or is punycode, `xn--...`). No IP literal.
 * - never spaces, control characters (CR/LF: header injection), commas or semicolons (two
 *   recipients), angle brackets, parentheses (comments), colons, or more than one `@`.
 * - at most 254 characters in all, 64 before the `@` (RFC 5321, 4.5.3.1).
 * Letters include marks (é written as e + ́) but not invisible format characters (U+202E ...).
 */
const LOCAL = /^[\p{L}\p{M}\p{N}_+'-]+(?:\.[\p{L}\p{M}\p{N}_+'-]+)*$/u;
const LABEL = /^[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]{0,61}[\p{L}\p{M}\p{N}])?$/u;
const TOP = /^(?:\p{L}[\p{L}\p{M}]+|xn--[a-z0-9-]+)$/iu;

export const EMAIL_RULES =
  'one plain address such as ann@example.com: no spaces, no name or <brackets>, nothing after the domain';

export function isPlainAddress(address: string): boolean {
  if (typeof address !== 'string' || address.length > 254) return false;
  const at = address.lastIndexOf('@');
  if (at <= 0 || address.indexOf('@') !== at) return false;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local.length > 64 || !LOCAL.test(local)) return false;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return false;
  return TOP.test(labels[labels.length - 1]);
}

/** A mailto: link to one address, encoded; '' when the address is not a plain one (no link). */
export function mailtoHref(address: string): string {
  if (!isPlainAddress(address)) return '';
  const at = address.lastIndexOf('@');
  return `mailto:${encodeURIComponent(address.slice(0, at))}@${encodeURIComponent(address.slice(at + 1))}`;
}

/**
 * A tel: link (RFC 3966): digits with an optional leading +, an extension written "ext 12" or
 * "x12" as ";ext=12"; '' without at least 3 digits. Letters and symbols typed around a number
 * ("(555) 010-2030", "tel. 555...") are dropped; nothing else reaches the link.
 */
export function telHref(phone: string): string {
  if (typeof phone !== 'string') return '';
  const ext = /(?:ext\.?|extension|x)\s*(\d{1,6})\s*$/i.exec(phone);
  const main = ext ? phone.slice(0, ext.index) : phone;
  const digits = main.replace(/\D/g, '');
  if (digits.length < 3) return '';
  const plus = /^\s*\+/.test(main) ? '+' : '';
  return `tel:${plus}${digits}${ext ? `;ext=${ext[1]}` : ''}`;
}
