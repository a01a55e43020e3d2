// The merge journal stays small and bounded: a long template name and 200 recipients, a store full of other data, a quota hit mid-run.
import { PROPERTY_QUOTA, STORE_LIMIT_BYTES } from '../../dev/emulator/properties';
import { manyClients, mergeWorld, type MergeWorld } from './mailMergeSupport';
import { getMergeSetup, previewMerge, runMailMerge } from '../../src/app/mailMerge';
import { repairMergeJournal } from '../../src/app/mergeRepair';
import type { MergeRequest } from '../../src/shared/mergeApi';

const LONG_NAME = `Reconnect apology ${'and a very long explanation '.repeat(54)}`.trim();

let w: MergeWorld;
afterEach(() => w?.uninstall());

/** Gives the Templates sheet a copy of the apology under `name`. */
function addTemplate(world: MergeWorld, name: string): void {
  world.run(() => getMergeSetup());
  const rows = world.emu.sheets.values('Templates');
  rows.push([name, 'Sorry, {{First Name}}', 'Hi {{Name}}, it has been a while.', 'Email', '']);
  world.emu.sheets.setSheet('Templates', rows);
}

const request = (name: string, count: number): MergeRequest => ({
  template: { source: 'sheet', name },
  recipients: { kind: 'top', count },
  mode: 'send',
});

function journalBytes(world: MergeWorld): number {
  const all = world.emu.properties.all('document');
  let n = 0;
  for (const [k, v] of Object.entries(all)) {
    if (k.startsWith('reconnect.merge.') || k.startsWith('rcj.')) n += k.length + v.length;
  }
  return n;
}

describe('the merge journal cannot fill the document store', () => {
  test('a 1,500-character template name and 200 recipients: all sent, every status and touch written', () => {
    w = mergeWorld(manyClients(200), { dailyEmailQuota: 1500 });
    expect(LONG_NAME.length).toBeGreaterThan(1400);
    addTemplate(w, LONG_NAME);
    // Another add-on of this document already holds 400 KB of the 500 KB store.
    fillWithOtherData(w, 400 * 1024);
    const result = w.run(() => runMailMerge(request(LONG_NAME, 200)));
    expect(result.sent).toBe(200);
    expect(w.emu.mail.sent).toHaveLength(200);
    expect(w.touches()).toHaveLength(200);
    expect(w.clients().every((c) => String(c['Merge Status']).startsWith('Sent 2026-11-25'))).toBe(
      true,
    );
    // Entries are removed once written back: what stays is a small record of the run.
    expect(journalBytes(w)).toBeLessThan(4 * 1024);
    expect(w.emu.properties.bytes('document')).toBeLessThan(STORE_LIMIT_BYTES);
    // And the next operations work.
    expect(() => w.run(() => getMergeSetup())).not.toThrow();
  });

  test("a store nearly full of another add-on's data: a clear refusal before the first send", () => {
    w = mergeWorld(manyClients(200), { dailyEmailQuota: 1500 });
    addTemplate(w, 'Catch up');
    fillWithOtherData(w, 480 * 1024);
    const setup = w.run(() => getMergeSetup());
    expect(setup.storage?.low).toBe(true);
    expect(() => w.run(() => runMailMerge(request('Reconnect apology', 200)))).toThrow(
      /^The merge journal would need \d+ KB; .*Nothing was sent\. To go on, send to \d+ clients at a time/,
    );
    expect(w.emu.mail.sent).toHaveLength(0);
    expect(w.touches()).toHaveLength(0);
    // Fewer at a time fits.
    const some = w.run(() => runMailMerge(request('Catch up', 10)));
    expect(some.sent).toBe(10);
    const repair = w.run(() => repairMergeJournal());
    expect(repair.message).toContain('Every merge result was already in the sheet.');
    expect(repair.message).toMatch(/KB of this spreadsheet's add-on storage is held by other data/);
    expect(w.emu.properties.get('document', 'other.addon.0')).not.toBeNull();
  });

  test('a store filled by the old journal: the Emails tab opens, statuses and touches land, space is freed', () => {
    w = mergeWorld(manyClients(200), { dailyEmailQuota: 1500 });
    // What the previous release left after aborting at its 160th send: one property per send.
    for (let i = 1; i <= 159; i++) {
      const id = `C-${String(i).padStart(5, '0')}`;
      const entry = {
        clientId: id,
        template: LONG_NAME,
        mode: 'send',
        state: 'done',
        date: '2026-11-25',
        to: `client${i}@example.com`,
        run: 'old',
        at: Date.parse('2026-11-25T14:00:00Z'),
      };
      w.emu.properties.set(
        'document',
        `reconnect.merge.${id}|${LONG_NAME.toLowerCase()}`,
        JSON.stringify(entry),
      );
    }
    expect(w.emu.properties.bytes('document')).toBeGreaterThan(490 * 1024);
    const setup = w.run(() => getMergeSetup());
    expect(setup.notices.join(' ')).toContain('its 159 results are now in the sheet');
    expect(w.touches()).toHaveLength(159);
    expect(w.client('C-00159')['Merge Status']).toBe(`Sent 2026-11-25: ${LONG_NAME}`);
    expect(journalBytes(w)).toBe(0);
    expect(setup.storage?.low).toBe(false);
    addTemplate(w, LONG_NAME);
    expect(w.run(() => previewMerge(request(LONG_NAME, 200))).emails).toHaveLength(41);
  });

  test('a repair after a run that died with its pages: results written back, pages removed', () => {
    w = mergeWorld(manyClients(30));
    w.emu.kernel.injectFault({
      method: 'MailApp.sendEmail',
      nth: 12,
      message: 'killed',
      kill: true,
    });
    expect(() => w.run(() => runMailMerge(request('Reconnect apology', 30)))).toThrow('killed');
    w.emu.kernel.clearFaults();
    expect(w.touches()).toHaveLength(0);
    // The 12th send was killed before it left: once the run is certainly over, Gmail's Sent folder
    // settles it as not sent (its client is offered again) instead of "unconfirmed" for ever.
    w.emu.clock.advance(8 * 60 * 1000);
    const repair = w.run(() => repairMergeJournal());
    expect(repair.written).toBe(12);
    expect(repair.message).toContain('12 merge results written to the sheet');
    expect(w.touches()).toHaveLength(11);
    const pages = Object.keys(w.emu.properties.all('document')).filter((k) =>
      /^rcj\.[^.]+\./.test(k),
    );
    expect(pages).toEqual([]);
    expect(w.client('C-00012')['Merge Status']).toMatch(
      /^Not sent 2026-11-25: the merge stopped before "Reconnect apology" left/,
    );
  });

  test('the store refuses the run record itself: a clear message, nothing sent', () => {
    w = mergeWorld(manyClients(5));
    w.emu.kernel.injectFault({ method: 'Properties.setProperty', nth: 1, message: PROPERTY_QUOTA });
    expect(() => w.run(() => runMailMerge(request('Reconnect apology', 5)))).toThrow(
      'The merge journal could not be started, so nothing was sent: use "Free merge storage" in the Emails tab.',
    );
    w.emu.kernel.clearFaults();
    expect(w.emu.mail.outbox).toHaveLength(0);
    expect(w.clients().map((c) => c['Merge Status'])).toEqual(['', '', '', '', '']);
  });

  test('the store fills up mid-run: the sends so far get statuses and touches, the rest wait', () => {
    w = mergeWorld(manyClients(20));
    // Writes: the run's record, then one per send. The 8th is refused, before the 7th send.
    w.emu.kernel.injectFault({ method: 'Properties.setProperty', nth: 8, message: PROPERTY_QUOTA });
    const result = w.run(() => runMailMerge(request('Reconnect apology', 20)));
    w.emu.kernel.clearFaults();
    expect(result.sent).toBe(6);
    expect(result.waiting).toBe(14);
    expect(result.message).toContain("14 wait: the spreadsheet's add-on storage is full");
    expect(w.touches()).toHaveLength(6);
    const statuses = w.clients().map((c) => c['Merge Status']);
    expect(statuses.slice(0, 6)).toEqual(Array(6).fill('Sent 2026-11-25: Reconnect apology'));
    expect(new Set(statuses.slice(6))).toEqual(
      new Set(["Waiting: this spreadsheet's add-on storage is full, see the Emails tab"]),
    );
    // Run again: the rest go, nobody twice.
    const again = w.run(() => runMailMerge(request('Reconnect apology', 20)));
    expect(again.sent).toBe(14);
    const to = w.emu.mail.sent.map((m) => m.to);
    expect(new Set(to).size).toBe(20);
  });
});

function fillWithOtherData(world: MergeWorld, bytes: number): void {
  const value = 'x'.repeat(8 * 1024);
  for (let i = 0; i * value.length < bytes; i++)
    world.emu.properties.set('document', `other.addon.${i}`, value);
}
