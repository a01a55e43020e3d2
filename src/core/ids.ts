// Client and Touch IDs: which rows need a new Client ID (missing, or a copy carrying another client's ID: the original keeps it), with a notice naming the rows.
import type { Client } from './clients';

export interface IdPlan {
  /** Sheet row -> the new ID to write. */
  assign: Map<number, string>;
  notices: string[];
}

/** Who a client ID belongs to, when known (what the sidebar showed, or the name in the log). */
export interface IdOwner {
  name?: string;
  email?: string;
}

/**
 * A row with no ID gets one; when rows share an ID, the original keeps it and each copy gets a new
 * one. The original is the row that matches the ID's known owner (`owners`: name counts over
 * email); without a single best match, the first row keeps it and the notice says so. `newId`
 * must return a fresh ID each call; IDs already in use are never handed out twice.
 */
export function planIds(
  clients: readonly Client[],
  newId: () => string,
  owners: ReadonlyMap<string, IdOwner> = new Map(),
): IdPlan {
  const rowsOf = new Map<string, Client[]>();
  for (const client of clients) {
    if (client.id) rowsOf.set(client.id, [...(rowsOf.get(client.id) ?? []), client]);
  }
  const keeper = new Map<string, { row: number; byOwner: boolean }>();
  for (const [id, rows] of rowsOf) keeper.set(id, original(rows, owners.get(id)));
  const assign = new Map<number, string>();
  const duplicates: string[] = [];
  let missing = 0;
  const used = new Set(rowsOf.keys());
  const fresh = (): string => {
    for (;;) {
      const id = newId();
      if (!used.has(id)) {
        used.add(id);
        return id;
      }
    }
  };
  for (const client of clients) {
    if (!client.id) {
      assign.set(client.row, fresh());
      missing += 1;
      continue;
    }
    const keep = keeper.get(client.id)!;
    if (keep.row === client.row) continue;
    const id = fresh();
    const why = keep.byOwner
      ? ` (row ${keep.row} holds ${ownerWords(owners.get(client.id)!)})`
      : ' (neither row matched the client this ID was used for, so the first row kept it: check both rows)';
    duplicates.push(
      `row ${client.row} had the ID ${client.id} of row ${keep.row} and now has ${id}${why}`,
    );
    assign.set(client.row, id);
  }
  const notices: string[] = [];
  if (missing)
    notices.push(`Gave a Client ID to ${missing} new client${missing === 1 ? '' : 's'}.`);
  if (duplicates.length) {
    notices.push(`Copied rows got their own Client ID: ${duplicates.join('; ')}.`);
  }
  return { assign, notices };
}

const same = (a: string | undefined, b: string): boolean =>
  !!a && a.trim().toLowerCase() === b.trim().toLowerCase();

/** How well a row matches an owner: the name counts twice, the email once; 0 when nothing matches. */
export function ownerScore(
  client: Pick<Client, 'name' | 'email'>,
  owner: IdOwner | undefined,
): number {
  if (!owner) return 0;
  return (same(owner.name, client.name) ? 2 : 0) + (same(owner.email, client.email) ? 1 : 0);
}

/** True when a row holds someone other than `owner`: every known field of the owner differs. */
export function isSomeoneElse(client: Pick<Client, 'name' | 'email'>, owner: IdOwner): boolean {
  const known = [owner.name, owner.email].filter((v) => !!v && v.trim()).length;
  return known > 0 && ownerScore(client, owner) === 0;
}

function original(
  rows: readonly Client[],
  owner: IdOwner | undefined,
): { row: number; byOwner: boolean } {
  if (rows.length > 1 && owner) {
    const scores = rows.map((r) => ownerScore(r, owner));
    const best = Math.max(...scores);
    if (best > 0 && scores.filter((s) => s === best).length === 1) {
      return { row: rows[scores.indexOf(best)].row, byOwner: true };
    }
  }
  return { row: rows[0].row, byOwner: false };
}

function ownerWords(owner: IdOwner): string {
  return owner.name || owner.email || 'its client';
}

/** IDs held by more than one row (a copied row). */
export function sharedIds(clients: readonly Pick<Client, 'id'>[]): string[] {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const c of clients) {
    if (c.id && seen.has(c.id)) shared.add(c.id);
    seen.add(c.id);
  }
  return [...shared];
}

/** "T-" and ten base-36 characters from a UUID's first 48 bits: a Touch ID for the log. */
export function touchIdFromUuid(uuid: string): string {
  return 'T-' + base36(uuid);
}

/** "C-" and ten base-36 characters from a UUID's first 48 bits. */
export function clientIdFromUuid(uuid: string): string {
  return 'C-' + base36(uuid);
}

function base36(uuid: string): string {
  const hex = uuid.replace(/[^0-9a-f]/gi, '').slice(0, 12);
  return parseInt(hex || '0', 16)
    .toString(36)
    .toUpperCase()
    .padStart(10, '0');
}
