// Who a merge is for: the selected rows, the top N of the call list, a recency group, or an exact list of clients.
import type { Bucket } from '../../shared/api';
import { MAX_BATCH, type RecipientSpec } from '../../shared/mergeApi';
import type { Client } from '../clients';

export interface Candidates {
  /** In the order they are served. */
  clients: Client[];
  /** For "top N" kinds: stop once this many can get the template (skips do not count). */
  limit?: number;
  notices: string[];
}

export interface SelectContext {
  /** The call list's priority order (due first, round-robin over recency groups, by value). */
  rank: (clients: readonly Client[]) => Client[];
  bucketOf: (client: Client) => Bucket;
  /** Sheet rows selected by the user (for kind 'selected'). */
  selectedRows?: readonly number[];
}

export function selectCandidates(
  spec: RecipientSpec,
  clients: readonly Client[],
  ctx: SelectContext,
): Candidates {
  const count = (n: number) => Math.max(1, Math.min(MAX_BATCH, Math.floor(Number(n) || 0)));
  switch (spec.kind) {
    case 'top':
      return { clients: ctx.rank(clients), limit: count(spec.count), notices: [] };
    case 'bucket': {
      const ranked = ctx.rank(clients).filter((c) => ctx.bucketOf(c) === spec.bucket);
      return { clients: ranked, limit: count(spec.count), notices: [] };
    }
    case 'selected': {
      const rows = new Set(ctx.selectedRows ?? []);
      const picked = clients.filter((c) => rows.has(c.row));
      if (picked.length === 0) {
        throw new Error(
          'No client rows are selected. Select the rows of the clients to email in the client sheet, then preview again.',
        );
      }
      return capped(picked);
    }
    case 'clients': {
      const byId = new Map(clients.filter((c) => c.id).map((c) => [c.id, c] as const));
      const picked: Client[] = [];
      let missing = 0;
      for (const id of new Set([...spec.ids, ...(spec.skipped ?? [])])) {
        const client = byId.get(id);
        if (client) picked.push(client);
        else missing += 1;
      }
      const result = capped(picked);
      if (missing > 0) {
        result.notices.push(
          `${missing} of the clients previewed ${missing === 1 ? 'is' : 'are'} no longer in the client sheet (row deleted or Client ID changed).`,
        );
      }
      return result;
    }
  }
}

function capped(clients: Client[]): Candidates {
  if (clients.length <= MAX_BATCH) return { clients, notices: [] };
  return {
    clients: clients.slice(0, MAX_BATCH),
    notices: [
      `Only the first ${MAX_BATCH} of ${clients.length} clients are in this batch; run it again for the rest.`,
    ],
  };
}
