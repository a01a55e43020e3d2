// Gmail search queries built for many clients at once: one query covers as many addresses as fit in Gmail's query length.

/**
 * Gmail filters refuse criteria past about 1,500 characters (bcleary/outlook-gmail-rules-export#7);
 * queries stay well under.
 */
export const QUERY_MAX_CHARS = 1000;

/**
 * `${prefix}(a OR b OR ...)${suffix}` for every address, in as few queries as fit. An address that
 * holds a character Gmail's query language reads as syntax is quoted.
 */
export function batchedQueries(
  prefix: string,
  addresses: readonly string[],
  suffix: string,
  max = QUERY_MAX_CHARS,
): string[] {
  const out: string[] = [];
  let batch: string[] = [];
  const build = (list: string[]) => `${prefix}(${list.join(' OR ')})${suffix}`;
  for (const raw of [...new Set(addresses.map((a) => a.trim().toLowerCase()).filter(Boolean))]) {
    const address = /[\s(){}"]/.test(raw) ? `"${raw.replace(/"/g, '')}"` : raw;
    if (batch.length && build([...batch, address]).length > max) {
      out.push(build(batch));
      batch = [];
    }
    batch.push(address);
  }
  if (batch.length) out.push(build(batch));
  return out;
}

/** Epoch seconds for `after:`: dates would be read as midnight PST (Gmail API filtering guide). */
export function afterSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}
