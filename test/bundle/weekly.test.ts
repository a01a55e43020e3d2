// The shipped bundle runs the weekly batches: saveSchedule and getSchedule as globals, and runScheduledBatch fired by the trigger in the vm, with the manifest's scopes, without the document context.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEmulator } from '../../dev/emulator';
import { loadBundle } from '../../dev/emulator/vm';
import { STANDARD_HEADERS } from '../../src/core/columns';

const root = join(__dirname, '..', '..');
let code = '';
beforeAll(() => {
  execFileSync(process.execPath, [join(root, 'esbuild.config.js')], { cwd: root, stdio: 'pipe' });
  code = readFileSync(join(root, 'dist/Code.js'), 'utf8');
});

it('runScheduledBatch is a global the trigger calls, and a week goes out from dist/Code.js', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'dist/appsscript.json'), 'utf8')) as {
    oauthScopes: string[];
  };
  const emu = createEmulator({
    htmlDir: join(root, 'dist'),
    now: '2026-11-29T15:00:00Z',
    scopes: manifest.oauthScopes,
  });
  const headers = [...STANDARD_HEADERS];
  const rows = Array.from({ length: 12 }, (_, i) =>
    headers.map((h) => {
      if (h === 'Client ID') return `C-${i + 1}`;
      if (h === 'Name') return `Client ${i + 1}`;
      if (h === 'Email') return `c${i + 1}@example.com`;
      if (h === 'Last Contact') return new Date('2024-03-01T12:00:00Z');
      if (h === 'Value') return 100 - i;
      return '';
    }),
  );
  emu.sheets.setSheet('Clients', [headers, ...rows], { frozenRows: 1 });
  emu.triggers.triggerHasDocument = false;
  const addon = loadBundle(emu, code);
  expect(addon.globalFunctions()).toEqual(
    expect.arrayContaining(['runScheduledBatch', 'getSchedule', 'saveSchedule']),
  );
  addon.call('saveSettings', [{ myName: 'Sam Carter' }]);
  const view = addon.call('saveSchedule', [
    {
      day: 'MONDAY',
      hour: 9,
      size: 5,
      template: { source: 'sheet', name: 'Reconnect apology' },
      cadenceTemplate: null,
      mode: 'send',
      afterCampaign: 'stop',
      summaryEmail: false,
      paused: false,
    },
  ]) as { active: boolean; campaign: { remaining: number; expectedDone: string } };
  expect(view).toMatchObject({
    active: true,
    campaign: { remaining: 12, expectedDone: '2026-12-14' },
  });
  const ran = emu.triggers.runUntil(Date.parse('2026-12-01T00:00:00Z'));
  expect(ran.filter((r) => r.error)).toEqual([]);
  expect(ran.map((r) => r.trigger.handler)).toEqual(['runScheduledBatch']);
  expect(emu.mail.sent.map((m) => m.to)).toEqual([
    'c1@example.com',
    'c2@example.com',
    'c3@example.com',
    'c4@example.com',
    'c5@example.com',
  ]);
  expect(emu.sheets.values('Activity')).toHaveLength(2);
});
