// The boundary checks: wrong types, ranges, unknown and prototype keys answered in words.
import {
  InputError,
  bool,
  civilDate,
  list,
  num,
  object,
  oneOf,
  optional,
  text,
  variant,
} from '../../src/core/schema';

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

describe('dates', () => {
  const date = civilDate({ notAfter: '2026-11-25' });
  it.each([
    ['1000-01-01', 'input.date is 1000-01-01; dates before 1900 are not accepted.'],
    ['1899-12-31', 'input.date is 1899-12-31; dates before 1900 are not accepted.'],
    ['2026-11-26', 'input.date is 2026-11-26, after 2026-11-25; give a date up to 2026-11-25.'],
    ['2025-02-29', 'input.date should be a date as yyyy-MM-dd, not the text "2025-02-29".'],
    ['11/25/2026', 'input.date should be a date as yyyy-MM-dd, not the text "11/25/2026".'],
    [20261125, 'input.date should be a date as yyyy-MM-dd, not the number 20261125.'],
  ])('refuses %j', (value, message) => {
    expect(() => date(value, 'input.date')).toThrow(message);
  });
  it('accepts real dates from 1900 to the limit', () => {
    expect(date('1900-01-01', 'd')).toBe('1900-01-01');
    expect(date('2024-02-29', 'd')).toBe('2024-02-29');
    expect(date('2026-11-25', 'd')).toBe('2026-11-25');
    expect(civilDate()('2100-12-31', 'd')).toBe('2100-12-31');
    expect(() => civilDate()('2101-01-01', 'd')).toThrow(InputError);
  });
});

describe('variant', () => {
  const who = variant('kind', {
    top: object({ kind: text(), count: num({ min: 1 }) }),
    clients: object({ kind: text(), ids: list(text()) }),
  });
  it('checks the shape its kind names', () => {
    expect(who({ kind: 'top', count: 3 }, 'r')).toEqual({ kind: 'top', count: 3 });
    expect(() => who({ kind: 'clients', ids: 'C-1' }, 'r')).toThrow(
      'r.ids should be a list, not the text "C-1".',
    );
  });
  it.each([
    [{ kind: 'everyone' }, 'r.kind should be one of top, clients, not the text "everyone".'],
    [{ kind: 'constructor' }, 'r.kind should be one of top, clients, not the text "constructor".'],
    [{}, 'r.kind should be one of top, clients, not nothing (left out).'],
    ['top', 'r should be an object, not the text "top".'],
  ])('refuses %j', (value, message) => {
    expect(() => who(value, 'r')).toThrow(message);
  });
});
