// core/rankIndex: the cached ranking index round-trips every ranking field exactly; another format reads as absent.
import {
  chunks,
  indexedClient,
  decodeIndex,
  encodeIndex,
  sameRanking,
  type RankIndex,
} from '../../src/core/rankIndex';
import type { Client } from '../../src/core/clients';

/** A client with nothing known but the fields given. */
const client = (over: Partial<Client>): Client => ({
  ...indexedClient(2, '', null, null, null, '', false),
  ...over,
});

const index: RankIndex = {
  clients: [
    client({ id: 'C-1', row: 2, lastContact: '2024-01-31', value: 1200.5, cadence: 'Quarterly' }),
    client({ id: 'C-2', row: 3, doNotContact: true, value: 0, nextDue: '2026-12-01' }),
    client({ id: 'C-😀"\\', row: 7, cadence: '45', purchaseDate: '2026-11-01' }),
    client({ id: '', row: 9, purchaseDate: null, value: -3 }),
  ],
  problems: [{ row: 5, column: 'Value', message: 'Value is unreadable: "x" is not an amount' }],
};

test('every ranking field survives the round trip, through pieces as the cache stores them', () => {
  const text = encodeIndex(index);
  const back = decodeIndex(chunks(text, 7).join(''))!;
  expect(back.problems).toEqual(index.problems);
  expect(back.clients).toHaveLength(4);
  back.clients.forEach((c, k) => expect(sameRanking(c, index.clients[k])).toBe(true));
  expect(back.clients.map((c) => c.doNotContact)).toEqual([false, true, false, false]);
  expect(back.clients[2].purchaseDate).toBe('2026-11-01');
  // A purchase date of null is not kept: "none" either way, as the type allows.
  expect(back.clients[3].purchaseDate ?? null).toBeNull();
  expect(back.clients[1].nextDue).toBe('2026-12-01');
  expect(back.clients[0].value).toBe(1200.5);
});

test('a changed field is told apart', () => {
  const back = decodeIndex(encodeIndex(index))!;
  const moved = { ...back.clients[0], lastContact: '2024-02-01' };
  expect(sameRanking(moved, index.clients[0])).toBe(false);
  const opted = { ...back.clients[0], doNotContact: true };
  expect(sameRanking(opted, index.clients[0])).toBe(false);
});

test('an index cached by the release before (one array per client) reads as absent, not as clients', () => {
  const older = JSON.stringify({ c: [[2, 'C-1', '2024-01-31', null, 1200, '', 0]], p: [] });
  expect(decodeIndex(older)).toBeNull();
});

test('an empty sheet is an empty index', () => {
  expect(decodeIndex(encodeIndex({ clients: [], problems: [] }))).toEqual({
    clients: [],
    problems: [],
  });
});
