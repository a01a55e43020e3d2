// Pins the google.script.run value rules (guides/html/communication; enuchi/React-Google-Apps-Script#28).
import { toClient, toServer } from '../../dev/emulator/scriptRun';

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
