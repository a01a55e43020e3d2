// Fixtures for the weekly-batch tests: a client sheet with a campaign and cadence clients, the manifest's scopes, the trigger with or without the document context.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEmulator, installGlobals, type Emulator } from '../../dev/emulator';
import { STANDARD_HEADERS } from '../../src/core/columns';
import type { Schedule } from '../../src/shared/scheduleApi';
import { getSchedule, saveSchedule } from '../../src/app/schedule';
import { runScheduledBatch } from '../../src/app/weeklyRun';

export const HEADERS = [...STANDARD_HEADERS];
const col = (h: string) => HEADERS.indexOf(h);
const manifest = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'appsscript.json'), 'utf8'),
) as { oauthScopes: string[] };

export interface WeeklyClient {
  id: string;
  name: string;
  email?: string;
  phone?: string;
  lastContact?: string | null;
  value?: number;
  cadence?: string;
  doNotContact?: boolean;
}

export function row(c: WeeklyClient): unknown[] {
  const r: unknown[] = HEADERS.map(() => '');
  r[col('Client ID')] = c.id;
  r[col('Name')] = c.name;
  r[col('Email')] = c.email ?? '';
  r[col('Phone')] = c.phone ?? '';
  r[col('Last Contact')] = c.lastContact ? new Date(`${c.lastContact}T12:00:00Z`) : '';
  r[col('Value')] = c.value ?? '';
  r[col('Cadence')] = c.cadence ?? '';
  r[col('Touches')] = 0;
  r[col('Do Not Contact')] = c.doNotContact ?? false;
  return r;
}

/**
 * 300 clients: 55 silent six months or more (the campaign; 3 without an email address, 1 Do Not
 * Contact) spread over the recency groups with distinct values, and 245 contacted in the last
 * months, 60 of them on a Quarterly cadence that falls due during the eight weeks.
 */
export function threeHundred(): WeeklyClient[] {
  const out: WeeklyClient[] = [];
  const silent = ['2026-03-10', '2025-06-10', '2024-06-10', '2021-06-10', null];
  for (let i = 0; i < 55; i++) {
    out.push({
      id: `C-${String(i + 1).padStart(4, '0')}`,
      name: `Silent ${i + 1}`,
      email: i % 20 === 7 ? '' : `silent${i + 1}@example.com`,
      phone: `555-01${String(i).padStart(2, '0')}`,
      lastContact: silent[i % 5],
      value: 1000 + ((i * 37) % 97) * 10,
      doNotContact: i === 11,
    });
  }
  for (let i = 0; i < 245; i++) {
    const quarterly = i < 60;
    // Quarterly clients last reached 80..139 days before 2026-11-29: due from now to mid-January.
    const daysAgo = quarterly ? 80 + i : 20 + (i % 100);
    const last = new Date(Date.UTC(2026, 10, 29) - daysAgo * 86400000).toISOString().slice(0, 10);
    out.push({
      id: `R-${String(i + 1).padStart(4, '0')}`,
      name: `Recent ${i + 1}`,
      email: `recent${i + 1}@example.com`,
      phone: `555-02${String(i).padStart(2, '0')}`,
      lastContact: last,
      value: 500 + i,
      cadence: quarterly ? 'Quarterly' : '',
    });
  }
  return out;
}

export const SCHEDULE: Schedule = {
  day: 'MONDAY',
  hour: 9,
  size: 10,
  template: { source: 'sheet', name: 'Reconnect apology' },
  cadenceTemplate: { source: 'sheet', name: 'Post-purchase check-in' },
  mode: 'send',
  afterCampaign: 'cadence',
  summaryEmail: true,
  paused: false,
};

export interface WeeklyWorld {
  emu: Emulator;
  uninstall(): void;
  run<T>(fn: () => T): T;
  save(schedule?: Partial<Schedule>): ReturnType<typeof getSchedule>;
  view(): ReturnType<typeof getSchedule>;
  /** Fires every trigger due until the instant; throws if a run threw. */
  until(iso: string): void;
  table(sheet: string): Record<string, unknown>[];
  /** Addresses the merge reached (the owner's own summary emails left out). */
  recipients(): string[];
  summaries(): Array<{ subject: string; body: string }>;
}

/** Sunday 29 November 2026, 10:00 in New York; `document` says whether a timed run has the document context. */
export function weeklyWorld(
  clients: WeeklyClient[],
  options: { document: boolean; now?: string; quota?: number; timeZone?: string },
): WeeklyWorld {
  const emu = createEmulator({
    now: options.now ?? '2026-11-29T15:00:00Z',
    scopes: manifest.oauthScopes,
    dailyEmailQuota: options.quota ?? 100,
    spreadsheetTimeZone: options.timeZone ?? 'America/New_York',
  });
  emu.sheets.setSheet('Clients', [HEADERS, ...clients.map(row)], { frozenRows: 1 });
  emu.triggers.triggerHasDocument = options.document;
  // The trigger calls the handler by name, as Apps Script calls the global.
  (emu.globals as Record<string, unknown>).runScheduledBatch = runScheduledBatch;
  const uninstall = installGlobals(emu);
  emu.run(() =>
    PropertiesService.getDocumentProperties()!.setProperty(
      'reconnect.settings',
      JSON.stringify({ myName: 'Sam Carter' }),
    ),
  );
  const table = (name: string) => {
    if (!emu.sheets.sheetNames().includes(name)) return [];
    const [header, ...rows] = emu.sheets.values(name);
    return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
  };
  const owner = 'owner@example.com';
  return {
    emu,
    uninstall,
    run: (fn) => emu.run(fn),
    save: (s = {}) => emu.run(() => saveSchedule({ ...SCHEDULE, ...s })),
    view: () => emu.run(() => getSchedule()),
    until(iso) {
      const ran = emu.triggers.runUntil(Date.parse(iso));
      const failed = ran.find((r) => r.error);
      if (failed) throw failed.error;
    },
    table,
    recipients: () => emu.mail.sent.map((m) => m.to).filter((to) => to !== owner),
    summaries: () =>
      emu.mail.sent
        .filter((m) => m.to === owner)
        .map((m) => ({ subject: m.subject, body: m.body })),
  };
}
