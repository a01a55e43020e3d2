// The in-memory Apps Script: composes every emulated service over one kernel, installs them as globals, and runs executions.
import { Clock, Kernel, type AuthModeName } from './kernel';
import { createSpreadsheetApp, type SpreadsheetControl } from './spreadsheet';
import { createMail, type MailControl } from './mail';
import { createProperties, type PropertiesControl } from './properties';
import { createLocks, type LockControl } from './lock';
import { createScriptApp, type ScriptControl } from './script';
import { createHtmlService } from './html';
import { createUi, type UiControl } from './ui';
import { createSession, type SessionControl } from './session';
import { createUtilities, type UtilitiesControl } from './utilities';
import { createLogger, type LogControl } from './logger';
import { createCache, type CacheControl } from './cache';

export { Clock, Kernel, gasError, EXCEEDED_TIME, NotEmulatedError } from './kernel';
export type { Fault, AuthModeName } from './kernel';

export interface EmulatorOptions {
  /** "Now", as an instant. Default 2026-11-25T15:00:00Z. */
  now?: Date | string;
  /** The active spreadsheet's time zone (File > Settings). */
  spreadsheetTimeZone?: string;
  /** The script's time zone (manifest timeZone). */
  scriptTimeZone?: string;
  /** Daily email recipient quota shared by MailApp and GmailApp (100 on a consumer account). */
  dailyEmailQuota?: number;
  /** The user running the add-on. */
  userEmail?: string;
  /** Verified "Send mail as" aliases. */
  aliases?: string[];
  /** Scopes granted; by default the manifest's oauthScopes are not enforced. */
  scopes?: string[] | null;
  /** Where HtmlService.createHtmlOutputFromFile reads files (the built dist/). */
  htmlDir?: string;
}

export interface Emulator {
  kernel: Kernel;
  clock: Clock;
  /** The Apps Script globals, as a script sees them. */
  globals: Record<string, unknown>;
  sheets: SpreadsheetControl;
  mail: MailControl;
  properties: PropertiesControl;
  locks: LockControl;
  triggers: ScriptControl;
  ui: UiControl;
  session: SessionControl;
  utilities: UtilitiesControl;
  logs: LogControl;
  /** CacheService's document, user and script caches. */
  cache: CacheControl;
  /** Runs fn as one execution in the given auth mode; locks are released at the end, as in Apps Script. */
  run<T>(fn: () => T, authMode?: AuthModeName): T;
  /**
   * Runs fn (which starts its own executions: emu.run, triggers.fire) in the middle of the current
   * execution, as Apps Script runs two executions in parallel: the current one's locks are held by
   * "another process" meanwhile, and its state (call counts, kill, context) comes back afterwards.
   */
  concurrently<T>(fn: () => T): T;
  /** Runs fn concurrently just before the current execution's call number `atCall` (or nth call of `method`). */
  interleave(at: { atCall?: number; method?: string; nth?: number }, fn: () => void): void;
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const clock = new Clock(options.now);
  const kernel = new Kernel(clock);
  kernel.scopes = options.scopes ?? null;
  const session = createSession(kernel, {
    userEmail: options.userEmail ?? 'owner@example.com',
    scriptTimeZone: options.scriptTimeZone ?? 'America/New_York',
  });
  const ui = createUi(kernel);
  const sheets = createSpreadsheetApp(kernel, {
    ui: () => ui.Ui,
    timeZone: options.spreadsheetTimeZone ?? 'America/New_York',
  });
  const mail = createMail(kernel, {
    dailyQuota: options.dailyEmailQuota ?? 100,
    userEmail: options.userEmail ?? 'owner@example.com',
    aliases: options.aliases ?? [],
  });
  const properties = createProperties(kernel, { user: () => session.control.userEmail });
  const locks = createLocks(kernel);
  const script = createScriptApp(kernel);
  const html = createHtmlService(kernel, { dir: options.htmlDir ?? 'dist' });
  const utilities = createUtilities(kernel);
  const logger = createLogger(kernel);
  const cache = createCache(kernel);

  const globals: Record<string, unknown> = {
    SpreadsheetApp: sheets.SpreadsheetApp,
    GmailApp: mail.GmailApp,
    MailApp: mail.MailApp,
    PropertiesService: properties.PropertiesService,
    CacheService: cache.CacheService,
    LockService: locks.LockService,
    ScriptApp: script.ScriptApp,
    HtmlService: html.HtmlService,
    Session: session.Session,
    Utilities: utilities.Utilities,
    Logger: logger.Logger,
    console: logger.console,
    Date: clockDate(clock),
  };

  const concurrently = <T>(fn: () => T): T => {
    const restoreExecution = kernel.saveExecution();
    const restoreLocks = locks.control.suspendMine();
    try {
      return fn();
    } finally {
      restoreLocks();
      restoreExecution();
    }
  };

  const emulator: Emulator = {
    concurrently,
    interleave: (at, fn) => kernel.interleave({ ...at, run: () => concurrently(fn) }),
    kernel,
    clock,
    globals,
    sheets: sheets.control,
    mail: mail.control,
    properties: properties.control,
    locks: locks.control,
    triggers: script.control,
    ui: ui.control,
    session: session.control,
    utilities: utilities.control,
    logs: logger.control,
    cache: cache.control,
    run<T>(fn: () => T, authMode: AuthModeName = 'FULL'): T {
      kernel.beginExecution(authMode);
      try {
        return fn();
      } finally {
        kernel.endExecution();
      }
    },
  };
  script.control.attach(emulator);
  return emulator;
}

/**
 * A Date constructor whose "now" is the emulator's clock: `new Date()` and `Date.now()` read the
 * clock; everything else is the real Date (same prototype, so instanceof keeps working).
 */
export function clockDate(clock: Clock): DateConstructor {
  const RealDate = Date;
  return new Proxy(RealDate, {
    construct(target, args: unknown[]) {
      if (args.length === 0) return new target(clock.nowMs());
      return new (target as unknown as new (...a: unknown[]) => Date)(...args);
    },
    apply() {
      return new RealDate(clock.nowMs()).toString();
    },
    get(target, prop, receiver) {
      if (prop === 'now') return () => clock.nowMs();
      return Reflect.get(target, prop, receiver);
    },
  });
}

const INSTALLED = Symbol.for('reconnect.emulator.installed');

/**
 * Installs the emulator's services as globals of this Node realm (for tests that call src/ directly),
 * returning a function that removes them. `Date` is replaced by the clock-driven one, so `new Date()`
 * in src/ is the emulator's "now", as it is when dist/Code.js runs in the vm.
 */
export function installGlobals(emulator: Emulator): () => void {
  const g = globalThis as Record<string | symbol, unknown>;
  const saved = new Map<string, unknown>();
  for (const [name, value] of Object.entries(emulator.globals)) {
    if (name === 'console') continue;
    saved.set(name, g[name]);
    g[name] = value;
  }
  g[INSTALLED] = emulator;
  return () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete g[name];
      else g[name] = value;
    }
    delete g[INSTALLED];
  };
}
