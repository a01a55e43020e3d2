// Client IDs: which rows need a new one (missing, or a copied row carrying another client's ID), with a notice naming the rows.
import type { Client } from './clients';

export interface IdPlan {
  /** Sheet row -> the new ID to write. */
  assign: Map<number, string>;
  notices: string[];
}

/**
 * The first row holding an ID keeps it; a later row with the same ID is a copy and gets a new one.
 * `newId` must return a fresh ID each call; IDs already in use are never handed out twice.
 */
export function planIds(clients: readonly Client[], newId: () => string): IdPlan {
  const seen = new Map<string, number>();
  const assign = new Map<number, string>();
  const duplicates: string[] = [];
  let missing = 0;
  for (const client of clients) {
    if (client.id && !seen.has(client.id)) seen.set(client.id, client.row);
  }
  const used = new Set(seen.keys());
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
    } else if (seen.get(client.id) !== client.row) {
      const id = fresh();
      duplicates.push(
        `row ${client.row} had the ID ${client.id} of row ${seen.get(client.id)} and now has ${id}`,
      );
      assign.set(client.row, id);
    }
  }
  const notices: string[] = [];
  if (missing)
    notices.push(`Gave a Client ID to ${missing} new client${missing === 1 ? '' : 's'}.`);
  if (duplicates.length) {
    notices.push(`Copied rows got their own Client ID: ${duplicates.join('; ')}.`);
  }
  return { assign, notices };
}

/** "C-" and ten base-36 characters from a UUID's first 48 bits. */
export function clientIdFromUuid(uuid: string): string {
  const hex = uuid.replace(/[^0-9a-f]/gi, '').slice(0, 12);
  return (
    'C-' +
    parseInt(hex || '0', 16)
      .toString(36)
      .toUpperCase()
      .padStart(10, '0')
  );
}
