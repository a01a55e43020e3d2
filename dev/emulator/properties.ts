// Emulated PropertiesService: document, user and script stores of strings, with the documented size limits.
import { gasError, type Kernel } from './kernel';

export const PROPERTY_QUOTA =
  'You have exceeded the property storage quota. Please remove some properties and try again.';
/** "Properties value size: 9 KB / val" (quotas page). */
export const VALUE_LIMIT_BYTES = 9 * 1024;
/** "Properties total storage: 500 KB / property store" (quotas page); key + value bytes. */
export const STORE_LIMIT_BYTES = 500 * 1024;

export type StoreName = 'document' | 'user' | 'script';

export interface PropertiesControl {
  /** The stores themselves (persist across executions, as in Apps Script). */
  readonly stores: Record<StoreName, Map<string, string>>;
  get(store: StoreName, key: string): string | null;
  set(store: StoreName, key: string, value: string): void;
  all(store: StoreName): Record<string, string>;
  clear(store?: StoreName): void;
  /** Bytes used by a store (keys + values, UTF-8). */
  bytes(store: StoreName): number;
  /** Enforce the documented 9 KB per value (true) or only the 500 KB store total (observed, 2023). */
  enforceValueLimit: boolean;
  /** getDocumentProperties() returns null when the script is not bound to a document. */
  documentBound: boolean;
}

function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/**
 * `user` names whoever runs the script now (the emulator's Session): user properties are "a property
 * store that only the current user can access, and only within this script"
 * (https://developers.google.com/apps-script/reference/properties/properties-service#getUserProperties()),
 * so each user has their own store; without it every run is one user's.
 */
export function createProperties(kernel: Kernel, options: { user?: () => string } = {}) {
  const currentUser = options.user ?? (() => '');
  const userStores = new Map<string, Map<string, string>>();
  const userStore = (): Map<string, string> => {
    const who = currentUser();
    let store = userStores.get(who);
    if (!store) userStores.set(who, (store = new Map()));
    return store;
  };
  const stores = { document: new Map(), script: new Map() } as unknown as Record<
    StoreName,
    Map<string, string>
  >;
  // stores.user is the current user's store: reads and commits go to whoever runs now.
  Object.defineProperty(stores, 'user', {
    enumerable: true,
    get: userStore,
    set: (next: Map<string, string>) => void userStores.set(currentUser(), next),
  });

  const bytes = (store: StoreName, replace?: Map<string, string>): number => {
    let total = 0;
    for (const [k, v] of replace ?? stores[store]) total += byteLength(k) + byteLength(v);
    return total;
  };

  const control: PropertiesControl = {
    stores,
    get: (store, key) => stores[store].get(key) ?? null,
    set: (store, key, value) => void stores[store].set(key, String(value)),
    all: (store) => Object.fromEntries(stores[store]),
    clear(store) {
      for (const name of store ? [store] : (Object.keys(stores) as StoreName[]))
        stores[name].clear();
      if (!store) userStores.clear();
    },
    bytes: (store) => bytes(store),
    enforceValueLimit: true,
    documentBound: true,
  };

  // "Not available in AuthMode.NONE" (editor-auth-lifecycle table).
  // [unverified] the exact text of the AuthMode.NONE refusal: these calls need no scope to name.
  const ALLOWED = ['LIMITED', 'FULL', 'CUSTOM_FUNCTION'] as const;

  function commit(store: StoreName, next: Map<string, string>): void {
    if (control.enforceValueLimit) {
      for (const value of next.values()) {
        if (byteLength(value) > VALUE_LIMIT_BYTES) throw gasError(PROPERTY_QUOTA);
      }
    }
    if (bytes(store, next) > STORE_LIMIT_BYTES) throw gasError(PROPERTY_QUOTA);
    stores[store] = next;
  }

  function requireKey(key: unknown): string {
    if (key === undefined || key === null || String(key) === '') {
      throw gasError('Invalid argument: key');
    }
    return String(key);
  }

  function makeStore(name: StoreName): GoogleAppsScript.Properties.Properties {
    const self: GoogleAppsScript.Properties.Properties = kernel.wrap(
      'PropertiesService',
      'Properties',
      {
        getProperty(key: string) {
          return stores[name].get(String(key)) ?? null;
        },
        setProperty(key: string, value: unknown) {
          const next = new Map(stores[name]);
          next.set(requireKey(key), String(value));
          commit(name, next);
          return self;
        },
        setProperties(properties: Record<string, unknown>, deleteAllOthers?: boolean) {
          const next = deleteAllOthers ? new Map<string, string>() : new Map(stores[name]);
          for (const [key, value] of Object.entries(properties)) next.set(key, String(value));
          commit(name, next);
          return self;
        },
        getProperties() {
          return Object.fromEntries(stores[name]);
        },
        getKeys() {
          return [...stores[name].keys()];
        },
        deleteProperty(key: string) {
          stores[name].delete(String(key));
          return self;
        },
        deleteAllProperties() {
          stores[name].clear();
          return self;
        },
      },
    );
    return self;
  }

  const PropertiesService = kernel.wrap<GoogleAppsScript.Properties.PropertiesService>(
    'PropertiesService',
    'PropertiesService',
    {
      getDocumentProperties() {
        kernel.requireAuth('PropertiesService.getDocumentProperties', [...ALLOWED]);
        // Null outside a document's context: unbound scripts, and maybe a time-driven run (kernel.context).
        return control.documentBound && kernel.context.document ? makeStore('document') : null;
      },
      getUserProperties() {
        kernel.requireAuth('PropertiesService.getUserProperties', [...ALLOWED]);
        return makeStore('user');
      },
      getScriptProperties() {
        kernel.requireAuth('PropertiesService.getScriptProperties', [...ALLOWED]);
        return makeStore('script');
      },
    },
  );
  return { PropertiesService, control };
}
