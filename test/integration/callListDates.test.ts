// Date cells to calendar days in the spreadsheet's time zone: the fast arithmetic path must agree with Utilities.formatDate everywhere, daylight saving changes included.
import { civilDates } from '../../src/services/civilDates';
import { useEmulator } from './clientsHelpers';

useEmulator();

const HOUR = 3600000;

test.each(['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'])(
  'every hour of two years in %s gives the same day as formatDate',
  (zone) => {
    const dates = civilDates(zone);
    const start = Date.UTC(2025, 0, 1);
    // Every hour plus 59 minutes, so the hours just before and after local midnight are covered.
    for (let t = start; t < start + 2 * 365 * 24 * HOUR; t += HOUR + 59 * 60000) {
      const date = new Date(t);
      expect(dates.toCivil(date)).toBe(Utilities.formatDate(date, zone, 'yyyy-MM-dd'));
    }
  },
);

test('midnight of a day written by toDate reads back as that day', () => {
  const dates = civilDates('America/New_York');
  for (const day of ['2026-03-08', '2026-03-09', '2026-11-01', '2026-11-02', '1969-12-31']) {
    expect(dates.toCivil(dates.toDate(day))).toBe(day);
  }
});

test('a zone id Intl knows but formatDate reads as GMT: formatDate decides, every hour of a year', () => {
  // Java's TimeZone ids are case-sensitive: "america/new_york" is GMT for formatDate, New York for
  // Intl. The converter checks Intl against formatDate and, as they disagree, uses formatDate.
  const zone = 'america/new_york';
  const dates = civilDates(zone);
  const start = Date.UTC(2026, 0, 1);
  for (let t = start; t < start + 365 * 24 * HOUR; t += HOUR + 59 * 60000) {
    const date = new Date(t);
    expect(dates.toCivil(date)).toBe(Utilities.formatDate(date, zone, 'yyyy-MM-dd'));
  }
});
