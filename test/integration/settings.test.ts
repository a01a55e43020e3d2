// getSettings/saveSettings against the emulator: defaults, one JSON value in document properties, validation with clear messages.
import { getSettings, saveSettings } from '../../src/app/settings';
import { useEmulator } from './clientsHelpers';

const t = useEmulator();

test('defaults, saving, and one JSON value in document properties', () => {
  expect(getSettings()).toEqual({
    clientSheet: 'Clients',
    columnMap: {},
    dailyGoal: 5,
    recentDays: 14,
    myName: '',
    currency: '',
    recencyMonths: [6, 12, 24, 36],
    referralReminderDays: 14,
    askGapDays: 60,
    referralTarget: 12,
    surveyLink: '',
  });
  t.emu.sheets.setSheet('Clients', [['Name', 'Seen']]);
  const saved = saveSettings({
    dailyGoal: 8,
    myName: ' Pat ',
    columnMap: { lastContact: 'Seen' },
    currency: 'gbp',
  });
  expect(saved).toMatchObject({
    dailyGoal: 8,
    myName: 'Pat',
    columnMap: { lastContact: 'Seen' },
    currency: 'GBP',
  });
  expect(getSettings()).toEqual(saved);
  expect(JSON.parse(t.emu.properties.get('document', 'reconnect.settings')!)).toEqual(saved);
});

test('invalid settings are refused with every problem named, and nothing is saved', () => {
  t.emu.sheets.setSheet('Clients', [['Name', 'Seen']]);
  expect(() => saveSettings({ dailyGoal: 501, clientSheet: 'Nope', recentDays: -1 })).toThrow(
    /no sheet named "Nope".*Daily contact goal should be a whole number from 1 to 500, not the number 501\..*Recently contacted/,
  );
  expect(() => saveSettings({ columnMap: { email: 'Mail' } })).toThrow(
    'Settings not saved. Email: this sheet has no column "Mail".',
  );
  expect(getSettings().dailyGoal).toBe(5);
});

test('settings are checked, not coerced: an empty box, true, [7] and "7" are refused and nothing is saved', () => {
  t.emu.sheets.setSheet('Clients', [['Name', 'Seen']]);
  const cases: [Record<string, unknown>, RegExp][] = [
    [{ recentDays: null }, /Recently contacted \(days\) is empty/],
    [{ recentDays: '' }, /Recently contacted \(days\) is empty/],
    [{ dailyGoal: true }, /Daily contact goal should be a whole number from 1 to 500, not true\./],
    [{ dailyGoal: [7] }, /not a list\./],
    [{ dailyGoal: '7' }, /not the text "7"\./],
    [{ constructor: 1 }, /"constructor" is not a setting/],
    [JSON.parse('{"__proto__": {"dailyGoal": 9}}'), /"__proto__" is not a setting/],
  ];
  for (const [update, message] of cases) {
    expect(() => saveSettings(update as Parameters<typeof saveSettings>[0])).toThrow(message);
  }
  expect(t.emu.properties.get('document', 'reconnect.settings')).toBeNull();
  expect(getSettings()).toMatchObject({ recentDays: 14, dailyGoal: 5 });
});
