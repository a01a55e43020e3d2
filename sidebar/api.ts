// The sidebar's typed bridge to the server: google.script.run wrapped in promises, checked against ServerApi.
import type { ServerApi } from '../src/shared/api';
import { isMultipleAccountsError } from '../src/shared/permissions';

/** The minimal google.script.run surface this sidebar uses (runners are immutable: each with* returns a new one). */
interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown, userObject?: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: Error, userObject?: unknown) => void): ScriptRunner;
  withUserObject(userObject: unknown): ScriptRunner;
  [serverFunction: string]: unknown;
}

declare global {
  interface Window {
    google?: { script: { run: ScriptRunner; host?: { close(): void } } };
  }
}

export type ServerName = keyof ServerApi & string;
export type ServerResult<K extends ServerName> = ReturnType<ServerApi[K]>;

export interface Api {
  call<K extends ServerName>(name: K, ...args: Parameters<ServerApi[K]>): Promise<ServerResult<K>>;
  /** Whether the server offers this function (a feature may not be installed in this build). */
  has(name: string): boolean;
}

/** An Error whose message is the server's exception text. */
export class ServerError extends Error {
  /** Every call fails this way when the browser is signed into several Google accounts. */
  readonly multipleAccounts: boolean;
  constructor(
    message: string,
    readonly serverFunction: string,
  ) {
    super(message);
    this.name = 'ServerError';
    this.multipleAccounts = isMultipleAccountsError(message);
  }
}

export function createApi(): Api {
  return {
    call(name, ...args) {
      return new Promise((resolve, reject) => {
        const run = window.google?.script.run;
        if (!run) {
          reject(new ServerError('The sidebar is not connected to the spreadsheet.', name));
          return;
        }
        const runner = run
          .withSuccessHandler((value) => resolve(value as ServerResult<typeof name>))
          .withFailureHandler((error) =>
            reject(new ServerError(error?.message ? error.message : String(error), name)),
          );
        const fn = runner[name];
        if (typeof fn !== 'function') {
          reject(new ServerError(`The server has no function ${name}.`, name));
          return;
        }
        (fn as (...a: unknown[]) => void).apply(runner, args);
      });
    },
    has(name) {
      const run = window.google?.script.run;
      return !!run && typeof run[name] === 'function';
    },
  };
}
