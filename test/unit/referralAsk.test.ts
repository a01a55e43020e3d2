// The referral ask rule over a simulated year of touches: never on the first reconnect touch, never in Recovery, never within M days of the last ask, and not periodic.
import { ASK_CHANCE, askAdvice, draw, lastAsks, type AskFacts } from '../../src/core/referralAsk';
import { addDays, daysBetween } from '../../src/core/dates';

/** A small seeded generator for the simulation itself (not the rule's draw). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Ask {
  client: string;
  day: string;
  facts: AskFacts;
}

/** A year of touches for `clients` clients; returns every touch's facts and the asks suggested. */
function simulate(seed: string, clients = 300, gapDays = 60, every?: number) {
  const random = rng(42);
  const touches: AskFacts[] = [];
  const asks: Ask[] = [];
  for (let c = 0; c < clients; c++) {
    const id = `C-${c}`;
    let day = addDays('2026-01-01', Math.floor(random() * 30));
    const facts: AskFacts = {
      clientId: id,
      status: 'To reconnect',
      touches: 0,
      lastContact: '2022-05-01',
      lastAsk: null,
    };
    while (day < '2027-01-01') {
      touches.push({ ...facts });
      const advice = askAdvice(facts, { today: day, gapDays, seed });
      if (advice.suggest) {
        asks.push({ client: id, day, facts: { ...facts } });
        facts.lastAsk = day;
      }
      // The touch: reached (Reconnected), or a problem raised (Recovery for a while), or solved.
      const roll = random();
      if (facts.status === 'Recovery') facts.status = roll < 0.5 ? 'Reconnected' : 'Recovery';
      else facts.status = roll < 0.1 ? 'Recovery' : 'Reconnected';
      facts.touches += 1;
      facts.lastContact = day;
      day = addDays(day, every ?? 7 + Math.floor(random() * 50));
    }
  }
  return { touches, asks };
}

const gaps = (asks: Ask[]): number[] => {
  const out: number[] = [];
  const byClient = new Map<string, string[]>();
  for (const a of asks) byClient.set(a.client, [...(byClient.get(a.client) ?? []), a.day]);
  for (const days of byClient.values())
    for (let i = 1; i < days.length; i++) out.push(daysBetween(days[i - 1], days[i]));
  return out;
};

describe('the ask rule over a simulated year', () => {
  const { touches, asks } = simulate('sheet-1');

  test('asks happen, but only on some of the warm touches', () => {
    const warm = touches.filter((f) => f.status === 'Reconnected' && f.touches > 0);
    expect(asks.length).toBeGreaterThan(200);
    expect(asks.length).toBeLessThan(warm.length / 2);
  });

  test('never on the first reconnect touch', () => {
    expect(asks.filter((a) => a.facts.touches === 0 || a.facts.status !== 'Reconnected')).toEqual(
      [],
    );
  });

  test('never to a client in Recovery', () => {
    expect(asks.filter((a) => a.facts.status === 'Recovery')).toEqual([]);
    // Recovery clients were touched: the rule had the chance to get it wrong.
    expect(touches.filter((f) => f.status === 'Recovery').length).toBeGreaterThan(100);
  });

  test('never within 60 days of the last ask', () => {
    const all = gaps(asks);
    expect(all.length).toBeGreaterThan(100);
    expect(Math.min(...all)).toBeGreaterThanOrEqual(60);
  });

  test('not periodic: the gaps between asks vary widely, even for clients touched like clockwork', () => {
    const varied = gaps(asks);
    expect(new Set(varied).size).toBeGreaterThan(30);
    const clockwork = gaps(simulate('sheet-1', 100, 60, 14).asks);
    // Touched exactly every 14 days: asks still land at 70, 84, 98... days, never one fixed rhythm.
    expect(new Set(clockwork).size).toBeGreaterThanOrEqual(4);
    const mean = clockwork.reduce((a, b) => a + b, 0) / clockwork.length;
    const sd = Math.sqrt(clockwork.reduce((a, b) => a + (b - mean) ** 2, 0) / clockwork.length);
    expect(sd / mean).toBeGreaterThan(0.1);
  });

  test('M is a setting: with 120 days, no two asks are closer than 120 days', () => {
    expect(Math.min(...gaps(simulate('sheet-1', 150, 120).asks))).toBeGreaterThanOrEqual(120);
  });

  test('seeded: the same seed gives the same asks, another seed other asks', () => {
    const again = simulate('sheet-1').asks.map((a) => `${a.client}@${a.day}`);
    expect(again).toEqual(asks.map((a) => `${a.client}@${a.day}`));
    const other = simulate('sheet-2').asks.map((a) => `${a.client}@${a.day}`);
    expect(other).not.toEqual(again);
  });
});

test('the draw is uniform enough: about ASK_CHANCE of days pass', () => {
  let pass = 0;
  for (let i = 0; i < 20000; i++) if (draw(`s|C-${i % 97}|day${i}`) < ASK_CHANCE) pass += 1;
  expect(pass / 20000).toBeGreaterThan(ASK_CHANCE - 0.02);
  expect(pass / 20000).toBeLessThan(ASK_CHANCE + 0.02);
});

test('the reasons, in words', () => {
  const ctx = { today: '2026-06-01', gapDays: 60, seed: 's' };
  const warm: AskFacts = {
    clientId: 'C-1',
    status: 'Reconnected',
    touches: 3,
    lastContact: '2026-05-01',
    lastAsk: '2026-05-01',
  };
  expect(askAdvice({ ...warm, status: 'Recovery' }, ctx).why).toMatch(/^In Recovery/);
  expect(askAdvice({ ...warm, touches: 0, status: '' }, ctx).why).toMatch(/first reconnect touch/);
  expect(askAdvice({ ...warm, lastContact: '2024-01-01' }, ctx).why).toMatch(/over a year/);
  expect(askAdvice(warm, ctx).why).toBe('Asked 31 days ago: not within 60 days of the last ask.');
});

test('the last ask per client counts asks and promises, fulfilled ones too, not referrals received', () => {
  const last = lastAsks([
    { clientId: 'C-1', date: '2026-01-01', status: 'Asked', count: null },
    { clientId: 'C-1', date: '2026-03-01', status: 'Received', count: 2 },
    { clientId: 'C-1', date: '2026-04-01', status: 'Received', count: null },
    { clientId: 'C-2', date: '2026-02-01', status: 'Promised', count: 1 },
  ]);
  expect(Object.fromEntries(last)).toEqual({ 'C-1': '2026-03-01', 'C-2': '2026-02-01' });
});
