// The lean merge (issue 12 item 4): ranking from the call list's index, whole rows only for the planned clients, results written to those rows only; and correct when rows move mid-run.
import { TOUCH_HEADERS } from '../../src/core/touchLog';
import { duringFirstPause, manyClients, mergeWorld, type MergeWorld } from './mailMergeSupport';
import { getMergeSetup, previewMerge, runMailMerge } from '../../src/app/mailMerge';
import { getCallList } from '../../src/app/callList';
import type { MergeRequest } from '../../src/shared/mergeApi';

const CLIENTS = 2000;
const WIDTH = 16;

const top = (count: number): MergeRequest => ({
  template: { source: 'sheet', name: 'Reconnect apology' },
  recipients: { kind: 'top', count },
  mode: 'send',
});

let w: MergeWorld;
afterEach(() => w?.uninstall());

/** Runs fn as one execution and returns what it moved, by the emulator's cost meter. */
function metered<T>(fn: () => T): {
  value: T;
  read: number;
  written: number;
  calls: Record<string, number>;
} {
  w.emu.kernel.resetCounts();
  const value = w.run(fn);
  return {
    value,
    read: w.emu.kernel.cost.cellsRead,
    written: w.emu.kernel.cost.cellsWritten,
    calls: w.emu.kernel.snapshot(),
  };
}

describe('a merge on a 2,000-client sheet reads and writes only what it needs', () => {
  beforeEach(() => {
    // The most valuable clients spread over the whole sheet, as in a real one.
    w = mergeWorld(manyClients(CLIENTS).map((c, i) => ({ ...c, value: (i * 7919) % 100003 })));
    w.run(() => getMergeSetup()); // the Templates sheet, as a first use makes it
    w.emu.cache.clear(); // nothing cached: the ranking columns are read from the sheet
  });

  test('a 50-email run reads the ranking columns and the planned rows, not the whole sheet twice', () => {
    const before = w.clients();
    const run = metered(() => runMailMerge(top(50)));
    expect(run.value.sent).toBe(50);
    // The old merge read every cell three times (values twice, display values once): 96,000 cells.
    expect(run.read).toBeLessThan(CLIENTS * 8 + 200 * WIDTH * 2);
    // The old write-back rewrote whole row spans from the first to the last recipient (about
    // 20,000 cells here); now their cells and their Touches rows (the new log formats its Date column).
    expect(run.written).toBeLessThan(50 * (WIDTH + 12) + 1100);
    // One property write per email (a full page's last result rides with the next page), plus
    // the end of each 10-email chunk and the run's two records (before: 58).
    const writes =
      (run.calls['Properties.setProperty'] ?? 0) + (run.calls['Properties.setProperties'] ?? 0);
    expect(writes).toBeLessThanOrEqual(50 + 5 + 2);
    // Only the recipients' rows changed, and each got its result.
    const sentTo = new Set(w.emu.mail.sent.map((m) => m.to));
    const after = w.clients();
    after.forEach((c, i) => {
      if (sentTo.has(String(c.Email))) {
        expect(c['Merge Status']).toBe('Sent 2026-11-25: Reconnect apology');
        expect(c.Touches).toBe(1);
      } else expect(c).toEqual(before[i]);
    });
    expect(w.touches()).toHaveLength(50);
  });

  test('a preview reads no display values beyond the rows it plans', () => {
    const preview = metered(() => previewMerge(top(10)));
    expect(preview.value.emails).toHaveLength(10);
    expect(preview.read).toBeLessThan(CLIENTS * 8 + 100 * WIDTH * 2);
    // Opened again with the index cached (the preview cached it): only the planned rows.
    const again = metered(() => previewMerge(top(10)));
    expect(again.value.emails.map((e) => e.clientId)).toEqual(
      preview.value.emails.map((e) => e.clientId),
    );
    expect(again.read).toBeLessThan(100 * WIDTH * 2);
  });

  test('the same clients as the whole-sheet plan: the top of the call list', () => {
    const list = w.run(() => getCallList({ limit: 20 }));
    const preview = w.run(() => previewMerge(top(20)));
    expect(preview.emails.map((e) => e.clientId)).toEqual(list.items.slice(0, 20).map((i) => i.id));
  });

  test('after the merge the cached call list shows the emailed clients as just contacted', () => {
    w.run(() => getCallList({}));
    const result = w.run(() => runMailMerge(top(10)));
    const emailed = new Set(
      result.outcomes.filter((o) => /^Sent/.test(o.status)).map((o) => o.clientId),
    );
    expect(emailed.size).toBe(10);
    const list = w.run(() => getCallList({}));
    for (const item of list.items) expect(emailed.has(item.id)).toBe(false);
  });
});

describe('cells written back', () => {
  test('a row between two recipients, read with them, keeps its text as text', () => {
    const clients = manyClients(6);
    // Row 3 (the second client) gets no email but sits between rows 2 and 4, read in one call.
    clients[1] = { ...clients[1], doNotContact: true, mergeStatus: '00123', status: '1/2/2024' };
    w = mergeWorld(clients);
    const result = w.run(() => runMailMerge(top(5)));
    expect(result.sent).toBe(5);
    const row3 = w.client('C-00002');
    expect(row3['Merge Status']).toBe('00123');
    expect(row3.Status).toBe('1/2/2024');
    expect(row3['Do Not Contact']).toBe(true);
    expect(w.client('C-00001')['Merge Status']).toBe('Sent 2026-11-25: Reconnect apology');
    expect(w.client('C-00003')['Merge Status']).toBe('Sent 2026-11-25: Reconnect apology');
  });
});

describe('a sheet without the add-on’s columns', () => {
  test('the merge adds them at the end and fills only the recipients’ rows', () => {
    w = mergeWorld([]);
    const rows: unknown[][] = [['Client ID', 'Name', 'Email', 'Last Contact', 'Value']];
    for (let i = 1; i <= 30; i++)
      rows.push([
        `C-${i}`,
        `Client ${i}`,
        `c${i}@example.com`,
        new Date(Date.UTC(2019, i % 12, 15, 12)),
        // The most valuable every third row: recipients spread over the sheet.
        i % 3 === 0 ? 1000 + i : i,
      ]);
    w.emu.sheets.setSheet('Clients', rows, { frozenRows: 1 });
    const result = w.run(() => runMailMerge(top(10)));
    expect(result.sent).toBe(10);
    const header = w.emu.sheets.values('Clients')[0];
    expect(header).toEqual(expect.arrayContaining(['Merge Status', 'Touches', 'Last Channel']));
    for (const c of w.clients()) {
      const recipient = Number(String(c['Client ID']).slice(2)) % 3 === 0;
      expect(c['Merge Status']).toBe(recipient ? 'Sent 2026-11-25: Reconnect apology' : '');
      expect(c.Touches).toBe(recipient ? 1 : '');
    }
  });
});

describe('rows that move while the merge sends', () => {
  test('a row inserted above the recipients mid-run: every result still lands on its client', () => {
    w = mergeWorld(manyClients(40));
    duringFirstPause(() => {
      const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Clients')!;
      sheet.insertRowsBefore(2, 1);
      sheet.getRange(2, 1, 1, 2).setValues([['C-NEW01', 'Someone New']]);
    });
    const result = w.run(() => runMailMerge(top(30)));
    expect(result.sent).toBe(30);
    const sentTo = new Set(w.emu.mail.sent.map((m) => m.to));
    for (const c of w.clients()) {
      if (sentTo.has(String(c.Email)))
        expect(c['Merge Status']).toBe('Sent 2026-11-25: Reconnect apology');
      else expect(c['Merge Status']).toBe('');
    }
    expect(w.client('C-NEW01').Touches).toBe('');
    const logged = w.touches().map((t) => t['Client ID']);
    expect(new Set(logged).size).toBe(30);
  });

  test('a recipient row deleted mid-run: reported, and no other row gets its result', () => {
    w = mergeWorld(manyClients(40));
    duringFirstPause(() => {
      SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Clients')!.deleteRow(2);
    });
    const result = w.run(() => runMailMerge(top(30)));
    expect(result.notices.join(' ')).toContain('were deleted during the merge');
    const sentTo = new Set(w.emu.mail.sent.map((m) => m.to));
    for (const c of w.clients()) {
      const status = String(c['Merge Status']);
      if (sentTo.has(String(c.Email))) expect(status).toBe('Sent 2026-11-25: Reconnect apology');
      else expect(status).not.toMatch(/^Sent/);
    }
  });
});

describe('a long Touches log', () => {
  const LOG = 3000;
  /** A log of calls to clients outside the batch, and one old send of the apology far from its end. */
  function seedLog(): void {
    const rows: unknown[][] = [[...TOUCH_HEADERS]];
    for (let i = 0; i < LOG; i++) {
      const old = i === 5;
      rows.push([
        new Date(Date.UTC(2020, 0, 1 + (i % 300), 12)),
        old ? 'C-00001' : `C-9${String(i).padStart(5, '0')}`,
        old ? 'Client 1' : `Someone ${i}`,
        old ? 'email' : 'call',
        old ? 'sent' : 'Voicemail',
        '',
        old ? 'Reconnect apology' : '',
        'me@example.com',
        `T-${String(i).padStart(8, '0')}`,
      ]);
    }
    w.emu.sheets.setSheet('Touches', rows, { frozenRows: 1 });
  }

  test('read once in the five columns the merge needs; at the run’s end only from its recent end', () => {
    w = mergeWorld(manyClients(60));
    seedLog();
    const run = metered(() => runMailMerge(top(20)));
    expect(run.value.sent).toBe(20);
    // The apology went to Client 1 in 2020: still known, from a row far from the log's end.
    expect(run.value.outcomes.find((o) => o.clientId === 'C-00001')?.status).toMatch(
      /already sent "Reconnect apology"/,
    );
    expect(w.emu.mail.sent.map((m) => m.to)).not.toContain('client1@example.com');
    // Before: the whole log (9 columns) at the start and again at the end, 54,000 cells.
    expect(run.read).toBeLessThan(LOG * 5 + 200 * 9 + 60 * 8 + 40 * WIDTH * 2);
    expect(w.touches()).toHaveLength(LOG + 20);
  });

  test('a preview between two chunks writes this run’s first results: the end logs none twice', () => {
    w = mergeWorld(manyClients(60));
    seedLog();
    let notices: string[] = [];
    duringFirstPause(() => {
      notices = previewMerge(top(5)).notices;
    });
    const result = w.run(() => runMailMerge(top(30)));
    expect(notices.join(' ')).toContain('Another merge on this spreadsheet');
    expect(result.sent).toBe(30);
    const logged = w
      .touches()
      .slice(LOG)
      .map((t) => t['Client ID']);
    expect(logged).toHaveLength(30);
    expect(new Set(logged).size).toBe(30);
  });

  test('log rows deleted near its end mid-run (more than the margin): the whole log is read, none twice', () => {
    w = mergeWorld(manyClients(60));
    seedLog();
    duringFirstPause(() => {
      previewMerge(top(5));
      const log = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Touches')!;
      log.deleteRows(LOG - 100, 80);
    });
    const result = w.run(() => runMailMerge(top(30)));
    expect(result.sent).toBe(30);
    const logged = w
      .touches()
      .slice(LOG - 80)
      .map((t) => t['Client ID']);
    expect(logged).toHaveLength(30);
    expect(new Set(logged).size).toBe(30);
  });
});
