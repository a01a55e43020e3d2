// What the call list keeps between executions: each client's ranking cells, as compact text that round-trips exactly.
import type { DataProblem } from '../shared/api';
import type { Client } from './clients';

/** A client as the index knows it: the ranking fields, the others empty. */
export type IndexedClient = Pick<
  Client,
  'row' | 'id' | 'lastContact' | 'nextDue' | 'value' | 'cadence' | 'doNotContact' | 'purchaseDate'
>;

export interface RankIndex {
  clients: Client[];
  /** Problems in the ranking columns. */
  problems: DataProblem[];
}

/**
 * Column by column: 50,000 clients are 7 arrays to stringify and parse, not 50,000 small ones
 * (about half the time, and far less garbage, bench/clients.ts). `f` names the format, so an index
 * cached by an older release reads as absent, never as wrong. Do Not Contact and purchase dates are
 * rare: only the positions that have them are kept.
 */
const FORMAT = 2;

interface Columns {
  f: typeof FORMAT;
  r: number[];
  i: string[];
  l: (string | null)[];
  n: (string | null)[];
  v: (number | null)[];
  c: string[];
  /** Positions of the Do Not Contact clients. */
  d: number[];
  /** Position and date of each client with a purchase date (absent when none, as before). */
  p: [number, string][];
  problems: DataProblem[];
}

export function encodeIndex(index: RankIndex): string {
  const n = index.clients.length;
  const data: Columns = {
    f: FORMAT,
    r: new Array<number>(n),
    i: new Array<string>(n),
    l: new Array<string | null>(n),
    n: new Array<string | null>(n),
    v: new Array<number | null>(n),
    c: new Array<string>(n),
    d: [],
    p: [],
    problems: index.problems,
  };
  for (let k = 0; k < n; k++) {
    const c = index.clients[k];
    data.r[k] = c.row;
    data.i[k] = c.id;
    data.l[k] = c.lastContact;
    data.n[k] = c.nextDue;
    data.v[k] = c.value;
    data.c[k] = c.cadence;
    if (c.doNotContact) data.d.push(k);
    if (c.purchaseDate) data.p.push([k, c.purchaseDate]);
  }
  return JSON.stringify(data);
}

/** The index, or null when the text is of another format (cached by an older release). */
export function decodeIndex(text: string): RankIndex | null {
  const data = JSON.parse(text) as Partial<Columns>;
  if (data.f !== FORMAT) return null;
  const { r, i, l, n, v, c, d, p, problems } = data as Columns;
  const clients: Client[] = new Array<Client>(r.length);
  for (let k = 0; k < r.length; k++)
    clients[k] = indexedClient(r[k], i[k], l[k], n[k], v[k], c[k], false);
  for (const k of d) clients[k].doNotContact = true;
  for (const [k, date] of p) clients[k].purchaseDate = date;
  return { clients, problems };
}

/** A Client with only the ranking fields known (one literal: 50,000 of them are made per load). */
export function indexedClient(
  row: number,
  id: string,
  lastContact: string | null,
  nextDue: string | null,
  value: number | null,
  cadence: string,
  doNotContact: boolean,
): Client {
  return {
    id,
    row,
    name: '',
    firstName: '',
    lastName: '',
    company: '',
    email: '',
    phone: '',
    lastContact,
    value,
    cadence,
    nextDue,
    status: '',
    touches: 0,
    lastChannel: '',
    doNotContact,
    notes: '',
    mergeStatus: '',
  };
}

/** True when a client read now has the ranking fields the index holds for its row. */
export function sameRanking(a: IndexedClient, b: IndexedClient): boolean {
  return (
    a.row === b.row &&
    a.id === b.id &&
    a.lastContact === b.lastContact &&
    a.nextDue === b.nextDue &&
    a.value === b.value &&
    a.cadence === b.cadence &&
    a.doNotContact === b.doNotContact &&
    (a.purchaseDate ?? null) === (b.purchaseDate ?? null)
  );
}

/**
 * Text cut into pieces of at most `size` UTF-16 units (3 bytes each at most in UTF-8, so 30,000
 * units fit a 100 KB cache value), never between the two halves of a surrogate pair.
 */
export function chunks(text: string, size = 30000): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length;) {
    let end = Math.min(text.length, i + size);
    const code = text.charCodeAt(end - 1);
    if (end < text.length && code >= 0xd800 && code <= 0xdbff) end -= 1;
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}
