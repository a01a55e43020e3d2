// Time zone math without a service call per date: a call list over six years of dates calls Utilities.formatDate a handful of times.
import { getCallList } from '../../src/app/callList';
import { HEADERS, row, useEmulator } from './clientsHelpers';

const t = useEmulator({ spreadsheetTimeZone: 'Europe/Paris' });

test('formatDate a handful of times for 3,000 clients contacted over six years', () => {
  const { emu } = t;
  const rows: unknown[][] = [HEADERS];
  for (let i = 0; i < 3000; i++) {
    // A different instant each: every hour of the day, every day of six years, DST changes included.
    const when = new Date(Date.UTC(2020, 10, 25) + i * (17 * 3600000 + 61000));
    rows.push(row(`C-${i}`, `Client ${i}`, when, i));
  }
  emu.sheets.setSheet('Clients', rows);
  emu.kernel.resetCounts();
  const list = emu.run(() => getCallList({ bucket: 'all', sort: 'days' }));
  expect(emu.kernel.count('Utilities.formatDate')).toBeLessThanOrEqual(5);
  // And the days are the Paris calendar days formatDate gives.
  for (const item of list.items) {
    const cell = rows[item.row - 1][6] as Date;
    expect(item.lastContact).toBe(Utilities.formatDate(cell, 'Europe/Paris', 'yyyy-MM-dd'));
  }
});
