// A1 notation for the emulated Sheets: column letters, parsing 'A1:B2' / 'A:B' / '2:3' / "'My sheet'!A1", and printing.

export interface A1Box {
  row: number;
  col: number;
  /** null: open-ended (runs to the last row / column of the grid). */
  numRows: number | null;
  numCols: number | null;
}

export function columnLetter(col: number): string {
  let out = '';
  let n = col;
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const CELL = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

interface Ref {
  col: number | null;
  row: number | null;
}

function parseRef(text: string): Ref | null {
  const m = CELL.exec(text);
  if (!m || (!m[1] && !m[2])) return null;
  const row = m[2] ? Number(m[2]) : null;
  if (row === 0) return null;
  return { col: m[1] ? columnNumber(m[1]) : null, row };
}

/** Splits "'My sheet'!A1:B2" into the sheet name (or null) and the cell part. */
export function splitSheetName(a1: string): { sheet: string | null; cells: string } {
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return { sheet: null, cells: a1.trim() };
  let sheet = a1.slice(0, bang).trim();
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) {
    sheet = sheet.slice(1, -1).replace(/''/g, "'");
  }
  return { sheet, cells: a1.slice(bang + 1).trim() };
}

/** Parses the cell part of an A1 notation; null when it is not valid A1. */
export function parseA1(cells: string): A1Box | null {
  const parts = cells.split(':');
  if (parts.length > 2 || parts.some((p) => p === '')) return null;
  const a = parseRef(parts[0]);
  if (!a) return null;
  if (parts.length === 1) {
    if (a.col === null || a.row === null) return null;
    return { row: a.row, col: a.col, numRows: 1, numCols: 1 };
  }
  const b = parseRef(parts[1]);
  if (!b) return null;
  // 'A:B' (whole columns), '2:3' (whole rows), 'A2:B' (open-ended rows).
  if (a.col === null && b.col === null) {
    if (a.row === null || b.row === null) return null;
    const top = Math.min(a.row, b.row);
    return { row: top, col: 1, numRows: Math.abs(a.row - b.row) + 1, numCols: null };
  }
  if (a.col === null || b.col === null) return null;
  const left = Math.min(a.col, b.col);
  const numCols = Math.abs(a.col - b.col) + 1;
  if (a.row === null && b.row === null) return { row: 1, col: left, numRows: null, numCols };
  if (a.row === null || b.row === null) {
    const top = (a.row ?? b.row) as number;
    return { row: top, col: left, numRows: null, numCols };
  }
  const top = Math.min(a.row, b.row);
  return { row: top, col: left, numRows: Math.abs(a.row - b.row) + 1, numCols };
}

export function a1Notation(row: number, col: number, numRows: number, numCols: number): string {
  const start = `${columnLetter(col)}${row}`;
  if (numRows === 1 && numCols === 1) return start;
  return `${start}:${columnLetter(col + numCols - 1)}${row + numRows - 1}`;
}

/** Quotes a sheet name for "'Sheet name'!A1" when Sheets would. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
