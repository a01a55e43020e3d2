// Pins the emulated CacheService to its reference page: 250-character keys, 100 KB values, 600 s default and 6 h maximum expiry, the 1,000-item cap.
// https://developers.google.com/apps-script/reference/cache/cache
import { createEmulator } from '../../dev/emulator';

function setup() {
  const emu = createEmulator();
  const CacheService = emu.globals.CacheService as GoogleAppsScript.Cache.CacheService;
  emu.kernel.beginExecution('FULL');
  return { emu, CacheService };
}

test('put and get strings; a missing key is null; getAll returns only the keys present', () => {
  const { CacheService } = setup();
  const cache = CacheService.getDocumentCache()!;
  cache.put('a', '1');
  cache.putAll({ b: '2', c: '3' });
  expect(cache.get('a')).toBe('1');
  expect(cache.get('zz')).toBeNull();
  expect(cache.getAll(['a', 'c', 'zz'])).toEqual({ a: '1', c: '3' });
  cache.remove('a');
  expect(cache.get('a')).toBeNull();
});

test('items expire after 600 s by default, or after the seconds given, at most 21,600', () => {
  const { emu, CacheService } = setup();
  const cache = CacheService.getScriptCache();
  cache.put('short', 'x');
  cache.put('long', 'y', 21600);
  emu.clock.advance(599_000);
  expect(cache.get('short')).toBe('x');
  emu.clock.advance(2_000);
  expect(cache.get('short')).toBeNull();
  expect(cache.get('long')).toBe('y');
  expect(() => cache.put('k', 'v', 21601)).toThrow(/expirationInSeconds/);
});

test('a key over 250 characters and a value over 100 KB are refused', () => {
  const { CacheService } = setup();
  const cache = CacheService.getUserCache();
  expect(() => cache.put('k'.repeat(251), 'v')).toThrow(/too large: key/);
  cache.put('k'.repeat(250), 'v');
  expect(() => cache.put('big', 'é'.repeat(51 * 1024))).toThrow(/too large: value/);
  cache.put('fits', 'x'.repeat(100 * 1024));
});

test('over 1,000 items the cache keeps the 900 farthest from expiry', () => {
  const { emu, CacheService } = setup();
  const cache = CacheService.getDocumentCache()!;
  for (let i = 0; i < 1001; i++) cache.put(`k${i}`, 'v', 60 + i);
  expect(emu.cache.keys('document')).toHaveLength(900);
  expect(cache.get('k0')).toBeNull();
  expect(cache.get('k1000')).toBe('v');
});

test('the caches are separate, and the document cache is null outside a document', () => {
  const { emu, CacheService } = setup();
  CacheService.getUserCache().put('k', 'user');
  expect(CacheService.getScriptCache().get('k')).toBeNull();
  emu.cache.documentBound = false;
  expect(CacheService.getDocumentCache()).toBeNull();
});
