// getClientHistory: the last touches of one client from the recent end of the Touches log, attempts since the last conversation, argument checked (issue 11, card history).
import { getClientHistory } from '../../src/app/clientHistory';
import { logTouch } from '../../src/app/touches';
import { HEADERS, day, row, useEmulator } from './clientsHelpers';

const t = useEmulator();

function seed(): void {
  t.emu.sheets.setSheet(
    'Clients',
    [HEADERS, row('C-1', 'Zoe Adams', day('2021-05-01'), 300), row('C-2', 'Abe Brown', '', 20)],
    { frozenRows: 1 },
  );
  t.emu.sheets.setSheet('Touches', [
    ['Date', 'Client ID', 'Client', 'Channel', 'Outcome', 'Notes', 'Step', 'Logged by', 'Touch ID'],
    [day('2021-05-01'), 'C-1', 'Zoe Adams', 'call', 'reached', 'Wants quarterly', '', '', 'T-1'],
    [day('2026-11-20'), 'C-2', 'Abe Brown', 'call', 'no answer', '', '', '', 'T-2'],
    [day('2026-11-21'), 'C-1', 'Zoe Adams', 'email', 'sent', '', 'Reconnect apology', '', 'T-3'],
  ]);
}

test('the last touches, newest first, with attempts since the last conversation', () => {
  seed();
  logTouch({ clientId: 'C-1', channel: 'call', outcome: 'no answer' });
  logTouch({ clientId: 'C-1', channel: 'voicemail', outcome: 'voicemail', notes: 'Left my cell' });
  const history = getClientHistory('C-1');
  expect(history.touches.map((h) => [h.date, h.channel, h.outcome, h.notes])).toEqual([
    ['2026-11-25', 'voicemail', 'voicemail', 'Left my cell'],
    ['2026-11-25', 'call', 'no answer', ''],
    ['2026-11-21', 'email', 'sent', 'Reconnect apology'],
    ['2021-05-01', 'call', 'reached', 'Wants quarterly'],
  ]);
  expect(history.attempts).toBe(2);
  expect(history.lastOutcome).toBe('voicemail');
  expect(history.lastConversation).toBe('2021-05-01');
});

test('a client with no touches, and arguments that are not a Client ID', () => {
  seed();
  expect(getClientHistory('C-9')).toEqual({
    clientId: 'C-9',
    touches: [],
    attempts: 0,
    lastOutcome: '',
    lastConversation: null,
  });
  expect(() => getClientHistory('' as string)).toThrow(/clientId/);
  expect(() => getClientHistory({} as unknown as string)).toThrow(/clientId/);
});
