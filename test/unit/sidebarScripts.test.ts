// The call scripts' wording: the gap said softly ("almost five years"), the exact figure left to the card.
import { callScript, scriptKindFor, spokenSince } from '../../sidebar/scripts';
import type { CallListItem } from '../../src/shared/api';

describe('spokenSince', () => {
  it.each([
    [null, ''],
    [10, 'a few weeks'],
    [100, 'about three months'],
    [240, 'about eight months'],
    [335, 'almost a year'],
    [365, 'about a year'],
    [520, 'over a year'],
    [700, 'almost two years'],
    [1000, 'over two years'],
    [1795, 'almost five years'],
    [1820, 'almost five years'],
    [4400, 'about twelve years'],
    [5300, 'over 14 years'],
  ])('%s days is "%s"', (days, words) => {
    expect(spokenSince(days)).toBe(words);
  });
});

describe('callScript', () => {
  const item = {
    name: 'Peter Larsen',
    firstName: 'Peter',
    daysSinceContact: 1820,
    sinceWords: '4 years, 11 months',
    cadence: '',
    recovery: false,
    status: '',
    touches: 0,
  } as CallListItem;

  it('mentions the gap once, rounded, and never the exact months', () => {
    const said = callScript('first', item, 'Dana')
      .steps.map((s) => s.say ?? '')
      .join(' ');
    expect(said).toContain("Hi Peter, it's Dana.");
    expect(said).toContain('it has been almost five years since we last spoke');
    expect(said).not.toContain('11 months');
    expect(said.match(/years/g)).toHaveLength(1);
  });

  it('falls back to words that fit a client never contacted', () => {
    const said = callScript('first', { ...item, daysSinceContact: null, sinceWords: '' })
      .steps.map((s) => s.say ?? '')
      .join(' ');
    expect(said).toContain('it has been far too long since we last spoke');
    expect(said).toContain("it's me (say your name and business)");
  });
});

describe('the follow-up script right after a call', () => {
  const base = {
    name: 'Peter Larsen',
    firstName: 'Peter',
    status: 'Reconnected',
    touches: 1,
    recovery: false,
    cadence: 'Yearly',
  } as CallListItem;
  it.each([0, 3])('%s days after: no "a few weeks"', (days) => {
    const text = callScript('followUp', { ...base, daysSinceContact: days })
      .steps.map((s) => s.say ?? '')
      .join(' ');
    expect(text).not.toContain('a few weeks');
    expect(text).toContain(days === 0 ? 'earlier today' : 'a few days ago');
  });
});

describe('which script a client gets', () => {
  const base = { status: '', recovery: false, touches: 0, lastTry: null } as CallListItem;
  it('tried but never reached: still the first call', () => {
    const tried = {
      ...base,
      touches: 1,
      lastTry: { date: '2026-11-25', outcome: 'no answer', attempts: 1 },
    };
    expect(scriptKindFor(tried)).toBe('first');
  });
  it('reached before, or touches from the sheet with no log: the follow-up', () => {
    expect(scriptKindFor({ ...base, status: 'Reconnected' })).toBe('followUp');
    expect(scriptKindFor({ ...base, touches: 3 })).toBe('followUp');
  });
});
