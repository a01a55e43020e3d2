// The one address check (src/shared/email.ts) as a table, and the links the sidebar builds from it.
import { isPlainAddress, mailtoHref, telHref } from '../../src/shared/email';
import { parseEmail } from '../../src/core/values';

const GOOD = [
  'ann@example.com',
  'Ann.Lee@Example.COM',
  'ann+reconnect@example.co.uk',
  "o'brien@example.ie",
  'first_last-2@sub.example-site.org',
  'a@b.co',
  'josé@exemple.fr',
  'user@例え.テスト',
  'user@xn--r8jz45g.xn--zckzah',
  `${'a'.repeat(64)}@example.com`,
];

const BAD: Array<[string, string]> = [
  ['ann@x.com?subject=Urgent&body=Pay%20now', 'mailto parameters'],
  ['ann@x?subject=Urgent&body=...', 'the reported case'],
  ['ann@x.com?subject=Urgent&body=Call.me', 'the reported case, with a domain'],
  ['ann@example.com#frag', 'a fragment'],
  ['ann&bob@example.com', 'an ampersand'],
  ['ann@example.com\r\nBcc: all@example.com', 'CR/LF header injection'],
  ['ann@example.com\n', 'a trailing newline'],
  ['ann lee@example.com', 'a space'],
  ['ann@example.com, bob@example.com', 'two recipients'],
  ['ann@example.com;bob@example.com', 'two recipients (semicolon)'],
  ['<ann@example.com>', 'angle brackets'],
  ['"ann lee"@example.com', 'a quoted local part'],
  ['ann"@example.com', 'a quote'],
  ['ann(comment)@example.com', 'a comment'],
  ['ann@@example.com', 'two @'],
  ['ann@bob@example.com', 'two @ apart'],
  ['.ann@example.com', 'a leading dot'],
  ['ann.@example.com', 'a trailing dot'],
  ['an..n@example.com', 'a doubled dot'],
  ['ann@example', 'no top-level domain'],
  ['ann@example.c', 'a one-letter top-level domain'],
  ['ann@example.123', 'a numeric top-level domain'],
  ['ann@-example.com', 'a label starting with a hyphen'],
  ['ann@example-.com', 'a label ending with a hyphen'],
  ['ann@example..com', 'an empty label'],
  ['ann@[127.0.0.1]', 'an IP literal'],
  ['ann%evil.com@relay.com', 'source routing'],
  ['ann/x=y@example.com', 'X.400 gateway form'],
  ['ann\u202e@example.com', 'an invisible bidi override'],
  ['ann\u0000@example.com', 'a NUL'],
  ['ann:x@example.com', 'a colon'],
  [`${'a'.repeat(65)}@example.com`, 'a local part over 64'],
  [`ann@${'a'.repeat(64)}.com`, 'a label over 63'],
  [`ann@${'abcdefghi.'.repeat(25)}com`, 'over 254 in all'],
  ['', 'empty'],
  ['@example.com', 'no local part'],
  ['ann@', 'no domain'],
];

describe('isPlainAddress', () => {
  test.each(GOOD)('accepts %s', (address) => {
    expect(isPlainAddress(address)).toBe(true);
  });
  test.each(BAD)('refuses %j (%s)', (address) => {
    expect(isPlainAddress(address)).toBe(false);
  });
});

describe('client rows use the same check', () => {
  test('the reported address is invalid, with its text in the message', () => {
    const parsed = parseEmail('ann@x?subject=Urgent&body=...');
    expect(parsed).toEqual({
      ok: false,
      message: '"ann@x?subject=Urgent&body=..." is not a valid email address',
    });
  });
  test('a name and one address keeps the address; two addresses are not one', () => {
    expect(parseEmail('Lee, Ann <ann@example.com>')).toEqual({
      ok: true,
      value: 'ann@example.com',
    });
    expect(parseEmail('Ann <ann@example.com>, Bob <bob@example.com>').ok).toBe(false);
    expect(parseEmail('mailto:ann@example.com')).toEqual({ ok: true, value: 'ann@example.com' });
    expect(parseEmail('mailto:ann@example.com?subject=x').ok).toBe(false);
  });
});

describe('links', () => {
  test('mailto: is built from a plain address only, encoded', () => {
    expect(mailtoHref('ann+x@example.com')).toBe('mailto:ann%2Bx@example.com');
    expect(mailtoHref("o'brien@example.ie")).toBe("mailto:o'brien@example.ie");
    expect(mailtoHref('josé@exemple.fr')).toBe('mailto:jos%C3%A9@exemple.fr');
    for (const [bad] of BAD) expect(mailtoHref(bad)).toBe('');
  });
  test('tel: keeps digits, a leading plus and an extension, nothing else', () => {
    expect(telHref('+1 (555) 010-2301')).toBe('tel:+15550102301');
    expect(telHref('555-0102 ext. 12')).toBe('tel:5550102;ext=12');
    expect(telHref('555 0102 x7')).toBe('tel:5550102;ext=7');
    expect(telHref('555#0102')).toBe('tel:5550102');
    expect(telHref('javascript:alert(1)')).toBe('');
    expect(telHref('n/a')).toBe('');
    expect(telHref('12')).toBe('');
  });
});
