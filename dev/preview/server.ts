// The local preview (`npm start`): dist/Code.js in the emulator, served as a sheet grid, the add-on menu and a live sidebar.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEmulator, type Emulator } from '../emulator';
import { loadBundle, type VmAddon } from '../emulator/vm';
import { toClient, toServer } from '../emulator/scriptRun';
import { fillWorkbook, listen, type ClientsOption } from './workbook';
import { sheetGrid } from './grid';
import { isAnswer, unansweredQuestion, writesBetween, type Question } from './questions';
import { injectShim } from './shim';
import { refusal } from './guard';
import { fileFeatures, type FileOptions } from './fileRoutes';
import { CliError, parseCli, USAGE } from './cli';
import { createTimeTravel, type TimeTravel } from './timeTravel';

export interface PreviewOptions extends FileOptions {
  /** 0 = any free port; default 8787. */
  port?: number;
  /**
   * How many generated clients, `{people: n}` invented ones, or the client sheet's rows (header
   * first); default: the small demo sheet. Ignored when `file` is given.
   */
  clients?: ClientsOption;
  /** "Now" for the emulator's clock. */
  now?: Date | string;
  /** Where the built Code.js and Sidebar.html are; default dist/ of this repository. */
  distDir?: string;
  /** Print each run to the console (the CLI does). */
  log?: boolean;
}

export interface Preview {
  url: string;
  emulator: Emulator;
  addon: VmAddon;
  /** Server milliseconds of every /run call, in order (for bench/sidebar.ts). */
  runs: Array<{ name: string; serverMs: number; ok: boolean }>;
  /** Writes every sheet to the `save` path now; null when there is none. */
  save(): Promise<string | null>;
  /** The emulated clock as the page's time travel moves it (firing the time-driven triggers). */
  time: TimeTravel;
  close(): Promise<void>;
}

const DEFAULT_PORT = 8787;

type RunResult = { ok: boolean; value?: unknown; error?: string; serverMs: number };

function repoRoot(): string {
  if (typeof __dirname !== 'undefined') return join(__dirname, '..', '..');
  return fileURLToPath(new URL('../..', import.meta.url));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

function json(res: ServerResponse, value: unknown, status = 200): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function startPreview(options: PreviewOptions = {}): Promise<Preview> {
  const root = repoRoot();
  const dist = options.distDir ?? join(root, 'dist');
  const emulator = createEmulator({ htmlDir: dist, now: options.now });
  const files = await fileFeatures(emulator, options);
  if (!files.opened) fillWorkbook(emulator, options.clients);

  const addon = loadBundle(emulator, readFileSync(join(dist, 'Code.js'), 'utf8'));
  files.addonLoaded(addon);
  const functionNames = addon.globalFunctions().filter((n) => !n.endsWith('_'));
  // As when the spreadsheet opens with the add-on enabled in it.
  addon.call('onOpen', [{ authMode: 'LIMITED' }], 'LIMITED');
  const page = readFileSync(join(root, 'dev', 'preview', 'page.html'), 'utf8');
  const time = createTimeTravel(emulator, options.log ? (line) => console.log(line) : undefined);

  const runs: Preview['runs'] = [];
  let sidebarShown: unknown = null;
  let sidebarVersion = 0;
  let dialogsClosed = 0;
  let lastError: string | null = null;
  let questionId = 0;
  let pending: {
    question: Question;
    answer(button: Question['buttons'][number], text: string): void;
  } | null = null;

  const noteSidebar = () => {
    if (emulator.ui.sidebar !== sidebarShown) {
      sidebarShown = emulator.ui.sidebar;
      sidebarVersion += 1;
    }
  };

  function state() {
    noteSidebar();
    const names = emulator.sheets.sheetNames();
    const dialogs = emulator.ui.dialogs.slice(dialogsClosed);
    return {
      menu: emulator.ui.addonMenu ?? [],
      sheets: names.map((name) => sheetGrid(emulator, name)),
      selection: emulator.sheets.selection(),
      sidebar: emulator.ui.sidebar
        ? { title: emulator.ui.sidebar.title, version: sidebarVersion }
        : null,
      dialogs: dialogs.map((d, i) => ({
        index: dialogsClosed + i,
        title: d.title,
        width: d.width,
        height: d.height,
        modal: d.modal,
      })),
      alerts: emulator.ui.alerts.map((a) => ({
        title: a.title,
        prompt: a.prompt,
        answer: a.answer,
      })),
      toasts: emulator.sheets.toasts,
      outbox: emulator.mail.outbox.map((m) => ({
        id: m.id,
        kind: m.kind,
        to: m.to,
        from: m.from,
        subject: m.subject,
        body: m.body,
        at: m.at,
        draftId: m.draftId,
      })),
      error: lastError,
      question: pending ? pending.question : null,
      file: files.info(),
      time: time.state(),
    };
  }

  function run(name: string, args: unknown[]): RunResult {
    const result = runOnce(name, args);
    files.afterRun();
    return result;
  }

  function runOnce(name: string, args: unknown[]): RunResult {
    const started = performance.now();
    try {
      const value = toClient(addon.call(name, toServer(args), 'FULL'));
      const serverMs = performance.now() - started;
      runs.push({ name, serverMs, ok: true });
      if (options.log) console.log(`run ${name}: ${serverMs.toFixed(1)} ms`);
      return value === undefined ? { ok: true, serverMs } : { ok: true, value, serverMs };
    } catch (error) {
      const serverMs = performance.now() - started;
      runs.push({ name, serverMs, ok: false });
      if (options.log) console.log(`run ${name} failed: ${message(error)}`);
      return { ok: false, error: message(error), serverMs };
    }
  }

  /**
   * Runs a server function; when it asks a question the emulator cannot answer by itself, the
   * question waits for the person at the page, and `finish` is called once a run completes.
   */
  function runAsking(name: string, args: unknown[], finish: (result: RunResult) => void): void {
    const before = emulator.kernel.snapshot();
    const result = run(name, args);
    const asked = result.ok ? null : unansweredQuestion(result.error);
    if (!asked) return finish(result);
    // One question at a time, as in Sheets: an older unanswered one is closed.
    pending?.answer('CLOSE', '');
    const question: Question = {
      id: (questionId += 1),
      ...asked,
      functionName: name,
      wroteFirst: writesBetween(before, emulator.kernel.snapshot()),
    };
    pending = {
      question,
      answer(button, text) {
        pending = null;
        emulator.ui.answer(button, text);
        runAsking(name, args, finish);
      },
    };
  }

  let port = 0;
  /** Time travel from the page: {days} advances and fires what was due, {date} jumps to that day. */
  function moveTime(body: string) {
    try {
      const parsed = JSON.parse(body || '{}') as { days?: unknown; date?: unknown };
      const move =
        typeof parsed.date === 'string' ? { date: parsed.date } : { days: Number(parsed.days) };
      const ran = time.move(move);
      return { ...state(), ok: true, ran };
    } catch (error) {
      return { ...state(), ok: false, timeError: message(error), ran: [] };
    }
  }

  const server = createServer(async (req, res) => {
    try {
      // Only the preview's own page, at a local address (guard.ts says why).
      const refused = refusal(req, port);
      if (refused) return send(res, refused.status, 'text/plain; charset=utf-8', refused.text);
      const url = new URL(req.url ?? '/', 'http://localhost');
      const path = url.pathname;
      if (req.method === 'GET' && (path === '/' || path === '/index.html')) {
        return send(res, 200, 'text/html; charset=utf-8', page);
      }
      if (req.method === 'GET' && path === '/api/state') return json(res, state());
      if (req.method === 'GET' && path === '/sidebar') {
        const sidebar = emulator.ui.sidebar;
        if (!sidebar) return send(res, 404, 'text/plain', 'No sidebar is open.');
        return send(res, 200, 'text/html; charset=utf-8', injectShim(sidebar.html, functionNames));
      }
      const dialog = /^\/dialog\/(\d+)$/.exec(path);
      if (req.method === 'GET' && dialog) {
        const shown = emulator.ui.dialogs[Number(dialog[1])];
        if (!shown) return send(res, 404, 'text/plain', 'No such dialog.');
        return send(res, 200, 'text/html; charset=utf-8', injectShim(shown.html, functionNames));
      }
      // Opening and saving files, reading an email of the outbox (dev/preview/fileRoutes.ts).
      if (await files.handle(req, res, path)) return;
      if (req.method !== 'POST') return send(res, 404, 'text/plain', 'Not found');

      const menu = /^\/api\/menu\/([\w$]+)$/.exec(path);
      if (menu) {
        // A menu click: its own execution, in AuthMode.FULL. A question comes back in the state.
        let ok = true;
        runAsking(menu[1], [], (result) => {
          ok = result.ok;
          lastError = result.ok ? null : (result.error ?? null);
        });
        return json(res, { ...state(), ok });
      }
      if (path === '/api/answer') {
        const body = JSON.parse((await readBody(req)) || '{}') as {
          id?: number;
          button?: unknown;
          text?: unknown;
        };
        if (!pending || pending.question.id !== body.id || !isAnswer(pending.question, body.button))
          return json(res, { ...state(), ok: false }, 409);
        pending.answer(body.button, typeof body.text === 'string' ? body.text : '');
        return json(res, { ...state(), ok: true });
      }
      if (path === '/api/host/close') {
        const frame = url.searchParams.get('frame') ?? '';
        if (frame.startsWith('dialog')) dialogsClosed = emulator.ui.dialogs.length;
        else emulator.ui.sidebar = null;
        return json(res, { ok: true });
      }
      if (path === '/api/dialogs/close') {
        dialogsClosed = emulator.ui.dialogs.length;
        return json(res, { ok: true });
      }
      // Gmail (issue 10): what happens outside the add-on, from the outbox's buttons.
      if (path === '/api/mail/reply' || path === '/api/mail/send-draft') {
        const body = JSON.parse((await readBody(req)) || '{}') as {
          to?: unknown;
          draftId?: unknown;
        };
        try {
          if (path === '/api/mail/reply') {
            const to = typeof body.to === 'string' ? body.to : '';
            emulator.mail.simulateReply(
              to,
              'Lovely to hear from you!\nCould you call me this week?',
            );
          } else {
            emulator.mail.userSendsDraft(typeof body.draftId === 'string' ? body.draftId : '');
          }
        } catch (error) {
          return json(res, { ...state(), ok: false, error: message(error) }, 409);
        }
        // The sidebar scans Gmail at most every 10 minutes: let the next opening scan at once.
        emulator.properties.set('user', 'rcr.last', '0');
        return json(res, { ...state(), ok: true });
      }
      if (path === '/api/time') return json(res, moveTime(await readBody(req)));
      const call = /^\/run\/([\w$]+)$/.exec(path);
      if (call) {
        const body = JSON.parse((await readBody(req)) || '{}') as {
          args?: unknown[];
          dates?: boolean[];
        };
        const dated = (body.dates ?? []).findIndex(Boolean);
        if (dated >= 0) {
          return json(res, {
            ok: false,
            error: `Failed due to illegal value in property: ${dated}`,
            serverMs: 0,
          });
        }
        if (!functionNames.includes(call[1])) {
          return json(res, {
            ok: false,
            error: `Script function not found: ${call[1]}`,
            serverMs: 0,
          });
        }
        // A sidebar call that asks a question is answered when the person at the page replies.
        return runAsking(call[1], body.args ?? [], (result) => json(res, result));
      }
      return send(res, 404, 'text/plain', 'Not found');
    } catch (error) {
      return json(res, { ok: false, error: message(error) }, 500);
    }
  });

  port = await listen(server, options.port ?? DEFAULT_PORT);
  return {
    url: `http://127.0.0.1:${port}/`,
    emulator,
    addon,
    runs,
    save: () => files.saveNow(),
    time,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

function isMain(): boolean {
  if (typeof require !== 'undefined' && typeof module !== 'undefined')
    return require.main === module;
  return process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
}

/** `npm start -- [options]`: see dev/preview/cli.ts. */
async function main(): Promise<void> {
  let cli;
  try {
    cli = parseCli(process.argv.slice(2), process.env);
  } catch (error) {
    console.error(error instanceof CliError ? error.message : message(error));
    process.exitCode = 2;
    return;
  }
  if (cli.help) return console.log(USAGE);
  let preview: Preview;
  try {
    preview = await startPreview({ ...cli, port: cli.port ?? DEFAULT_PORT, log: true });
  } catch (error) {
    console.error(`The preview could not start: ${message(error)}`);
    if (/Code\.js|Sidebar\.html/.test(message(error)))
      console.error('Run `npm run build` first if dist/ is missing.');
    process.exitCode = 1;
    return;
  }
  console.log(`Reconnect preview: ${preview.url}`);
  console.log(
    'Open it in a browser; use the Reconnect menu buttons above the sheet. Ctrl+C stops it.',
  );
  if (cli.save) console.log(`Every sheet is saved to ${cli.save} when the preview stops.`);
  if (cli.outbox) console.log(`Emails are written as .eml files to ${cli.outbox}.`);
  // Ctrl+C saves (with --save), ends open connections (a held sidebar call, a keep-alive browser) and exits with 0.
  const stop = () => {
    console.log('\nStopping the preview.');
    void preview
      .save()
      .then(
        (path) => path && console.log(`Saved every sheet to ${path}.`),
        (error) => console.error(`Could not save: ${message(error)}`),
      )
      .then(() => preview.close())
      .then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (isMain()) void main();
