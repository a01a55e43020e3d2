// The preview's file features: open a CSV/.xlsx at start or dropped on the page, save every sheet to .xlsx, read an email of the outbox, and keep the --outbox folder of .eml files in step.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import type { Emulator } from '../emulator';
import type { VmAddon } from '../emulator/vm';
import { spreadsheetTimeZone } from '../emulator/spreadsheet/loadSheets';
import { outboxWriter } from './eml';
import { saveWorkbook, workbookBytes } from './exportFile';
import {
  ImportError,
  readWorkbookBytes,
  readWorkbookFile,
  type ImportedWorkbook,
} from './importFile';
import { openedSummary, pointAddonAtClients, putWorkbook, reopenWith } from './openFile';

export interface FileOptions {
  file?: string;
  sheet?: string;
  locale?: string;
  keepText?: boolean;
  save?: string;
  outbox?: string;
}

/** A dropped file travels as base64 in JSON: 25 MB of workbook is far more than a client list. */
const MAX_BODY_BYTES = 35 * 1024 * 1024;

function reply(res: ServerResponse, value: unknown, status = 200): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify(value));
}

function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        fail(new ImportError('The file is too large for the preview (25 MB at most).'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => {
      try {
        const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
        done(parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {});
      } catch {
        fail(new ImportError('The request was not JSON.'));
      }
    });
    req.on('error', fail);
  });
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** The emails of the outbox as a page can show them: HTML as sent, or the plain text escaped. */
function readable(emulator: Emulator, id: string) {
  const m = emulator.mail.outbox.find((e) => e.id === id);
  if (!m) return null;
  const escaped = m.body.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return {
    id: m.id,
    kind: m.kind,
    to: m.to,
    from: m.name ? `${m.name} <${m.from}>` : m.from,
    subject: m.subject,
    at: m.at,
    html: m.htmlBody ?? `<pre style="white-space:pre-wrap;font:inherit">${escaped}</pre>`,
  };
}

export interface FileFeatures {
  /** The file opened at start, if any (call before the add-on loads). */
  opened: ImportedWorkbook | null;
  /** After the add-on is loaded: tell it which sheet holds the clients. */
  addonLoaded(addon: VmAddon): void;
  /** After each run: the outbox folder follows the outbox. */
  afterRun(): void;
  /** Writes --save now; null when no --save was given. */
  saveNow(): Promise<string | null>;
  /** Answers the file routes; false for any other path. */
  handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean>;
  /** What the page shows about the file. */
  info(): {
    file: string | null;
    clientSheet: string | null;
    save: string | null;
    outbox: string | null;
  };
}

export async function fileFeatures(
  emulator: Emulator,
  options: FileOptions,
): Promise<FileFeatures> {
  const locale = options.locale ?? 'en_US';
  const importOptions = (over: { locale?: string; sheet?: string; keepText?: boolean } = {}) => ({
    locale: over.locale ?? locale,
    sheet: over.sheet ?? options.sheet,
    convert: !(over.keepText ?? options.keepText ?? false),
    timeZone: spreadsheetTimeZone(emulator.sheets),
  });
  let book = options.file ? await readWorkbookFile(options.file, importOptions()) : null;
  let bookLocale = locale;
  if (book) putWorkbook(emulator, book, locale);
  const writeOutbox = options.outbox ? outboxWriter(resolve(options.outbox)) : null;
  const savePath = options.save ? resolve(options.save) : null;
  let addon: VmAddon | null = null;

  async function open(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJson(req);
    const name = text(body.name);
    const base64 = text(body.base64);
    if (!name || !base64) return reply(res, { ok: false, error: 'Send {name, base64}.' }, 400);
    const over = {
      locale: text(body.locale),
      sheet: text(body.sheet),
      keepText: body.keepText === true,
    };
    const next = await readWorkbookBytes(name, Buffer.from(base64, 'base64'), importOptions(over));
    reopenWith(emulator, addon!, next, over.locale ?? locale);
    book = next;
    bookLocale = over.locale ?? locale;
    reply(res, { ok: true, message: openedSummary(next) });
  }

  async function save(res: ServerResponse): Promise<void> {
    const bytes = await workbookBytes(emulator);
    if (savePath) await saveWorkbook(emulator, savePath);
    const name = `${book?.name ?? 'Reconnect demo'}.xlsx`;
    reply(res, { ok: true, path: savePath, name, base64: bytes.toString('base64') });
  }

  return {
    get opened() {
      return book;
    },
    addonLoaded(loaded) {
      addon = loaded;
      if (book) pointAddonAtClients(loaded, book);
    },
    afterRun() {
      writeOutbox?.(emulator.mail.outbox);
    },
    async saveNow() {
      if (!savePath) return null;
      await saveWorkbook(emulator, savePath);
      return savePath;
    },
    async handle(req, res, path) {
      const mail = /^\/api\/outbox\/([\w.-]+)$/.exec(path);
      if (req.method === 'GET' && mail) {
        const m = readable(emulator, mail[1]);
        reply(res, m ? { ok: true, ...m } : { ok: false, error: 'No such email.' }, m ? 200 : 404);
        return true;
      }
      if (req.method !== 'POST' || (path !== '/api/file/open' && path !== '/api/file/save'))
        return false;
      try {
        await (path === '/api/file/open' ? open(req, res) : save(res));
      } catch (error) {
        const known = error instanceof ImportError || /^Unknown locale/.test(String(error));
        reply(res, { ok: false, error: (error as Error).message }, known ? 400 : 500);
      }
      return true;
    },
    info: () => ({
      file: book ? book.name : null,
      clientSheet: book ? book.clientSheet : null,
      locale: bookLocale,
      save: savePath,
      outbox: options.outbox ? resolve(options.outbox) : null,
    }),
  };
}
