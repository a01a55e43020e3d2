// The lean merge reads the Touches log lean (issue 12 item 4): the Client ID and Step columns whole, the other columns only on the rows of the clients it considers; the same decisions as the whole log.
import { manyClients, mergeWorld, type MergeWorld, type SeedClient } from './mailMergeSupport';
import { getMergeSetup, previewMerge, runMailMerge } from '../../src/app/mailMerge';
import { getCallList } from '../../src/app/callList';
import { TOUCH_HEADERS } from '../../src/core/touchLog';
import type { MergeRequest } from '../../src/shared/mergeApi';
import { RangeCore } from '../../dev/emulator/spreadsheet/range';

const CLIENTS = 2000;
const LOG = 2000;
const APOLOGY = 'Reconnect apology';

const top = (count: number): MergeRequest => ({
  template: { source: 'sheet', name: APOLOGY },
  recipients: { kind: 'top', count },
  mode: 'send',
});

/** Log row i's day: two rows a day from 2021-01-01, at noon UTC (the same day in New York). */
const day = (i: number) => new Date(Date.UTC(2021, 0, 1, 12) + Math.floor(i / 2) * 86400000);
const civil = (i: number) => day(i).toISOString().slice(0, 10);

const idOf = (i: number) => `C-${String(i + 1).padStart(5, '0')}`;

/** The most valuable clients spread over the whole sheet, as in a real one. */
function seedClients(): SeedClient[] {
  return manyClients(CLIENTS).map((c, i) => ({ ...c, value: (i * 7919) % 100003 }));
}

/** Every client in the call list's order (the order a "top N" merge picks from). */
function callListOrder(): string[] {
  const w0 = mergeWorld(seedClients());
  try {
    return w0.run(() => getCallList({ limit: CLIENTS })).items.map((i) => i.id);
  } finally {
    w0.uninstall();
  }
}

let w: MergeWorld;
afterEach(() => w?.uninstall());

/** Cells read from the Touches sheet while fn runs (values and display values). */
function touchCells<T>(fn: () => T): { value: T; cells: number } {
  let cells = 0;
  const count = (range: unknown, grid: unknown[][]) => {
    const ref = (range as { _ref: { sheet: { name: string } } })._ref;
    if (ref.sheet.name === 'Touches') for (const row of grid) cells += row.length;
  };
  const values = RangeCore.prototype.getValues;
  const display = RangeCore.prototype.getDisplayValues;
  RangeCore.prototype.getValues = function (this: RangeCore) {
    const grid = values.call(this);
    count(this, grid);
    return grid;
  };
  RangeCore.prototype.getDisplayValues = function (this: RangeCore) {
    const grid = display.call(this);
    count(this, grid);
    return grid;
  };
  try {
    return { value: w.run(fn), cells };
  } finally {
    RangeCore.prototype.getValues = values;
    RangeCore.prototype.getDisplayValues = display;
  }
}

describe('a 2,000-row Touches log, one row a client', () => {
  const order = callListOrder();
  const [sentLongAgo, replied, repliedThenCalled, sharesEmail] = order;
  // Far down the call list (not among its first 300): never in a 50-email batch.
  const near = new Set(order.slice(0, 300));
  const elsewhere = [...Array(CLIENTS).keys()]
    .map(idOf)
    .reverse()
    .find((id) => !near.has(id))!;
  const special = new Set([sentLongAgo, replied, repliedThenCalled, sharesEmail, elsewhere]);

  function seed(): void {
    const clients = seedClients();
    const shared = clients.findIndex((_, i) => idOf(i) === sharesEmail);
    const other = clients.findIndex((_, i) => idOf(i) === elsewhere);
    clients[other] = { ...clients[other], email: clients[shared].email };
    w = mergeWorld(clients);
    const rows: unknown[][] = [[...TOUCH_HEADERS]];

    const touch = (i: number, id: string, channel: string, outcome: string, step = '') =>
      [day(i), id, `Client ${id}`, channel, outcome, '', step, 'me@example.com', `T-${i}`] as const;
    for (let i = 0; i < LOG; i++) {
      const id = idOf((i * 7919) % CLIENTS);
      // Each special client's touches are the ones below only (a stranger's call in their place).
      rows.push([...touch(i, special.has(id) ? `X-${i}` : id, 'call', 'Voicemail')]);
    }
    // Row 4 (far from the log's end): the apology went out to the first client in 2021.
    rows[3] = [...touch(2, sentLongAgo, 'email', 'sent', APOLOGY)];
    // The client sharing an address with `sharesEmail` got it too (its Step typed loosely).
    rows[6] = [...touch(5, elsewhere, 'email', 'sent', '  reconnect APOLOGY ')];
    // A call, then a reply nobody answered yet (the latest touch).
    rows[100] = [...touch(99, replied, 'call', 'Voicemail')];
    rows[1200] = [...touch(1199, replied, 'email', 'replied', 'Checking in')];
    // A reply, then a call that answered it: no longer held back.
    rows[300] = [...touch(299, repliedThenCalled, 'email', 'replied', 'Checking in')];
    rows[1500] = [...touch(1499, repliedThenCalled, 'call', 'Reached')];
    w.emu.sheets.setSheet('Touches', rows, { frozenRows: 1 });
    w.run(() => getMergeSetup()); // the Templates sheet, as a first use makes it
    w.emu.cache.clear(); // nothing cached
  }

  function expectSameDecisions(
    emails: { clientId: string }[],
    skips: { clientId: string; reason: string }[],
  ) {
    const reason = (id: string) => skips.find((s) => s.clientId === id)?.reason;
    expect(reason(sentLongAgo)).toBe(`already sent "${APOLOGY}" on ${civil(2)}`);
    expect(reason(replied)).toBe(`replied on ${civil(1199)}: call them back`);
    expect(reason(sharesEmail)).toMatch(/at the same email already got "Reconnect apology"/);
    expect(emails.map((e) => e.clientId)).toContain(repliedThenCalled);
    expect(emails.map((e) => e.clientId)).not.toContain(elsewhere);
    expect(emails).toHaveLength(50);
  }

  test('opening a 50-email merge reads two columns of the log, not five: same decisions', () => {
    seed();
    const preview = touchCells(() => previewMerge(top(50)));
    expectSameDecisions(preview.value.emails, preview.value.skips);
    // Before: the five columns of every row (10,000 cells) and the last rows' Touch IDs. Now the
    // Client ID and Step columns, the header, the mark, and the considered clients' rows (7 cells).
    expect(preview.cells).toBeLessThan(LOG * 2 + 100 * 7 + 100);
  });

  test('opening the Emails tab reads the log’s mark only (its last rows’ Touch IDs)', () => {
    seed();
    const setup = touchCells(() => getMergeSetup());
    expect(setup.value.templates.length).toBeGreaterThan(0);
    // Before: the five columns of every row, 10,000 cells, on every opening of the tab.
    expect(setup.cells).toBeLessThan(100);
  });

  test('the run too: the same clients get the email, and the log gets their 50 touches once', () => {
    seed();
    const run = touchCells(() => runMailMerge(top(50)));
    expect(run.value.sent).toBe(50);
    const skips = run.value.outcomes
      .filter((o) => !/^Sent/.test(o.status))
      .map((o) => ({ clientId: o.clientId, reason: o.status }));
    expect(skips.map((s) => s.clientId)).toEqual(
      expect.arrayContaining([sentLongAgo, replied, sharesEmail]),
    );
    const sent = w.emu.mail.sent.map((m) => m.to);
    expect(sent).toHaveLength(50);
    expect(new Set(sent).size).toBe(50);
    // The run's end reads the log from its recent end only (the mark).
    expect(run.cells).toBeLessThan(LOG * 2 + 100 * 7 + 100 + 200 * 9);
    const logged = w.touches().slice(LOG);
    expect(logged).toHaveLength(50);
    expect(new Set(logged.map((t) => t['Client ID'])).size).toBe(50);
  });
});
