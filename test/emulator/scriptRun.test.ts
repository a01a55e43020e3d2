// Pins the google.script.run value rules (guides/html/communication; enuchi/React-Google-Apps-Script#28).
import {
  CONCURRENT_CALLS,
  toClient,
  toServer,
  waitForCallsAtOnce,
} from '../../dev/emulator/scriptRun';

describe('toServer: what the client may send', () => {
  it('copies primitives, plain objects and arrays; the server gets a copy', () => {
    const query = {
      sort: 'priority',
      limit: 20,
      tags: ['a', 'b'],
      nested: { ok: true, none: null },
    };
    const [copy] = toServer([query]);
    expect(copy).toEqual(query);
    expect(copy).not.toBe(query);
  });

  it('undefined inside arrays becomes null; undefined fields are dropped', () => {
    expect(toServer([[1, undefined, 3], { a: undefined, b: 1 }])).toEqual([[1, null, 3], { b: 1 }]);
  });

  it.each([
    ['a Date', [new Date()]],
    ['a Date inside an object', [{ when: new Date() }]],
    ['a Date inside an array', [[1, [new Date()]]]],
    ['a function', [() => 1]],
    ['a function inside an object', [{ f() {} }]],
    ['a DOM node', [{ nodeType: 1, nodeName: 'DIV' }]],
    ['a Map', [new Map()]],
  ])('fails for %s', (_what, args) => {
    expect(() => toServer(args)).toThrow(/illegal value/);
  });

  it('fails for a circular reference', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    expect(() => toServer([a])).toThrow(/circular/);
  });

  it('a shared (non-circular) object is fine', () => {
    const shared = { x: 1 };
    expect(toServer([{ a: shared, b: shared }])).toEqual([{ a: { x: 1 }, b: { x: 1 } }]);
  });
});

describe('toClient: what the success handler receives', () => {
  it('a Date anywhere in the return value makes the whole value null (Range.getValues note)', () => {
    expect(toClient([['Ann', new Date()]])).toBeNull();
    expect(toClient({ items: [{ last: new Date() }], total: 1 })).toBeNull();
    expect(toClient(new Date())).toBeNull();
  });

  it('ISO strings travel fine; undefined in arrays becomes null, undefined fields vanish', () => {
    expect(toClient({ last: '2026-11-25', items: [1, undefined], gone: undefined })).toEqual({
      last: '2026-11-25',
      items: [1, null],
    });
    expect(toClient(undefined)).toBeUndefined();
    expect(toClient(null)).toBeNull();
    expect(toClient('text')).toBe('text');
  });
});

// "google.script.run allows 10 concurrent calls. If you make an 11th call while 10 are still
// running, the server function will be delayed until one of the 10 spots is freed."
// (https://developers.google.com/apps-script/guides/html/reference/run)
describe('calls made at once: up to 10 run side by side, the 11th waits for a free spot', () => {
  it('8 calls take as long as the longest; 11 equal calls take two rounds', () => {
    expect(waitForCallsAtOnce([300, 900, 500, 400, 400, 400, 400, 400])).toBe(900);
    expect(CONCURRENT_CALLS).toBe(10);
    expect(waitForCallsAtOnce(Array<number>(11).fill(100))).toBe(200);
    expect(waitForCallsAtOnce(Array<number>(10).fill(100))).toBe(100);
  });

  it('the 11th starts when the first running call ends, not when all do; none is no wait', () => {
    expect(waitForCallsAtOnce([100, ...Array<number>(9).fill(1000), 500])).toBe(1000);
    expect(waitForCallsAtOnce([100, 200, 50], 1)).toBe(350);
    expect(waitForCallsAtOnce([])).toBe(0);
  });
});
