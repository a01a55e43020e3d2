// Turning payload values into words for the sidebar: money in the sheet's currency, counts, and server errors in plain language.
import {
  isMultipleAccountsError,
  MULTIPLE_ACCOUNTS_ADVICE,
  MULTIPLE_ACCOUNTS_MESSAGE,
} from '../src/shared/permissions';

const moneyFormats = new Map<string, Intl.NumberFormat | null>();

function moneyFormat(currency: string): Intl.NumberFormat | null {
  const code = (currency || 'USD').trim().toUpperCase();
  if (!moneyFormats.has(code)) {
    let format: Intl.NumberFormat | null = null;
    if (/^[A-Z]{3}$/.test(code)) {
      try {
        format = new Intl.NumberFormat(undefined, {
          style: 'currency',
          currency: code,
          maximumFractionDigits: 0,
        });
      } catch {
        format = null;
      }
    }
    moneyFormats.set(code, format);
  }
  return moneyFormats.get(code) ?? null;
}

/** "$1,200" for USD; a symbol such as "€" or an unknown code is put in front of the grouped number. */
export function formatMoney(value: number | null, currency: string): string {
  if (value === null || !Number.isFinite(value)) return '';
  const format = moneyFormat(currency);
  if (format) return format.format(value);
  const number = Math.round(value).toLocaleString();
  const symbol = (currency || '').trim();
  if (!symbol) return number;
  return symbol.length === 1 ? `${symbol}${number}` : `${symbol} ${number}`;
}

export function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}

// Links are built by the one address check the server uses (src/shared/email.ts): a bad address shows no link.
export { mailtoHref, telHref } from '../src/shared/email';

/** What went wrong, in plain words, and what the user can do about it. */
export interface PlainError {
  message: string;
  advice: string;
  /** The one button that helps most. */
  action: 'settings' | 'retry' | 'reopen';
}

export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  return 'Something went wrong.';
}

export function explainError(error: unknown): PlainError {
  const raw = errorText(error)
    .replace(/^Exception:\s*/, '')
    .trim();
  const message = raw || 'Something went wrong.';
  if (/column|header/i.test(raw)) {
    return { message, advice: 'Open Settings to map your columns.', action: 'settings' };
  }
  if (/sheet/i.test(raw) && /(not found|no sheet|missing|deleted|does not exist)/i.test(raw)) {
    return {
      message,
      advice: 'Open Settings to choose your client sheet, or use Set up client sheet in the menu.',
      action: 'settings',
    };
  }
  if (/lock timeout|another process/i.test(raw)) {
    return {
      message: 'The sheet is busy with another update.',
      advice: 'Wait a few seconds and try again.',
      action: 'retry',
    };
  }
  if (/maximum execution time|timed out/i.test(raw)) {
    return {
      message: 'The sheet took too long to answer.',
      advice: 'Try again. If it keeps happening, a smaller sheet or a filter will help.',
      action: 'retry',
    };
  }
  if (isMultipleAccountsError(raw)) {
    return {
      message: MULTIPLE_ACCOUNTS_MESSAGE,
      advice: MULTIPLE_ACCOUNTS_ADVICE,
      action: 'reopen',
    };
  }
  if (/authori[sz]ation|permission/i.test(raw)) {
    return {
      message: 'Reconnect needs your permission again.',
      advice: 'Close this sidebar and open it again from Extensions > Reconnect.',
      action: 'reopen',
    };
  }
  if (/not connected|no function|failed to fetch|network/i.test(raw)) {
    return {
      message: 'The sidebar lost its connection to the spreadsheet.',
      advice: 'Close the sidebar and open it again from Extensions > Reconnect.',
      action: 'reopen',
    };
  }
  return {
    message,
    advice: 'Try again. If it keeps happening, close the sidebar and open it again.',
    action: 'retry',
  };
}
