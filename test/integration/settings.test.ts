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
