// Loads dist/Code.js as Apps Script does: a fresh global scope with only the Apps Script globals, re-run on every execution.
import vm from 'node:vm';
import { gasError } from './kernel';
import type { AuthModeName, Emulator } from './index';

/** Globals Apps Script V8 lacks (V8 runtime guide) or that only Node/browsers have; each must be a ReferenceError. */
export const FORBIDDEN_GLOBALS = [
  'setTimeout',
  'setInterval',
  'setImmediate',
  'clearTimeout',
  'clearInterval',
  'queueMicrotask',
  'URL',
  'URLSearchParams',
  'TextEncoder',
  'TextDecoder',
  'ReadableStream',
  'WritableStream',
  'fetch',
  'atob',
  'btoa',
  'Blob',
  'File',
  'FormData',
  'DOMException',
  'crypto',
  'SubtleCrypto',
  'structuredClone',
  'process',
  'require',
  'module',
  'exports',
  'global',
  'window',
  'self',
  'navigator',
  'performance',
  'Buffer',
] as const;

export interface VmAddon {
  /** Names of the top-level functions the script declares (what Apps Script offers to menus, triggers, google.script.run). */
  globalFunctions(): string[];
  /**
   * Runs one execution: a fresh global scope, the whole script's top-level code, then the function.
   * Unknown or private (trailing underscore) names throw, as Apps Script refuses them.
   */
  call(name: string, args?: unknown[], authMode?: AuthModeName): unknown;
  /** The global object of the latest execution (for inspection in tests). */
  readonly lastContext: Record<string, unknown> | null;
}

/** The names a bare vm context already has (JavaScript built-ins), to tell them from the script's own. */
function builtinNames(): Set<string> {
  const probe = vm.createContext({});
  return new Set(vm.runInContext('Object.getOwnPropertyNames(globalThis)', probe) as string[]);
}

export function loadBundle(emulator: Emulator, codeJs: string): VmAddon {
  const script = new vm.Script(codeJs, { filename: 'Code.js' });
  const builtins = builtinNames();
  const provided = new Set(Object.keys(emulator.globals));
  let lastContext: Record<string, unknown> | null = null;

  /** A new global scope with the emulator's globals, after running every line of top-level code. */
  function evaluate(): Record<string, unknown> {
    const sandbox: Record<string, unknown> = { ...emulator.globals };
    const context = vm.createContext(sandbox, {
      name: 'Apps Script',
      codeGeneration: { strings: true, wasm: false },
    });
    // Whatever the host's vm puts in a context beyond the language itself is removed.
    for (const name of FORBIDDEN_GLOBALS) {
      if (!provided.has(name))
        vm.runInContext(`delete globalThis[${JSON.stringify(name)}]`, context);
    }
    script.runInContext(context);
    lastContext = context;
    return context;
  }

  function ownFunctions(context: Record<string, unknown>): string[] {
    return Object.getOwnPropertyNames(context).filter(
      (name) => !builtins.has(name) && !provided.has(name) && typeof context[name] === 'function',
    );
  }

  // Loading runs the top-level code once, as an execution in AuthMode.NONE: top-level code runs on every
  // execution in that execution's mode, so it must not touch a service NONE forbids (editor-auth-lifecycle).
  const declared = emulator.run(() => ownFunctions(evaluate()), 'NONE');

  const addon: VmAddon = {
    globalFunctions: () => [...declared],
    call(name, args = [], authMode = 'FULL') {
      if (name.endsWith('_')) {
        throw gasError(
          `Script function not found: ${name} (names ending in _ are private and cannot be called)`,
        );
      }
      if (!declared.includes(name)) throw gasError(`Script function not found: ${name}`);
      return emulator.run(() => {
        const context = evaluate();
        const fn = context[name] as (...a: unknown[]) => unknown;
        return fn(...args);
      }, authMode);
    },
    get lastContext() {
      return lastContext;
    },
  };
  emulator.triggers.setInvoker((handler, event) => addon.call(handler, [event], 'FULL'));
  return addon;
}
