// Emulated Logger and console: every line captured (with level and clock time) for tests, optionally echoed.
import { format } from 'node:util';
import { type Kernel } from './kernel';
import { formatString } from './utilities';

export type LogLevel = 'log' | 'info' | 'warn' | 'error' | 'debug';

export interface LogLine {
  source: 'Logger' | 'console';
  level: LogLevel;
  text: string;
  at: string;
}

export interface LogControl {
  readonly lines: LogLine[];
  /** Echo every line to the real console (off by default, so test output stays clean). */
  echo: boolean;
  /** All text, one line each, for assertions. */
  text(): string;
  clear(): void;
}

export function createLogger(kernel: Kernel) {
  const lines: LogLine[] = [];
  const timers = new Map<string, number>();
  const control: LogControl = {
    lines,
    echo: false,
    text: () => lines.map((l) => l.text).join('\n'),
    clear() {
      lines.length = 0;
    },
  };

  function write(source: LogLine['source'], level: LogLevel, text: string): void {
    lines.push({ source, level, text, at: kernel.clock.now().toISOString() });
    if (control.echo) {
      const sink =
        level === 'error' ? console.error : level === 'warn' ? console.warn : console.log;
      sink(`[${source}.${level}] ${text}`);
    }
  }

  const show = (value: unknown): string => {
    if (typeof value === 'string') return value;
    if (Object.prototype.toString.call(value) === '[object Date]') return String(value);
    if (typeof value === 'object' && value !== null) {
      try {
        return JSON.stringify(value);
      } catch {
        return String(value);
      }
    }
    return String(value);
  };

  const Logger: GoogleAppsScript.Base.Logger = kernel.wrap('Logger', 'Logger', {
    // Logger.log(data) or Logger.log(format, values...) with String.format placeholders (Logger reference).
    log(data: unknown, ...values: unknown[]) {
      const text = values.length > 0 ? formatString(show(data), ...values) : show(data);
      write('Logger', 'info', text);
      return Logger;
    },
    getLog: () =>
      lines
        .filter((l) => l.source === 'Logger')
        .map((l) => `${l.at} INFO: ${l.text}`)
        .join('\n'),
    clear() {
      for (let i = lines.length - 1; i >= 0; i--)
        if (lines[i].source === 'Logger') lines.splice(i, 1);
    },
  });

  const logAt =
    (level: LogLevel) =>
    (...args: unknown[]) =>
      write('console', level, format(...args));

  const consoleImpl = {
    log: logAt('log'),
    info: logAt('info'),
    warn: logAt('warn'),
    error: logAt('error'),
    debug: logAt('debug'),
    time(label = 'default') {
      timers.set(String(label), kernel.clock.nowMs());
    },
    timeEnd(label = 'default') {
      const start = timers.get(String(label));
      if (start === undefined) return;
      timers.delete(String(label));
      write('console', 'log', `${label}: ${kernel.clock.nowMs() - start}ms`);
    },
  };
  const wrappedConsole = kernel.wrap<Console>('console', 'console', consoleImpl);
  return { Logger, console: wrappedConsole, control };
}
