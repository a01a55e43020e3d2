// Referral reminders and post-sale follow-ups in the call list, against the emulator: due on the right calendar day in the spreadsheet's zone, with the reason and the template, settled by a contact.
import { getCallList } from '../../src/app/callList';
import { recordReferral } from '../../src/app/referrals';
import { logTouch } from '../../src/app/touches';
import { saveSettings } from '../../src/app/settings';
import { dueFollowUpBatches } from '../../src/app/referralFollowUps';
import { readClientSheet } from '../../src/services/clientSheet';
import { HEADERS, day, row, useEmulator } from './clientsHelpers';

describe('referral reminders', () => {
  const t = useEmulator({ now: '2026-11-01T15:00:00Z' });

  function seed(): void {
    t.emu.sheets.setSheet('Clients', [
      HEADERS,
      row('C-1', 'Zoe Adams', day('2026-10-20'), 300, {
        Status: 'Reconnected',
        Touches: 2,
        Cadence: 'Quarterly',
      }),
      row('C-2', 'Abe Brown', day('2026-10-30'), 900, { Status: 'Reconnected', Cadence: 'Yearly' }),
    ]);
  }
  const due = () => getCallList({}).items.filter((i) => i.id === 'C-1');
  const at = (ymd: string) => t.emu.clock.set(`${ymd}T15:00:00Z`);

  test('a promise still Promised after 14 days makes the client due with the reminder template, once', () => {
    seed();
    recordReferral({ clientId: 'C-1', kind: 'promised', count: 2, incentive: 'a free service' });
    at('2026-11-14');
    expect(due()).toEqual([]);
    at('2026-11-15');
    const [item] = due();
    expect(item.due).toBe(true);
    expect(item.followUp).toEqual({
      kind: 'referralReminder',
      reason: 'Remind about referrals',
      template: 'Referral reminder',
      dueOn: '2026-11-15',
    });
    // Abe made no promise and is not due.
    expect(getCallList({}).items.map((i) => i.id)).toEqual(['C-1']);
    // The reminder goes out: the follow-up is settled, the client leaves the list.
    logTouch({ clientId: 'C-1', channel: 'email', outcome: 'sent' });
    expect(due()).toEqual([]);
    at('2026-12-20');
    expect(due()).toEqual([]);
  });

  test('N is a setting; a "by when" later than N days moves the reminder to the day after it', () => {
    seed();
    saveSettings({ referralReminderDays: 5 });
    recordReferral({ clientId: 'C-1', kind: 'promised' });
    recordReferral({ clientId: 'C-2', kind: 'promised', due: '2026-11-20' });
    at('2026-11-06');
    expect(getCallList({}).items.map((i) => [i.id, i.followUp?.dueOn])).toEqual([
      ['C-1', '2026-11-06'],
    ]);
    at('2026-11-21');
    expect(getCallList({}).items.find((i) => i.id === 'C-2')!.followUp?.dueOn).toBe('2026-11-21');
  });

  test('a referral received before the reminder settles the promise', () => {
    seed();
    recordReferral({ clientId: 'C-1', kind: 'promised' });
    at('2026-11-03');
    recordReferral({ clientId: 'C-1', kind: 'received', contact: { name: 'Kim Ode' } });
    at('2026-11-30');
    expect(due()).toEqual([]);
  });
});

describe('post-sale follow-ups in the spreadsheet time zone (Pacific/Auckland, UTC+13 in summer)', () => {
  const t = useEmulator({ spreadsheetTimeZone: 'Pacific/Auckland', now: '2026-10-01T00:00:00Z' });
  // Midnight of 1 October 2026 in Auckland (NZDT, UTC+13): 30 September, 11:00 UTC.
  const delivered = new Date('2026-09-30T11:00:00Z');

  function seed(): void {
    t.emu.sheets.setSheet('Clients', [
      ['Client ID', 'Name', 'Email', 'Last Contact', 'Delivery Date', 'Status'],
      ['C-1', 'Ann Lee', 'ann@example.com', delivered, delivered, 'Reconnected'],
      ['C-2', 'Bo Dee', 'bo@example.com', delivered, '', 'Reconnected'],
    ]);
  }
  const item = () => getCallList({ bucket: 'all' }).items.find((i) => i.id === 'C-1')!;

  test('the check-in is due 7 calendar days after delivery in the sheet zone, the survey 30 days after', () => {
    seed();
    // 7 October, 23:30 in Auckland (10:30 UTC): day 6, nothing due.
    t.emu.clock.set('2026-10-07T10:30:00Z');
    expect(item().due).toBe(false);
    // 8 October, 00:30 in Auckland, still 7 October in UTC and in New York: due in the sheet's zone.
    t.emu.clock.set('2026-10-07T11:30:00Z');
    expect(item()).toMatchObject({
      due: true,
      followUp: { kind: 'checkIn', template: 'Post-purchase check-in', dueOn: '2026-10-08' },
    });
    expect(getCallList({}).items.map((i) => i.id)).toEqual(['C-1']);
    logTouch({ clientId: 'C-1', channel: 'call', outcome: 'reached' });
    expect(item().followUp).toBeUndefined();
    // 30 October, 23:30 in Auckland: day 29, the survey is not due yet.
    t.emu.clock.set('2026-10-30T10:30:00Z');
    expect(item().followUp).toBeUndefined();
    // 31 October, 00:30 in Auckland (30 October in UTC): the survey is due.
    t.emu.clock.set('2026-10-30T11:30:00Z');
    expect(item()).toMatchObject({
      due: true,
      followUp: { kind: 'survey', reason: 'Post-sale survey', template: 'Post-purchase survey' },
    });
    logTouch({ clientId: 'C-1', channel: 'email', outcome: 'sent' });
    expect(item().followUp).toBeUndefined();
  });

  test('an old purchase date does not fill the list: each step lapses 30 days after its day', () => {
    seed();
    t.emu.clock.set('2026-12-15T00:00:00Z');
    expect(item().followUp).toBeUndefined();
  });

  test('the purchase column is found by aliases and can be mapped in Settings', () => {
    t.emu.sheets.setSheet('Clients', [
      ['Client ID', 'Name', 'Email', 'Last Contact', 'Shipped'],
      ['C-1', 'Ann Lee', 'ann@example.com', delivered, delivered],
    ]);
    t.emu.clock.set('2026-10-08T00:00:00Z');
    expect(item().followUp).toBeUndefined();
    saveSettings({ columnMap: { purchaseDate: 'Shipped' } });
    expect(item().followUp?.kind).toBe('checkIn');
  });
});

describe('follow-ups for the scheduled run', () => {
  const t = useEmulator({ now: '2026-11-25T15:00:00Z' });
  test('one batch per template, only the clients due today', () => {
    t.emu.sheets.setSheet('Clients', [
      ['Client ID', 'Name', 'Email', 'Last Contact', 'Purchase Date', 'Status'],
      ['C-1', 'Ann Lee', 'ann@example.com', day('2026-11-10'), day('2026-11-10'), 'Reconnected'],
      ['C-2', 'Bo Dee', 'bo@example.com', day('2026-10-20'), day('2026-10-20'), 'Reconnected'],
      ['C-3', 'Cy Orr', 'cy@example.com', day('2026-11-01'), '', 'Reconnected'],
      ['C-4', 'Di Fox', 'di@example.com', day('2026-11-20'), day('2026-11-20'), 'Reconnected'],
    ]);
    t.emu.sheets.setSheet('Referrals', [
      ['Referral ID', 'Date', 'Client ID', 'Status'],
      ['R-1', day('2026-11-01'), 'C-3', 'Promised'],
    ]);
    const cs = readClientSheet();
    expect(dueFollowUpBatches(cs)).toEqual([
      { template: 'Referral reminder', kind: 'referralReminder', clientIds: ['C-3'] },
      { template: 'Post-purchase check-in', kind: 'checkIn', clientIds: ['C-1'] },
      // Bo bought on 20 October: the survey came due on 19 November.
      { template: 'Post-purchase survey', kind: 'survey', clientIds: ['C-2'] },
    ]);
    // Di bought five days ago: nothing yet.
  });
});
