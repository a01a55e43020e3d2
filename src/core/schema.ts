// Checking a global's argument at the boundary: small composable checks that answer a wrong type with a sentence a person can act on.

/** A bad argument, in words; thrown before anything is written. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** Checks `value` (found at `path`, e.g. "input.notes") and returns it typed, or throws InputError. */
export type Check<T> = (value: unknown, path: string) => T;

/** A value in words, for messages: 'the text "7"', 'the number 5', 'a list', 'nothing (null)'. */
export function describeValue(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (value === undefined) return 'nothing (left out)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string')
    return `the text "${value.length > 40 ? value.slice(0, 40) + '...' : value}"`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  return `a ${typeof value}`;
}

function fail(path: string, expected: string, value: unknown): never {
  throw new InputError(`${path} should be ${expected}, not ${describeValue(value)}.`);
}

export interface TextOptions {
  /** Longest accepted length, in characters (a Sheets cell holds at most 50,000). */
  max?: number;
  /** Refuse "" (after trimming). */
  nonEmpty?: boolean;
  /** Accepted values (compared exactly). */
  oneOf?: readonly string[];
}

export function text(options: TextOptions = {}): Check<string> {
  return (value, path) => {
    if (typeof value !== 'string') fail(path, 'text', value);
    if (options.nonEmpty && !value.trim()) throw new InputError(`${path} is empty.`);
    if (options.max !== undefined && value.length > options.max) {
      throw new InputError(
        `${path} is ${value.length.toLocaleString('en-US')} characters long; the most is ${options.max.toLocaleString('en-US')}.`,
      );
    }
    if (options.oneOf && !options.oneOf.includes(value)) {
      throw new InputError(`${path} should be one of ${options.oneOf.join(', ')}, not "${value}".`);
    }
    return value;
  };
}

export interface NumberOptions {
  min?: number;
  max?: number;
  integer?: boolean;
}

export function num(options: NumberOptions = {}): Check<number> {
  return (value, path) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, 'a number', value);
    if (options.integer && !Number.isInteger(value)) fail(path, 'a whole number', value);
    if (options.min !== undefined && value < options.min)
      throw new InputError(`${path} should be at least ${options.min}, not ${value}.`);
    if (options.max !== undefined && value > options.max)
      throw new InputError(`${path} should be at most ${options.max}, not ${value}.`);
    return value;
  };
}

export const bool: Check<boolean> = (value, path) => {
  if (typeof value !== 'boolean') fail(path, 'true or false', value);
  return value;
};

/** A literal out of a fixed set (strings or numbers). */
export function oneOf<T extends string | number>(values: readonly T[]): Check<T> {
  return (value, path) => {
    if (!(values as readonly unknown[]).includes(value)) {
      throw new InputError(
        `${path} should be one of ${values.join(', ')}, not ${describeValue(value)}.`,
      );
    }
    return value as T;
  };
}

export function list<T>(item: Check<T>, options: { max?: number } = {}): Check<T[]> {
  return (value, path) => {
    if (!Array.isArray(value)) fail(path, 'a list', value);
    if (options.max !== undefined && value.length > options.max)
      throw new InputError(`${path} has ${value.length} items; the most is ${options.max}.`);
    return value.map((v, i) => item(v, `${path}[${i}]`));
  };
}

/** Accepts undefined (the field was left out); null is refused unless `nullable` wraps it. */
export function optional<T>(check: Check<T>): Check<T | undefined> {
  return (value, path) => (value === undefined ? undefined : check(value, path));
}

export function nullable<T>(check: Check<T>): Check<T | null> {
  return (value, path) => (value === null ? null : check(value, path));
}

type Shape = Record<string, Check<unknown>>;
type Out<S extends Shape> = { [K in keyof S]: ReturnType<S[K]> };

/**
 * A plain object with known fields. Unknown fields are refused by default (a misspelt field is
 * a mistake worth naming); `allowExtra` keeps them out of the result instead. Keys are read
 * with own-property checks, so "__proto__" or "constructor" never pass as fields.
 */
export function object<S extends Shape>(
  shape: S,
  options: { allowExtra?: boolean } = {},
): Check<Out<S>> {
  return (value, path) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      fail(path, 'an object', value);
    const given = value as Record<string, unknown>;
    if (!options.allowExtra) {
      for (const key of Object.keys(given)) {
        if (!Object.prototype.hasOwnProperty.call(shape, key))
          throw new InputError(
            `${path} has an unknown field "${key}" (fields: ${Object.keys(shape).join(', ')}).`,
          );
      }
    }
    const out = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(shape)) {
      const own = Object.prototype.hasOwnProperty.call(given, key) ? given[key] : undefined;
      const checked = shape[key](own, `${path}.${key}`);
      if (checked !== undefined) out[key] = checked;
    }
    return { ...out } as Out<S>;
  };
}

/**
 * One of several object shapes told apart by a literal field (`kind`): an unknown kind is refused
 * with the list of known ones, then the chosen shape checks the rest.
 */
export function variant<K extends string, V extends Record<string, Check<unknown>>>(
  key: K,
  shapes: V,
): Check<{ [T in keyof V]: ReturnType<V[T]> }[keyof V]> {
  const kinds = Object.keys(shapes);
  return (value, path) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      fail(path, 'an object', value);
    const given = value as Record<string, unknown>;
    const tag = Object.prototype.hasOwnProperty.call(given, key) ? given[key] : undefined;
    if (typeof tag !== 'string' || !Object.prototype.hasOwnProperty.call(shapes, tag))
      throw new InputError(
        `${path}.${key} should be one of ${kinds.join(', ')}, not ${describeValue(tag)}.`,
      );
    return shapes[tag](value, path) as { [T in keyof V]: ReturnType<V[T]> }[keyof V];
  };
}

/** The earliest year a date argument may have: older dates are typing mistakes (1000-01-01). */
export const MIN_YEAR = 1900;

export interface DateOptions {
  /** Latest accepted date, yyyy-MM-dd (today, for a touch); else the end of the year 2100. */
  notAfter?: string;
}

/** A calendar date as yyyy-MM-dd that exists (no 2025-02-30), from the year 1900 on. */
export function civilDate(options: DateOptions = {}): Check<string> {
  return (value, path) => {
    if (typeof value !== 'string') fail(path, 'a date as yyyy-MM-dd', value);
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    const [y, mo, d] = m ? [+m[1], +m[2], +m[3]] : [0, 0, 0];
    const real = new Date(Date.UTC(y, mo - 1, d));
    if (
      !m ||
      real.getUTCFullYear() !== y ||
      real.getUTCMonth() !== mo - 1 ||
      real.getUTCDate() !== d
    )
      fail(path, 'a date as yyyy-MM-dd', value);
    if (y < MIN_YEAR)
      throw new InputError(`${path} is ${value}; dates before ${MIN_YEAR} are not accepted.`);
    const latest = options.notAfter ?? '2100-12-31';
    if (value > latest)
      throw new InputError(`${path} is ${value}, after ${latest}; give a date up to ${latest}.`);
    return value;
  };
}

/** Runs a check on a global's argument; `name` is how the message calls it ("The touch"). */
export function checkInput<T>(check: Check<T>, value: unknown, name: string): T {
  return check(value, name);
}
