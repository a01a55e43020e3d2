// The emulator's kernel: the clock, the execution (auth mode, kill state), call counts per method, modelled cost, fault injection, and the proxy that makes unimplemented methods fail loudly.
import { CostMeter, cellsMoved } from './cost';

export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL' | 'CUSTOM_FUNCTION';

/** Apps Script throws Error objects named "Exception" (rendered as "Exception: <message>"). */
export function gasError(message: string): Error {
  const error = new Error(message);
  error.name = 'Exception';
  return error;
}

/** Thrown for a method Apps Script has but this emulator does not implement. */
export class NotEmulatedError extends Error {
  constructor(member: string) {
    super(`Apps Script emulator: ${member} is not implemented in dev/emulator`);
    this.name = 'NotEmulatedError';
  }
}

export interface Fault {
  /** The fault fires on the k-th service call (1-based) of the current execution... */
  atCall?: number;
  /** ...or on the n-th call (1-based, default 1) of this method, e.g. "MailApp.sendEmail". */
  method?: string;
  nth?: number;
  message: string;
  /**
   * A kill models the 6-minute limit: user code cannot catch it, so once it fires every further
   * service call of this execution throws it again.
   */
  kill?: boolean;
}

export const EXCEEDED_TIME = 'Exceeded maximum execution time';

/**
 * Where an execution runs. A time-driven trigger has no user interface (SpreadsheetApp.getUi()
 * throws), and may or may not have the document's context: whether an add-on's timed run does is not
 * documented, so tests run both ways (document lock and properties null, no active spreadsheet).
 */
export interface ExecutionContext {
  trigger: boolean;
  document: boolean;
}

/** Another execution run at a given service call of the current one, as Apps Script runs them in parallel. */
export interface Interleave {
  atCall?: number;
  method?: string;
  nth?: number;
  run: () => void;
}

interface SavedExecution {
  authMode: AuthModeName;
  context: ExecutionContext;
  calls: number;
  methodCalls: Map<string, number>;
  killedWith: Error | null;
}

/** The controllable clock: "now" is whatever a test says; Utilities.sleep advances it. */
export class Clock {
  private ms: number;
  constructor(start: Date | string = '2026-11-25T15:00:00Z') {
    this.ms = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.ms);
  }
  nowMs(): number {
    return this.ms;
  }
  set(when: Date | string): void {
    this.ms = new Date(when).getTime();
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

export class Kernel {
  readonly clock: Clock;
  /** Calls per "Class.method" since the last reset, e.g. "Range.getValues". */
  readonly calls = new Map<string, number>();
  /** Calls per service family since the last reset, e.g. "SpreadsheetApp", "GmailApp". */
  readonly serviceCalls = new Map<string, number>();
  /** Modelled Apps Script time and cells read and written since the last reset (dev/emulator/cost.ts). */
  readonly cost = new CostMeter();
  authMode: AuthModeName = 'FULL';
  /** Scopes granted (the manifest's oauthScopes); null means do not check. */
  scopes: string[] | null = null;
  private faults: Fault[] = [];
  private callsThisExecution = 0;
  private methodCallsThisExecution = new Map<string, number>();
  private killedWith: Error | null = null;
  private endHooks: Array<() => void> = [];
  private interleaves: Interleave[] = [];
  /** The current execution's context (a sidebar call by default). */
  context: ExecutionContext = { trigger: false, document: true };
  /** The context the next execution starts in (set by a trigger firing), then back to the default. */
  nextContext: ExecutionContext | null = null;

  constructor(clock: Clock = new Clock()) {
    this.clock = clock;
  }

  /** Starts a new simulated execution (menu click, google.script.run call, trigger run). */
  beginExecution(authMode: AuthModeName = 'FULL'): void {
    this.authMode = authMode;
    this.context = this.nextContext ?? { trigger: false, document: true };
    this.nextContext = null;
    this.cost.beginExecution();
    this.callsThisExecution = 0;
    this.methodCallsThisExecution.clear();
    this.killedWith = null;
  }

  /** Ends the execution: locks are released, as Apps Script does when a script ends. */
  endExecution(): void {
    for (const hook of this.endHooks) hook();
    this.killedWith = null;
  }

  onExecutionEnd(hook: () => void): void {
    this.endHooks.push(hook);
  }

  /** Runs `run` (another execution) just before the given call of the current execution proceeds. */
  interleave(at: Interleave): void {
    this.interleaves.push(at);
  }

  clearInterleaves(): void {
    this.interleaves = [];
  }

  /** Saves the current execution's state; the returned function puts it back (after a nested execution). */
  saveExecution(): () => void {
    const saved: SavedExecution = {
      authMode: this.authMode,
      context: this.context,
      calls: this.callsThisExecution,
      methodCalls: new Map(this.methodCallsThisExecution),
      killedWith: this.killedWith,
    };
    return () => {
      this.authMode = saved.authMode;
      this.context = saved.context;
      this.callsThisExecution = saved.calls;
      this.methodCallsThisExecution = saved.methodCalls;
      this.killedWith = saved.killedWith;
    };
  }

  injectFault(fault: Fault): void {
    this.faults.push(fault);
  }

  clearFaults(): void {
    this.faults = [];
  }

  /** True once a kill fault has fired in this execution. */
  get killed(): boolean {
    return this.killedWith !== null;
  }

  resetCounts(): void {
    this.calls.clear();
    this.serviceCalls.clear();
    this.cost.reset();
  }

  /** Modelled Apps Script milliseconds since the last reset. */
  get modelledMs(): number {
    return this.cost.ms;
  }

  get cellsRead(): number {
    return this.cost.cellsRead;
  }

  get cellsWritten(): number {
    return this.cost.cellsWritten;
  }

  /** Total calls, or calls of one service family ("SpreadsheetApp") or one method ("Range.getValues"). */
  count(key?: string): number {
    if (!key) return [...this.serviceCalls.values()].reduce((a, b) => a + b, 0);
    return this.calls.get(key) ?? this.serviceCalls.get(key) ?? 0;
  }

  /** Counts as a plain object, sorted by name, for benchmarks. */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.calls.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** Every emulated method calls this first: counts it, then fires any fault due. */
  record(service: string, key: string): void {
    if (this.killedWith) throw this.killedWith;
    this.calls.set(key, (this.calls.get(key) ?? 0) + 1);
    this.serviceCalls.set(service, (this.serviceCalls.get(service) ?? 0) + 1);
    this.cost.call(service, key);
    this.callsThisExecution += 1;
    const nthOfMethod = (this.methodCallsThisExecution.get(key) ?? 0) + 1;
    this.methodCallsThisExecution.set(key, nthOfMethod);
    const other = this.interleaves.find(
      (f) =>
        (f.atCall !== undefined && f.atCall === this.callsThisExecution) ||
        (f.method !== undefined && f.method === key && (f.nth ?? 1) === nthOfMethod),
    );
    if (other) {
      this.interleaves = this.interleaves.filter((f) => f !== other);
      other.run();
    }
    const due = this.faults.find(
      (f) =>
        (f.atCall !== undefined && f.atCall === this.callsThisExecution) ||
        (f.method !== undefined && f.method === key && (f.nth ?? 1) === nthOfMethod),
    );
    if (!due) return;
    this.faults = this.faults.filter((f) => f !== due);
    const error = gasError(due.message);
    if (due.kill) this.killedWith = error;
    throw error;
  }

  /**
   * Throws unless the current auth mode allows a call that needs document/user data. The text is
   * what Apps Script says when the running authorization lacks the call's scope (e.g. a simple
   * trigger, or onOpen in AuthMode.NONE); `scopes` are the scopes that would allow the call.
   */
  requireAuth(member: string, allowed: AuthModeName[], scopes: string[] = []): void {
    if (!allowed.includes(this.authMode)) {
      const required = scopes.length ? ` Required permissions: ${scopeList(scopes)}.` : '';
      throw gasError(
        `You do not have permission to call ${member}.${required}` +
          (scopes.length ? ` For more information, see ${AUTH_HELP}` : ''),
      );
    }
  }

  /** Throws the error for a manifest whose explicit oauthScopes lack every scope that would allow the call. */
  requireScope(member: string, anyOf: string[]): void {
    if (!this.scopes) return;
    if (anyOf.some((s) => this.scopes!.includes(s))) return;
    throw gasError(
      `Specified permissions are not sufficient to call ${member}. Required permissions: ${scopeList(anyOf)}`,
    );
  }

  /**
   * Wraps an implementation object so that each method call is counted (and may fault), and any
   * member the implementation lacks fails loudly with its name instead of returning undefined.
   */
  wrap<T extends object>(service: string, className: string, impl: object): T {
    const record = (key: string): void => this.record(service, key);
    const cost = this.cost;
    return new Proxy(impl, {
      get(target, prop, receiver) {
        if (typeof prop === 'symbol' || PASS_THROUGH.has(prop)) {
          return Reflect.get(target, prop, receiver);
        }
        if (!(prop in target)) throw new NotEmulatedError(`${className}.${prop}`);
        const value = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function' || prop.startsWith('_')) return value;
        const key = `${className}.${prop}`;
        return function emulated(this: unknown, ...args: unknown[]) {
          record(key);
          const result = (value as (...a: unknown[]) => unknown).apply(target, args);
          if (service === 'SpreadsheetApp') {
            const moved = cellsMoved(key, target, args, result);
            if (moved.read || moved.written) cost.cells(key, moved.read, moved.written);
          }
          return result;
        };
      },
    }) as T;
  }
}

/** The link Apps Script appends to a permission error (observed text, anchor cut short as Google sends it). */
export const AUTH_HELP =
  'https://developers.google.com/apps-script/guides/support/troubleshooting#authorization-is';

/** One scope as is; several as Apps Script lists alternatives: "(a || b)". */
function scopeList(scopes: string[]): string {
  return scopes.length === 1 ? scopes[0] : `(${scopes.join(' || ')})`;
}

/** Members that JavaScript itself probes (await, JSON, console.log, String()) must not be reported as missing. */
const PASS_THROUGH = new Set([
  'then',
  'toJSON',
  'constructor',
  'toString',
  'valueOf',
  'inspect',
  'asymmetricMatch',
  '$$typeof',
  'nodeType',
  'tagName',
  '@@__IMMUTABLE_ITERABLE__@@',
  '@@__IMMUTABLE_RECORD__@@',
]);

/** Enum-like objects (ScriptApp.AuthMode, SpreadsheetApp.BorderStyle...) as Apps Script exposes them. */
export function makeEnum<K extends string>(name: string, keys: readonly K[]): Record<K, EnumValue> {
  const out = {} as Record<K, EnumValue>;
  for (const key of keys) out[key] = new EnumValue(name, key);
  return out;
}

export class EnumValue {
  constructor(
    readonly enumName: string,
    readonly name: string,
  ) {}
  toString(): string {
    return this.name;
  }
  toJSON(): string {
    return this.name;
  }
  name_(): string {
    return this.name;
  }
  ordinal(): number {
    return 0;
  }
}
