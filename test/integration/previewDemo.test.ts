// The preview's bigger demo (dev/preview/demoPeople.ts) and its command line (dev/preview/cli.ts).
import { CLIENT_HEADERS } from '../../dev/preview/demo';
import { peopleClientRows } from '../../dev/preview/demoPeople';
import { CliError, parseCli } from '../../dev/preview/cli';

const NOW = new Date('2026-11-25T15:00:00Z');
const col = (h: (typeof CLIENT_HEADERS)[number]) => CLIENT_HEADERS.indexOf(h);
const DAY = 86_400_000;

describe('the demo of about 300 invented clients', () => {
  const rows = peopleClientRows(300, NOW);
  const body = rows.slice(1).filter((r) => r.some((c) => c !== '' && c !== false));

  test('is the same every time, and has the header the add-on knows', () => {
    expect(peopleClientRows(300, NOW)).toEqual(rows);
    expect(rows[0]).toEqual([...CLIENT_HEADERS]);
    expect(body.length).toBeGreaterThanOrEqual(300);
    expect(rows.length).toBeLessThan(310);
  });

  test('names from many cultures, non-ASCII included; fictional phones and reserved domains only', () => {
    const names = body.map((r) => String(r[col('Name')]).trim());
    expect(new Set(names).size).toBeGreaterThan(200);
    expect(names.filter((n) => /[^ -~]/.test(n)).length).toBeGreaterThan(30);
    for (const r of body) {
      const email = String(r[col('Email')]);
      for (const domain of email.match(/@[\w.-]+/g) ?? []) expect(domain).toMatch(/\.example$/);
      const phone = String(r[col('Phone')]);
      if (phone) expect(phone).toMatch(/555[-. ]01\d\d|7946 0\d{3}/);
    }
  });

  test('last contacts from a month to seven years back; values long-tailed', () => {
    const ages = body
      .map((r) => r[col('Last Contact')])
      .filter((d): d is Date => d instanceof Date)
      .map((d) => (NOW.getTime() - d.getTime()) / DAY);
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(29);
    expect(Math.max(...ages)).toBeLessThanOrEqual(7 * 366);
    expect(ages.filter((a) => a > 5 * 365).length).toBeGreaterThan(10);
    expect(ages.filter((a) => a < 365).length).toBeGreaterThan(10);
    const values = body
      .map((r) => r[col('Value')])
      .filter((v): v is number => typeof v === 'number')
      .sort((a, b) => a - b);
    const median = values[Math.floor(values.length / 2)];
    expect(values[values.length - 1]).toBeGreaterThan(10 * median);
  });

  test('a few messy cells of the kinds real sheets have', () => {
    const texts = (h: (typeof CLIENT_HEADERS)[number]) =>
      body.map((r) => r[h === 'Name' ? 1 : col(h)]);
    expect(texts('Value').some((v) => typeof v === 'string' && /^\$[\d,]+$/.test(v))).toBe(true);
    expect(texts('Value')).toContain('n/a');
    expect(texts('Last Contact').some((v) => typeof v === 'string' && v !== '')).toBe(true);
    expect(texts('Email').some((v) => / at /.test(String(v)))).toBe(true);
    expect(texts('Name').some((v) => String(v) !== String(v).trim())).toBe(true);
    const blank = rows.slice(1).filter((r) => r.every((c) => c === ''));
    expect(blank.length).toBe(2);
    const keys = body.map((r) => `${r[col('Name')]}|${r[col('Email')]}`);
    expect(new Set(keys).size).toBeLessThan(keys.length);
  });

  test('--clients N makes a larger one', () => {
    expect(peopleClientRows(2000, NOW).length).toBeGreaterThan(2000);
  });
});

describe('npm start -- options', () => {
  const env = { INIT_CWD: '/home/ann/exports' };

  test('no options: 300 invented clients on port 8787', () => {
    expect(parseCli([], {})).toMatchObject({ clients: { people: 300 }, port: undefined });
  });

  test('a file with its locale, sheet, save path and outbox, relative to where npm start ran', () => {
    expect(
      parseCli(
        [
          '--file',
          'clients.xlsx',
          '--sheet',
          'Kunden',
          '--locale',
          'en_GB',
          '--save',
          'out.xlsx',
          '--outbox',
          'mail',
        ],
        env,
      ),
    ).toEqual({
      port: undefined,
      clients: undefined,
      file: '/home/ann/exports/clients.xlsx',
      sheet: 'Kunden',
      locale: 'en_GB',
      keepText: false,
      save: '/home/ann/exports/out.xlsx',
      outbox: '/home/ann/exports/mail',
    });
    expect(parseCli(['--clients', '5000'], {}).clients).toEqual({ people: 5000 });
  });

  test('mistakes are said in words', () => {
    const cases: Array<[string[], RegExp]> = [
      [['--clients', 'lots'], /--clients needs a whole number from 1 to 100000, not "lots"/],
      [['--locale', 'en_GB'], /--sheet, --locale and --keep-text are for --file/],
      [['--file', 'a.csv', '--locale', 'fr_FR'], /Unknown locale "fr_FR"/],
      [['--file', 'a.csv', '--save', 'out.csv'], /give a path ending in \.xlsx/],
      [['--file', 'a.csv', '--clients', '3'], /Use --file or --clients, not both/],
      [['--fiel', 'a.csv'], /Unknown option '--fiel'[\s\S]*Usage: npm start/],
    ];
    for (const [argv, message] of cases) {
      expect(() => parseCli(argv, {})).toThrow(CliError);
      expect(() => parseCli(argv, {})).toThrow(message);
    }
  });
});
