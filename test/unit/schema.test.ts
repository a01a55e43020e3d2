// The boundary checks: wrong types, ranges, unknown and prototype keys answered in words.
import { InputError, bool, list, num, object, oneOf, optional, text } from '../../src/core/schema';

const touch = object({
  clientId: text({ nonEmpty: true }),
  notes: optional(text({ max: 5 })),
  count: optional(num({ min: 1, max: 9, integer: true })),
  kind: optional(oneOf(['a', 'b'] as const)),
  ids: optional(list(text(), { max: 2 })),
  ok: optional(bool),
});

describe('schema', () => {
  it('returns the checked value without unknown keys', () => {
    expect(touch({ clientId: 'C-1', notes: 'hi', ids: ['x'] }, 'input')).toEqual({
      clientId: 'C-1',
      notes: 'hi',
      ids: ['x'],
    });
  });
  it.each([
    [{ clientId: 5 }, 'input.clientId should be text, not the number 5.'],
    [{ clientId: ' ' }, 'input.clientId is empty.'],
    [{ clientId: 'C', notes: '123456' }, 'input.notes is 6 characters long; the most is 5.'],
    [{ clientId: 'C', count: 1.5 }, 'input.count should be a whole number, not the number 1.5.'],
    [{ clientId: 'C', count: 10 }, 'input.count should be at most 9, not 10.'],
    [{ clientId: 'C', kind: 'z' }, 'input.kind should be one of a, b, not the text "z".'],
    [{ clientId: 'C', ids: 'C-1' }, 'input.ids should be a list, not the text "C-1".'],
    [{ clientId: 'C', ids: ['a', 'b', 'c'] }, 'input.ids has 3 items; the most is 2.'],
    [{ clientId: 'C', ok: 1 }, 'input.ok should be true or false, not the number 1.'],
    [{ clientId: 'C', constructor: 1 }, 'input has an unknown field "constructor"'],
    [null, 'input should be an object, not nothing (null).'],
  ])('refuses %j', (value, message) => {
    expect(() => touch(value, 'input')).toThrow(InputError);
    expect(() => touch(value, 'input')).toThrow(message);
  });
  it('never takes a prototype from "__proto__" in JSON', () => {
    const hostile = JSON.parse('{"clientId":"C","__proto__":{"polluted":true}}');
    expect(() => touch(hostile, 'input')).toThrow('unknown field "__proto__"');
    const lenient = object({ clientId: text() }, { allowExtra: true })(hostile, 'input');
    expect(Object.getPrototypeOf(lenient)).toBe(Object.prototype);
    expect((lenient as Record<string, unknown>).polluted).toBeUndefined();
  });
});
