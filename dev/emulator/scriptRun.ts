// The google.script.run value rules: what a sidebar may send to the server, and what its success handler receives.

/**
 * "Legal parameters and return values are JavaScript primitives like a Number, Boolean, String, or null,
 * as well as JavaScript objects and arrays that are composed of primitives, objects and arrays...
 * Requests fail if you attempt to pass a Date, Function, DOM element besides a form, or other prohibited
 * type, including prohibited types inside objects or arrays. Objects that create circular references will
 * also fail, and undefined fields within arrays become null." (guides/html/communication)
 */

const tag = (v: unknown) => Object.prototype.toString.call(v);

function isDomNode(value: object): boolean {
  const v = value as { nodeType?: unknown; nodeName?: unknown };
  return typeof v.nodeType === 'number' && typeof v.nodeName === 'string';
}

function isForm(value: object): boolean {
  return (
    isDomNode(value) && String((value as { nodeName: string }).nodeName).toUpperCase() === 'FORM'
  );
}

/** Why a value may not cross, with the path where it sits, or null when it may. */
function illegal(value: unknown, path: string, seen: Set<object>): string | null {
  if (value === null || value === undefined) return null;
  const type = typeof value;
  if (type === 'string' || type === 'boolean') return null;
  if (type === 'number') return null;
  if (type === 'function') return `a function at ${path}`;
  if (type === 'bigint' || type === 'symbol') return `a ${type} at ${path}`;
  const obj = value as object;
  if (tag(obj) === '[object Date]') return `a Date at ${path}`;
  if (isDomNode(obj)) return `a DOM node at ${path}`;
  if (seen.has(obj)) return `a circular reference at ${path}`;
  const t = tag(obj);
  if (t !== '[object Object]' && t !== '[object Array]') return `a ${t.slice(8, -1)} at ${path}`;
  seen.add(obj);
  for (const [key, child] of Object.entries(obj)) {
    const why = illegal(child, `${path}.${key}`, seen);
    if (why) return why;
  }
  seen.delete(obj);
  return null;
}

/** A JSON-like copy: undefined inside arrays becomes null, undefined object fields are dropped. */
function copy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) return null;
    return value;
  }
  if (Array.isArray(value))
    return value.map((v) => (v === undefined || typeof v === 'function' ? null : copy(v)));
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (child === undefined || typeof child === 'function') continue;
    out[key] = copy(child);
  }
  return out;
}

/**
 * The arguments as the server receives them: deep copies. Throws like the client does (before any
 * request is made) for a Date, function, DOM node (a form is allowed only as the sole argument) or a
 * circular reference anywhere inside.
 */
export function toServer(args: unknown[]): unknown[] {
  if (args.length === 1 && typeof args[0] === 'object' && args[0] !== null && isForm(args[0])) {
    throw new Error(
      'google.script.run emulator: form submission is not emulated (the add-on sends plain objects)',
    );
  }
  args.forEach((arg, i) => {
    const why = illegal(arg, `argument ${i}`, new Set());
    if (why) throw new Error(`Failed due to illegal value in property: ${i} (${why})`);
  });
  return args.map(copy);
}

function containsDate(value: unknown, seen: Set<object>): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (tag(value) === '[object Date]') return true;
  if (seen.has(value)) return false;
  seen.add(value);
  return Object.values(value).some((v) => containsDate(v, seen));
}

/**
 * What the success handler receives for a server return value: a Date anywhere makes the whole value
 * null (Range.getValues note; enuchi/React-Google-Apps-Script#28); otherwise a JSON-like copy with
 * undefined in arrays as null and undefined fields dropped. A bare undefined stays undefined.
 */
export function toClient(value: unknown): unknown {
  if (value === undefined) return undefined;
  if (typeof value === 'function') return null;
  if (containsDate(value, new Set())) return null;
  const why = illegal(value, 'return value', new Set());
  if (why && why.includes('circular'))
    throw new Error(`google.script.run: the server returned ${why}`);
  return copy(value);
}

/**
 * "google.script.run allows 10 concurrent calls. If you make an 11th call while 10 are still
 * running, the server function will be delayed until one of the 10 spots is freed."
 * (developers.google.com/apps-script/guides/html/reference/run; Firefox allows 6 in practice.)
 * Each call is its own server execution.
 */
export const CONCURRENT_CALLS = 10;

/**
 * The wait for calls made at once from a sidebar, each taking `ms` on the server: at most
 * `concurrent` run together, each next one starting when a running one ends (the cost model's
 * modelled milliseconds add up per execution; this is how executions side by side add up).
 */
export function waitForCallsAtOnce(ms: readonly number[], concurrent = CONCURRENT_CALLS): number {
  const ends: number[] = [];
  for (const d of ms) {
    if (ends.length < concurrent) ends.push(d);
    else {
      ends.sort((a, b) => a - b);
      ends.push(ends.shift()! + d);
    }
  }
  return ends.length ? Math.max(...ends) : 0;
}
