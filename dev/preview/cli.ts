// The command line of `npm start -- ...`: which client sheet to open (the demo, invented clients, or your own CSV/.xlsx), where to save it and where the outbox goes.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { IMPORT_LOCALES } from '../emulator/spreadsheet/importTyping';

export const USAGE = `Usage: npm start -- [options]

  (no options)          a demo sheet of 300 invented clients
  --clients N           N invented clients instead (to try speed, e.g. 10000)
  --file PATH           your own client list: a .csv or .xlsx export
  --sheet NAME          in an .xlsx, the sheet that holds the clients (default: the first)
  --locale NAME         how dates and amounts in a CSV are written:
                        ${Object.keys(IMPORT_LOCALES).join(', ')} (default en_US; en_GB reads 4/3/2024 as 4 March)
  --keep-text           keep every CSV field as text (leading zeros kept), like unchecking
                        "Convert text to numbers, dates, and formulas" in Sheets' import
  --save PATH           write every sheet to this .xlsx when the preview stops (and from the page)
  --outbox DIR          also write each email the add-on sends or drafts as an .eml file here
  --port N              the port (default 8787)
  --help                this text`;

export interface CliOptions {
  port?: number;
  clients?: { people: number };
  file?: string;
  sheet?: string;
  locale?: string;
  keepText?: boolean;
  save?: string;
  outbox?: string;
  help?: boolean;
}

/** A command line that cannot be used, said so a person can fix it. */
export class CliError extends Error {
  override name = 'CliError';
}

function wholeNumber(
  flag: string,
  text: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max)
    throw new CliError(`${flag} needs a whole number from ${min} to ${max}, not "${text}".`);
  return n;
}

/** Parses `argv` (without node and the script); PREVIEW_CLIENTS and PORT still work as before. */
export function parseCli(argv: string[], env: NodeJS.ProcessEnv = {}): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        clients: { type: 'string' },
        file: { type: 'string' },
        sheet: { type: 'string' },
        locale: { type: 'string' },
        'keep-text': { type: 'boolean' },
        save: { type: 'string' },
        outbox: { type: 'string' },
        port: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${USAGE}`);
  }
  const v = parsed.values;
  if (v.help) return { help: true };
  if (v.file !== undefined && v.clients !== undefined)
    throw new CliError('Use --file or --clients, not both: --clients makes an invented sheet.');
  if ((v.sheet !== undefined || v.locale !== undefined || v['keep-text']) && v.file === undefined)
    throw new CliError('--sheet, --locale and --keep-text are for --file: give the file to load.');
  if (v.locale !== undefined && !Object.prototype.hasOwnProperty.call(IMPORT_LOCALES, v.locale))
    throw new CliError(
      `Unknown locale "${v.locale}": use one of ${Object.keys(IMPORT_LOCALES).join(', ')}.`,
    );
  if (v.save !== undefined && !/\.xlsx$/i.test(v.save))
    throw new CliError(
      `--save writes an Excel workbook: give a path ending in .xlsx, not "${v.save}".`,
    );
  const people = wholeNumber('--clients', v.clients ?? env.PREVIEW_CLIENTS, 1, 100_000);
  // npm runs the script in the package folder; INIT_CWD is where the person typed `npm start`.
  const here = (path: string | undefined) =>
    path === undefined ? undefined : resolve(env.INIT_CWD ?? process.cwd(), path);
  return {
    port: wholeNumber('--port', v.port ?? env.PORT, 0, 65_535),
    clients: v.file === undefined ? { people: people ?? 300 } : undefined,
    file: here(v.file),
    sheet: v.sheet,
    locale: v.locale,
    keepText: v['keep-text'] ?? false,
    save: here(v.save),
    outbox: here(v.outbox),
  };
}
