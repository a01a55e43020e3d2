// Settings are checked, not coerced: types, ranges, empty boxes, unknown and prototype keys, currencies, and a lenient stored reader.
import { DEFAULT_SETTINGS, settingsFromStored, validateSettings } from '../../src/core/settings';

const ctx = { sheetNames: ['Clients'], headers: null };
const problems = (update: unknown) => validateSettings(DEFAULT_SETTINGS, update, ctx).errors;

describe('numbers are checked, never coerced', () => {
  it.each([
    ['a cleared box (null)', null],
    ['a cleared box ("")', ''],
  ])('Recently contacted: %s is "empty", not 0', (_, value) => {
    expect(problems({ recentDays: value })).toEqual([
      {
        field: 'recentDays',
        message: 'Recently contacted (days) is empty: enter a whole number from 0 to 365.',
      },
    ]);
  });

  it.each([
    [true, 'true'],
    [[7], 'a list'],
    ['7', 'the text "7"'],
    [7.5, 'the number 7.5'],
    [0, 'the number 0'],
    [501, 'the number 501'],
  ])('Daily goal %j is refused', (value, words) => {
    expect(problems({ dailyGoal: value })).toEqual([
      {
        field: 'dailyGoal',
        message: `Daily contact goal should be a whole number from 1 to 500, not ${words}.`,
      },
    ]);
  });

  it('accepts the ends of each range', () => {
    const { settings, errors } = validateSettings(
      DEFAULT_SETTINGS,
      { dailyGoal: 500, recentDays: 0 },
      ctx,
    );
    expect(errors).toEqual([]);
    expect(settings).toMatchObject({ dailyGoal: 500, recentDays: 0 });
    expect(problems({ dailyGoal: 1, recentDays: 365 })).toEqual([]);
  });

  it('recency groups are four increasing whole months, as numbers', () => {
    expect(problems({ recencyMonths: [3, 9, 18, 30] })).toEqual([]);
    for (const bad of [['6', 12, 24, 36], [6, 12, 24], [6, 6, 24, 36], [0, 12, 24, 36], 'x'])
      expect(problems({ recencyMonths: bad })).toEqual([
        {
          field: 'recencyMonths',
          message: expect.stringContaining('four increasing whole numbers'),
        },
      ]);
  });
});

describe('keys', () => {
  it.each(['constructor', 'toString', 'hasOwnProperty', 'shoeSize'])(
    '"%s" is not a setting',
    (key) => {
      expect(problems({ [key]: 1 })).toEqual([
        { field: '', message: expect.stringContaining(`"${key}" is not a setting`) },
      ]);
    },
  );

  it('a "__proto__" key in JSON is refused and never becomes the prototype', () => {
    const hostile = JSON.parse('{"__proto__": {"dailyGoal": 99}, "myName": "Pat"}');
    const { settings, errors } = validateSettings(DEFAULT_SETTINGS, hostile, ctx);
    expect(errors).toEqual([{ field: '', message: expect.stringContaining('"__proto__"') }]);
    expect(Object.getPrototypeOf(settings)).toBe(Object.prototype);
  });

  it('the stored reader skips "__proto__" and unknown keys and keeps the good parts', () => {
    const stored = settingsFromStored(
      '{"__proto__": {"polluted": 1, "dailyGoal": 99}, "constructor": 3, "dailyGoal": 8,' +
        ' "recentDays": "30", "columnMap": {"email": "Mail", "__proto__": "x", "shoe": "y", "name": 5}}',
    );
    expect(Object.getPrototypeOf(stored)).toBe(Object.prototype);
    expect((stored as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(stored).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
    expect(stored).toMatchObject({ dailyGoal: 8, recentDays: 14, columnMap: { email: 'Mail' } });
    expect(Object.keys(stored.columnMap)).toEqual(['email']);
  });

  it('refuses a settings value that is not an object', () => {
    for (const bad of [null, 'x', [1], 5])
      expect(problems(bad)).toEqual([
        { field: '', message: expect.stringContaining('should be an object') },
      ]);
  });
});

describe('text settings', () => {
  it('currency: a known ISO code (any case) or symbol, or empty; anything else with a clear message', () => {
    const ok = (c: string) => validateSettings(DEFAULT_SETTINGS, { currency: c }, ctx);
    expect(ok('eur').settings.currency).toBe('EUR');
    expect(ok(' £ ').settings.currency).toBe('£');
    expect(ok('kr').settings.currency).toBe('kr');
    expect(ok('').settings.currency).toBe('');
    expect(problems({ currency: 'XYZ' })).toEqual([
      {
        field: 'currency',
        message:
          'Currency: "XYZ" is not a currency Reconnect knows; use a currency code such as USD, EUR or GBP, a symbol such as $, € or £, or empty to follow the sheet.',
      },
    ]);
    expect(problems({ currency: 5 })[0].field).toBe('currency');
    expect(problems({ currency: '<b>' })[0].field).toBe('currency');
  });

  it('your name: one line of at most 100 characters', () => {
    expect(problems({ myName: 'x'.repeat(100) })).toEqual([]);
    expect(problems({ myName: 'x'.repeat(101) })[0]).toMatchObject({ field: 'myName' });
    expect(problems({ myName: 'Pat\r\nBcc: x@y.z' })[0].message).toMatch(/one line/);
    expect(problems({ myName: 7 })[0].message).toBe('Your name should be text, not the number 7.');
  });

  it('client sheet: an existing sheet, named as text', () => {
    expect(problems({ clientSheet: 'Clients' })).toEqual([]);
    expect(problems({ clientSheet: 'Gone' })[0].message).toBe(
      'Client sheet: there is no sheet named "Gone" (sheets: "Clients").',
    );
    expect(problems({ clientSheet: '  ' })[0].field).toBe('clientSheet');
    expect(problems({ clientSheet: ['Clients'] })[0].field).toBe('clientSheet');
  });

  it('column choices: headers as text; "" lets Reconnect find the column', () => {
    const { settings, errors } = validateSettings(
      DEFAULT_SETTINGS,
      { columnMap: { email: ' Mail ', phone: '' } },
      ctx,
    );
    expect(errors).toEqual([]);
    expect(settings.columnMap).toEqual({ email: 'Mail' });
    expect(problems({ columnMap: { email: 5 } })).toEqual([
      {
        field: 'columnMap.email',
        message: 'Email column should be a header of your sheet, not the number 5.',
      },
    ]);
    expect(problems({ columnMap: ['Email'] })[0].field).toBe('columnMap');
    expect(problems({ columnMap: JSON.parse('{"__proto__": "Email"}') })[0].message).toMatch(
      /"__proto__" is not a client field/,
    );
  });
});
