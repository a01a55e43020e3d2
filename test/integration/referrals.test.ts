// recordReferral against the emulator: the Referrals sheet by header with R- IDs and text kept as text, the touch with the referrer, a referred person added as a client, status changes, refusals before any write.
import { recordReferral } from '../../src/app/referrals';
import { REFERRAL_HEADER, REFERRAL_FIELDS } from '../../src/core/referrals';
import { HEADERS, seedReferrers, useEmulator } from './clientsHelpers';

const t = useEmulator();

const seed = (): void => seedReferrers(t.emu);

const records = (name: string): Record<string, unknown>[] => {
  const [header, ...rows] = t.emu.sheets.values(name);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
};
const civil = (v: unknown): string => (v as Date).toISOString().slice(0, 10);

test('a promise creates the Referrals sheet with its headers, an R- ID, and logs the call as a touch', () => {
  seed();
  const result = recordReferral({
    clientId: 'C-1',
    kind: 'promised',
    count: 2,
    incentive: '=HYPERLINK("x") 10% off',
    due: '2026-12-05',
  });
  expect(result.referral.referralId).toMatch(/^R-[0-9A-Z]{10}$/);
  expect(result.message).toBe('Recorded 2 promised referrals from Zoe Adams.');
  expect(result.touchId).toMatch(/^T-/);
  expect(t.emu.sheets.values('Referrals')[0]).toEqual(
    REFERRAL_FIELDS.map((f) => REFERRAL_HEADER[f]),
  );
  const [r] = records('Referrals');
  expect(r).toMatchObject({
    'Referral ID': result.referral.referralId,
    'Client ID': 'C-1',
    Referrer: 'Zoe Adams',
    'Promised Count': 2,
    Incentive: '=HYPERLINK("x") 10% off',
    Status: 'Promised',
  });
  expect(civil(r.Date)).toBe('2026-11-25');
  expect(civil(r['Due By'])).toBe('2026-12-05');
  // The incentive stayed text (no formula), as the Touches log's notes do.
  expect(t.emu.sheets.formulas('Referrals').flat().filter(Boolean)).toEqual([]);
  const [touch] = records('Touches');
  expect(touch).toMatchObject({
    'Client ID': 'C-1',
    Channel: 'call',
    Outcome: 'promised referrals',
  });
  expect(String(touch.Notes)).toContain('Promised 2 referrals, incentive: =HYPERLINK');
  const client = records('Clients').find((c) => c['Client ID'] === 'C-1')!;
  expect(client.Touches).toBe(4);
});

test('a referral received fulfils the open promise, adds the person as a client in one new row, and is won later', () => {
  seed();
  const promise = recordReferral({ clientId: 'C-1', kind: 'promised', count: 1 });
  const before = t.emu.sheets.values('Clients');
  const received = recordReferral({
    clientId: 'C-1',
    kind: 'received',
    contact: { name: '00123 Ltd', email: 'new@example.org', phone: '+1 555 0100' },
    addClient: true,
  });
  expect(received.newClientId).toMatch(/^C-/);
  expect(received.message).toContain('Added 00123 Ltd to Clients as row 4');
  const clients = t.emu.sheets.values('Clients');
  // The other rows are exactly as they were (the referrer's touch changed only its owned cells); one
  // row was added below them.
  expect(clients[0]).toEqual(before[0]);
  expect(clients[2]).toEqual(before[2]);
  for (const name of ['Name', 'Email', 'Value', 'Notes'])
    expect(clients[1][HEADERS.indexOf(name)]).toEqual(before[1][HEADERS.indexOf(name)]);
  const added = records('Clients')[2];
  expect(added).toMatchObject({
    'Client ID': received.newClientId,
    Name: '00123 Ltd',
    Email: 'new@example.org',
    Phone: '+1 555 0100',
  });
  expect(added.Notes).toBe(
    `Referred by Zoe Adams (C-1) on 2026-11-25, referral ${received.referral.referralId}.`,
  );
  const refs = records('Referrals');
  expect(refs.map((r) => r.Status)).toEqual(['Received', 'Received']);
  expect(refs[0]['Referral ID']).toBe(promise.referral.referralId);
  expect(refs[1]).toMatchObject({
    'Referred Name': '00123 Ltd',
    'New Client ID': received.newClientId,
  });

  // A second time with the same email: not added twice.
  const again = recordReferral({
    clientId: 'C-1',
    kind: 'received',
    contact: { name: 'Same', email: 'NEW@example.org' },
    addClient: true,
  });
  expect(again.message).toContain('is already in the client sheet (row 4): not added again.');
  expect(t.emu.sheets.values('Clients')).toHaveLength(4);

  const id = received.referral.referralId;
  recordReferral({ clientId: 'C-1', kind: 'contacted', referralId: id });
  t.emu.clock.set(new Date('2026-12-02T15:00:00Z'));
  const won = recordReferral({ clientId: 'C-1', kind: 'won', referralId: id, value: 1200 });
  expect(won.referral).toMatchObject({ status: 'Won', value: 1200 });
  expect(won.touchId).toBeUndefined();
  const row3 = records('Referrals')[1];
  expect(row3).toMatchObject({ Status: 'Won', 'Won Value': 1200 });
});

test('refusals come before any write: unknown client, missing contact, wrong referrer, a lost promise', () => {
  seed();
  expect(() => recordReferral({ clientId: 'C-9', kind: 'asked' })).toThrow(
    /No client has the ID "C-9"/,
  );
  expect(() => recordReferral({ clientId: 'C-1', kind: 'received' } as never)).toThrow(
    'referral.contact needs the referred person',
  );
  expect(() => recordReferral({ clientId: 'C-1', kind: 'won' })).toThrow('referralId is needed');
  expect(() => recordReferral({ clientId: 'C-1', kind: 'promised', count: 0 })).toThrow(
    'referral.count should be at least 1',
  );
  expect(() => recordReferral({ clientId: 'C-1', kind: 'nope' } as never)).toThrow('referral.kind');
  expect(() => recordReferral({ clientId: 'C-1', kind: 'asked', extra: 1 } as never)).toThrow(
    'unknown field "extra"',
  );
  expect(t.emu.sheets.sheetNames()).not.toContain('Referrals');
  const p = recordReferral({ clientId: 'C-1', kind: 'promised' });
  expect(() =>
    recordReferral({ clientId: 'C-2', kind: 'won', referralId: p.referral.referralId }),
  ).toThrow('came from Zoe Adams, not Abe Brown');
  expect(() =>
    recordReferral({ clientId: 'C-1', kind: 'won', referralId: p.referral.referralId }),
  ).toThrow('is a promise, not a referred person: record the person with "Referral received"');
  // A referral already won cannot go back to contacted.
  const kim = recordReferral({ clientId: 'C-1', kind: 'received', contact: { name: 'Kim' } });
  recordReferral({ clientId: 'C-1', kind: 'won', referralId: kim.referral.referralId });
  expect(() =>
    recordReferral({ clientId: 'C-1', kind: 'contacted', referralId: kim.referral.referralId }),
  ).toThrow('is Won: only a referral received can be marked contacted');
});

test('a Referrals sheet the user rearranged is written by header', () => {
  seed();
  t.emu.sheets.setSheet('Referrals', [['My notes', 'Status', 'Referral ID', 'Client ID', 'Date']]);
  recordReferral({ clientId: 'C-1', kind: 'asked', notes: 'TRUE' });
  const [header, line] = t.emu.sheets.values('Referrals');
  expect(header.slice(0, 5)).toEqual(['My notes', 'Status', 'Referral ID', 'Client ID', 'Date']);
  expect(header).toContain('Referrer');
  expect(line[0]).toBe('');
  expect(line[1]).toBe('Asked');
  expect(line[3]).toBe('C-1');
  expect(line[header.indexOf('Notes')]).toBe('TRUE');
});
