// Emulated CacheService: document, user and script caches of strings with the documented key, value, expiry and item limits, on the kernel's clock.
import { gasError, type Kernel } from './kernel';

// https://developers.google.com/apps-script/reference/cache/cache (put, putAll):
/** "The maximum length of a key is 250 characters." */
export const MAX_KEY_CHARS = 250;
/** "The maximum amount of data that can be stored per key is 100KB." */
export const MAX_VALUE_BYTES = 100 * 1024;
/** "The default expiration time is 600 seconds (10 minutes)." */
export const DEFAULT_EXPIRATION_S = 600;
/** "The maximum expiration time allowed is 21600 seconds (6 hours)." */
export const MAX_EXPIRATION_S = 21600;
/**
 * "The cap for cached items is 1,000. If more than 1,000 items are written, the cache stores the
 * 900 items farthest from expiration. This limit might change."
 */
export const MAX_ITEMS = 1000;
export const KEPT_ITEMS = 900;

export type CacheName = 'document' | 'user' | 'script';

export interface CacheControl {
  /** Every cache forgets everything (as if expired): a cold start. */
  clear(cache?: CacheName): void;
  /** Keys present (not expired) in a cache. */
  keys(cache: CacheName): string[];
  /** getDocumentCache() returns null when the script is not bound to a document. */
  documentBound: boolean;
}

interface Item {
  value: string;
  expiresAt: number;
}

function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

export function createCache(kernel: Kernel) {
  const caches: Record<CacheName, Map<string, Item>> = {
    document: new Map(),
    user: new Map(),
    script: new Map(),
  };
  const live = (name: CacheName): Map<string, Item> => {
    const now = kernel.clock.nowMs();
    const cache = caches[name];
    for (const [k, item] of cache) if (item.expiresAt <= now) cache.delete(k);
    return cache;
  };
  const control: CacheControl = {
    clear(name) {
      for (const n of name ? [name] : (Object.keys(caches) as CacheName[])) caches[n].clear();
    },
    keys: (name) => [...live(name).keys()],
    documentBound: true,
  };

  // [unverified] the exact texts of the refusals below; Apps Script answers an oversized argument
  // with "Argument too large: <name>".
  function checkKey(key: unknown): string {
    const k = String(key);
    if (key === null || key === undefined || k === '') throw gasError('Invalid argument: key');
    if (k.length > MAX_KEY_CHARS) throw gasError('Argument too large: key');
    return k;
  }
  function expiry(seconds: unknown): number {
    const s = seconds === undefined ? DEFAULT_EXPIRATION_S : Number(seconds);
    if (!(s >= 1) || s > MAX_EXPIRATION_S) throw gasError('Invalid argument: expirationInSeconds');
    return kernel.clock.nowMs() + s * 1000;
  }
  function store(name: CacheName, key: unknown, value: unknown, expiresAt: number): void {
    const v = String(value);
    if (byteLength(v) > MAX_VALUE_BYTES) throw gasError('Argument too large: value');
    const cache = live(name);
    cache.set(checkKey(key), { value: v, expiresAt });
    if (cache.size > MAX_ITEMS) {
      const kept = [...cache].sort((a, b) => b[1].expiresAt - a[1].expiresAt).slice(0, KEPT_ITEMS);
      caches[name] = new Map(kept);
    }
  }

  function makeCache(name: CacheName): GoogleAppsScript.Cache.Cache {
    return kernel.wrap('CacheService', 'Cache', {
      get: (key: string) => live(name).get(checkKey(key))?.value ?? null,
      getAll(keys: string[]) {
        const cache = live(name);
        const out: Record<string, string> = {};
        for (const key of keys) {
          const item = cache.get(checkKey(key));
          if (item) out[key] = item.value;
        }
        return out;
      },
      put(key: string, value: string, seconds?: number) {
        store(name, key, value, expiry(seconds));
      },
      putAll(values: Record<string, string>, seconds?: number) {
        const at = expiry(seconds);
        for (const [key, value] of Object.entries(values)) store(name, key, value, at);
      },
      remove(key: string) {
        live(name).delete(checkKey(key));
      },
      removeAll(keys: string[]) {
        for (const key of keys) live(name).delete(checkKey(key));
      },
    });
  }

  // CacheService needs no authorization scope; the document cache is null outside a document.
  const CacheService = kernel.wrap<GoogleAppsScript.Cache.CacheService>(
    'CacheService',
    'CacheService',
    {
      getDocumentCache: () => (control.documentBound ? makeCache('document') : null),
      getUserCache: () => makeCache('user'),
      getScriptCache: () => makeCache('script'),
    },
  );
  return { CacheService, control };
}
