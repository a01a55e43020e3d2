// The merge and the sidebar through one Touches writer: "already sent this template" survives text IDs and a user's changes to the log's columns; a merge between a touch and its undo.
import { mergeWorld, type MergeWorld } from './mailMergeSupport';
import { previewMerge, runMailMerge } from '../../src/app/mailMerge';
import { logTouch, undoLastTouch } from '../../src/app/touches';
import { TOUCH_HEADERS } from '../../src/core/touchLog';
import type { MergeRequest } from '../../src/shared/mergeApi';

let w: MergeWorld;
afterEach(() => w?.uninstall());

const apology = (ids: string[]): MergeRequest => ({
  template: { source: 'sheet', name: 'Reconnect apology' },
  recipients: { kind: 'clients', ids },
  mode: 'send',
});

function world(id = 'C-1'): MergeWorld {
  return mergeWorld([
    { id, name: 'Ann Lee', email: 'ann@example.com', lastContact: '2023-03-10', value: 9000 },
    { id: 'C-2', name: 'Bo Diaz', email: 'bo@example.com', lastContact: '2022-03-10', value: 10 },
  ]);
}

/** 40 days later, with the Merge Status cleared: only the log remembers the send. */
function later(w: MergeWorld): void {
  w.emu.clock.advance(40 * 86400000);
  w.run(() => {
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Clients')!;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    sheet.getRange(2, header.indexOf('Merge Status') + 1, 2, 1).setValues([[''], ['']]);
  });
}

function sendsAgain(w: MergeWorld, id: string): number {
  later(w);
  const preview = w.run(() => previewMerge(apology([id])));
  expect(preview.skips.map((s) => s.reason)).toEqual([
    'already sent "Reconnect apology" on 2026-11-25',
  ]);
  const before = w.emu.mail.outbox.length;
  w.run(() => runMailMerge(apology([id])));
  return w.emu.mail.outbox.length - before;
}

test.each(['00123', '1/2/2024', 'TRUE', '1e5'])(
  'a Client ID like %s stays text in the log, so the same template is not sent twice',
  (id) => {
    w = world(id);
    w.run(() => runMailMerge(apology([id])));
    expect(w.emu.mail.outbox).toHaveLength(1);
    expect(w.touches().map((t) => t['Client ID'])).toEqual([id]);
    expect(sendsAgain(w, id)).toBe(0);
  },
);

test('a column inserted at the front of Touches: later sends are logged by header, nothing is sent twice', () => {
  w = world();
  w.run(() => runMailMerge(apology(['C-1'])));
  w.run(() => {
    const log = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Touches')!;
    log.insertColumnsBefore(1, 1);
    log.getRange(1, 1).setValue('Region');
  });
  w.run(() => runMailMerge(apology(['C-2'])));
  expect(w.touches().map((t) => [t.Region, t['Client ID'], t.Step])).toEqual([
    ['', 'C-1', 'Reconnect apology'],
    ['', 'C-2', 'Reconnect apology'],
  ]);
  expect(sendsAgain(w, 'C-2')).toBe(0);
});

test('a renamed Client ID header keeps its column: no second send, no new column', () => {
  w = world();
  w.run(() => runMailMerge(apology(['C-1'])));
  w.run(() =>
    SpreadsheetApp.getActiveSpreadsheet()
      .getSheetByName('Touches')!
      .getRange(1, 2)
      .setValue('Customer'),
  );
  w.run(() => runMailMerge(apology(['C-2'])));
  const header = w.emu.sheets.values('Touches')[0];
  expect(header).toEqual(TOUCH_HEADERS.map((h) => (h === 'Client ID' ? 'Customer' : h)));
  expect(w.touches().map((t) => t.Customer)).toEqual(['C-1', 'C-2']);
  expect(sendsAgain(w, 'C-1')).toBe(0);
});

test('merge rows and sidebar rows have the same layout, each with its own Touch ID', () => {
  w = world();
  w.run(() => logTouch({ clientId: 'C-2', channel: 'call', outcome: 'reached' }));
  w.run(() => runMailMerge(apology(['C-1'])));
  const rows = w.touches();
  expect(Object.keys(rows[0])).toEqual([...TOUCH_HEADERS]);
  expect(rows.map((r) => [r['Client ID'], r.Client, r.Channel, r['Logged by']])).toEqual([
    ['C-2', 'Bo Diaz', 'call', 'owner@example.com'],
    ['C-1', 'Ann Lee', 'email', 'owner@example.com'],
  ]);
  const ids = rows.map((r) => r['Touch ID']);
  expect(ids.every((id) => /^T-[0-9A-Z]{10}$/.test(String(id)))).toBe(true);
  expect(new Set(ids).size).toBe(2);
});

test('a merge between a touch and its undo: undo refuses, says why, and changes nothing', () => {
  w = world();
  w.run(() => logTouch({ clientId: 'C-1', channel: 'call', outcome: 'no answer' }));
  w.emu.clock.advance(3600000);
  w.run(() => runMailMerge(apology(['C-1'])));
  expect(w.emu.mail.outbox).toHaveLength(1);
  const clients = w.emu.sheets.values('Clients');
  const touches = w.emu.sheets.values('Touches');
  expect(() => w.run(() => undoLastTouch())).toThrow(
    'Cannot undo: an email was sent to Ann Lee after your call; undo that first or edit the row.',
  );
  expect(w.emu.sheets.values('Clients')).toEqual(clients);
  expect(w.emu.sheets.values('Touches')).toEqual(touches);
});
