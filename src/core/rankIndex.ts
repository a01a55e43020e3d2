// What the call list keeps between executions: each client's ranking cells, as compact text that round-trips exactly.
import type { DataProblem } from '../shared/api';
import type { Client } from './clients';

/** A client as the index knows it: the ranking fields, the others empty. */
export type IndexedClient = Pick<
  Client,
  'row' | 'id' | 'lastContact' | 'nextDue' | 'value' | 'cadence' | 'doNotContact'
>;

export interface RankIndex {
  clients: Client[];
  /** Problems in the ranking columns. */
  problems: DataProblem[];
}

type Line = [number, string, string | null, string | null, number | null, string, 0 | 1];

export function encodeIndex(index: RankIndex): string {
  const lines: Line[] = index.clients.map((c) => [
    c.row,
    c.id,
    c.lastContact,
    c.nextDue,
    c.value,
    c.cadence,
    c.doNotContact ? 1 : 0,
  ]);
  return JSON.stringify({ c: lines, p: index.problems });
}

export function decodeIndex(text: string): RankIndex {
  const data = JSON.parse(text) as { c: Line[]; p: DataProblem[] };
  const clients: Client[] = new Array(data.c.length);
  for (let i = 0; i < data.c.length; i++) {
    const [row, id, lastContact, nextDue, value, cadence, dnc] = data.c[i];
    clients[i] = indexedClient(row, id, lastContact, nextDue, value, cadence, dnc === 1);
  }
  return { clients, problems: data.p };
}

/** A Client with only the ranking fields known (one literal: 50,000 of them are made per load). */
function indexedClient(
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
    a.doNotContact === b.doNotContact
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
