// The preview's spreadsheet and socket: the client sheet as a user would have it, and a server bound to this machine only.
import type { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Emulator } from '../emulator';
import { demoClientRows, generatedClientRows, type Cell } from './demo';
import { peopleClientRows } from './demoPeople';

/** Which client sheet: the small demo (undefined), `n` uniform generated ones, `{people: n}` invented people, or given rows. */
export type ClientsOption = number | { people: number } | Cell[][] | undefined;

function clientRows(clients: ClientsOption, now: Date): Cell[][] {
  if (clients === undefined) return demoClientRows(now);
  if (typeof clients === 'number') return generatedClientRows(clients, now);
  if (!Array.isArray(clients)) return peopleClientRows(clients.people, now);
  return clients;
}

/** Puts the client sheet in the emulator's spreadsheet. */
export function fillWorkbook(emulator: Emulator, clients: ClientsOption): void {
  const now = new Date(emulator.clock.nowMs());
  const rows = clientRows(clients, now);
  emulator.sheets.setSheet('Clients', rows, { frozenRows: 1 });
  formatClientSheet(emulator, rows);
  // The empty starting sheet of a new spreadsheet is not the client database.
  if (emulator.sheets.sheetNames().includes('Sheet1')) {
    emulator.run(() => {
      const book = emulator.sheets.active();
      const blank = book.getSheetByName('Sheet1');
      if (blank) book.deleteSheet(blank);
    });
  }
}

/** Date and currency formats on the demo's columns, as a user's own sheet would have them. */
function formatClientSheet(emulator: Emulator, rows: Cell[][]): void {
  const header = (rows[0] ?? []).map(String);
  const body = rows.length - 1;
  if (body < 1) return;
  const formats: Array<[string, string]> = [
    ['Last Contact', 'yyyy-mm-dd'],
    ['Value', '$#,##0'],
  ];
  emulator.run(() => {
    const sheet = emulator.sheets.active().getSheetByName('Clients');
    if (!sheet) return;
    for (const [name, format] of formats) {
      const column = header.indexOf(name) + 1;
      if (column > 0) sheet.getRange(2, column, body, 1).setNumberFormat(format);
    }
  });
}

/** Listens on 127.0.0.1 only; a busy default port falls back to any free one. */
export function listen(server: ReturnType<typeof createServer>, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' && port !== 0) {
        server.listen(0, '127.0.0.1');
      } else reject(error);
    };
    server.on('error', onError);
    server.on('listening', () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
    server.listen(port, '127.0.0.1');
  });
}
