// sidebar/views/callsLoad: a large sheet's slices asked for all at once, the list after the last; a failed slice or an older server still gets the list.
import { fetchCallList } from '../../sidebar/views/callsLoad';
import type { Api } from '../../sidebar/api';
import type { CallList } from '../../src/shared/api';

const LIST = { items: [], total: 0 } as unknown as CallList;

/** A server that answers when told to: each call waits in `pending` until resolved by name order. */
function fakeApi(start: unknown, names = ['getCallList', 'startCallList', 'warmCallList']) {
  const calls: { name: string; arg: unknown }[] = [];
  const pending: { name: string; resolve: (v: unknown) => void; reject: (e: Error) => void }[] = [];
  const api: Api = {
    has: (name) => names.includes(name),
    call: ((name: string, arg: unknown) => {
      calls.push({ name, arg });
      if (name === 'startCallList') return Promise.resolve(start);
      if (name === 'getCallList') return Promise.resolve(LIST);
      return new Promise<unknown>((resolve, reject) => pending.push({ name, resolve, reject }));
    }) as Api['call'],
  };
  return { api, calls, pending };
}

const tick = () => new Promise((r) => setImmediate(r));

test('every slice is asked for before any answers; the list is asked for with the slices after the last', async () => {
  const { api, calls, pending } = fakeApi({ slices: 3, rows: 12_000 });
  const lines: string[] = [];
  const done = fetchCallList(api, { sort: 'value' }, (t) => lines.push(t));
  await tick();
  expect(calls.map((c) => c.name)).toEqual([
    'startCallList',
    'warmCallList',
    'warmCallList',
    'warmCallList',
  ]);
  expect(calls.slice(1).map((c) => c.arg)).toEqual(
    [0, 1, 2].map((slice) => ({ slice, slices: 3 })),
  );
  pending[2].resolve({ slice: 2, rows: 4000 });
  pending[0].reject(new Error('too many scripts'));
  await tick();
  expect(calls.map((c) => c.name)).not.toContain('getCallList');
  pending[1].resolve({ slice: 1, rows: 4000 });
  await expect(done).resolves.toBe(LIST);
  expect(calls[calls.length - 1]).toEqual({
    name: 'getCallList',
    arg: { sort: 'value', slices: 3 },
  });
  expect(lines).toEqual([
    'Reading 12,000 clients in 3 parts side by side: 0 done…',
    'Reading 12,000 clients in 3 parts side by side: 1 done…',
    'Reading 12,000 clients in 3 parts side by side: 2 done…',
  ]);
});

test('a list at once needs no slices; a server without startCallList is asked getCallList', async () => {
  const ready = fakeApi({ list: LIST });
  await expect(fetchCallList(ready.api, {}, () => undefined)).resolves.toBe(LIST);
  expect(ready.calls.map((c) => c.name)).toEqual(['startCallList']);
  const older = fakeApi(null, ['getCallList']);
  await expect(fetchCallList(older.api, { offset: 0 }, () => undefined)).resolves.toBe(LIST);
  expect(older.calls).toEqual([{ name: 'getCallList', arg: { offset: 0 } }]);
});
