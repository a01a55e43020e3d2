// The referral settings (reminder days, ask gap, yearly target, survey link) checked field by field, and the purchase/delivery date column recognised by its aliases.
import { DEFAULT_SETTINGS, settingsFromStored, validateSettings } from '../../src/core/settings';
import { recognizeColumns } from '../../src/core/columns';
import { parseClients } from '../../src/core/clients';

const ctx = { sheetNames: null, headers: null };
const check = (update: unknown) => validateSettings(DEFAULT_SETTINGS, update, ctx);

test('defaults: reminders after 14 days, asks at least 60 days apart, 12 clients a year, no survey link', () => {
  expect(DEFAULT_SETTINGS).toMatchObject({
    referralReminderDays: 14,
    askGapDays: 60,
    referralTarget: 12,
    surveyLink: '',
  });
});

test('whole numbers in range are saved; text, empty boxes and out-of-range numbers are refused under their field', () => {
  expect(check({ referralReminderDays: 21, askGapDays: 90, referralTarget: 0 })).toMatchObject({
    settings: { referralReminderDays: 21, askGapDays: 90, referralTarget: 0 },
    errors: [],
  });
  const { errors } = check({
    referralReminderDays: '14',
    askGapDays: 3,
    referralTarget: null,
  });
  expect(errors).toEqual([
    {
      field: 'referralReminderDays',
      message:
        'Referral reminder after (days) should be a whole number from 1 to 365, not the text "14".',
    },
    {
      field: 'askGapDays',
      message:
        'Days between referral asks should be a whole number from 7 to 730, not the number 3.',
    },
    {
      field: 'referralTarget',
      message:
        'Yearly referral target (new clients) is empty: enter a whole number from 0 to 10000.',
    },
  ]);
});

test('the survey link is an https address or empty', () => {
  expect(check({ surveyLink: ' https://forms.gle/abc123 ' }).settings.surveyLink).toBe(
    'https://forms.gle/abc123',
  );
  expect(check({ surveyLink: '' }).errors).toEqual([]);
  for (const bad of ['javascript:alert(1)', 'http://x.com', 'forms.gle/abc', 'https://a b'])
    expect(check({ surveyLink: bad }).errors[0]?.field).toBe('surveyLink');
  expect(check({ surveyLink: 5 }).errors[0].message).toBe(
    'Survey link should be a web address, not the number 5.',
  );
});

test('a stored value with a bad referral setting keeps the default for that setting alone', () => {
  const stored = JSON.stringify({ referralTarget: 24, askGapDays: 'soon', surveyLink: 'ftp://x' });
  expect(settingsFromStored(stored)).toMatchObject({
    referralTarget: 24,
    askGapDays: 60,
    surveyLink: '',
  });
});

test.each([
  ['Purchase Date'],
  ['Delivery Date'],
  ['Order Date'],
  ['Date of Service'],
  ['date_of_service'],
])('"%s" is the purchase date column', (header) => {
  const { columns } = recognizeColumns(['Name', 'Email', 'Last Order Date', header]);
  expect(columns.purchaseDate).toBe(3);
  // "Last Order Date" stays the last contact.
  expect(columns.lastContact).toBe(2);
});

test('the purchase date is read like the other dates; a bad cell is a problem naming row and column', () => {
  const headers = ['Name', 'Email', 'Delivery Date'];
  const { columns } = recognizeColumns(headers);
  const { clients, problems } = parseClients(
    [
      ['Ann', 'ann@example.com', '2026-10-01'],
      ['Bo', 'bo@example.com', 'n/a'],
      ['Cy', 'cy@example.com', 'soon'],
    ],
    columns,
    { today: '2026-11-25', toCivil: () => '', headers, firstRow: 2 },
  );
  expect(clients.map((c) => c.purchaseDate)).toEqual(['2026-10-01', null, null]);
  expect(problems).toEqual([
    { row: 4, column: 'Delivery Date', message: 'Delivery Date "soon" is not a date we can read' },
  ]);
});
