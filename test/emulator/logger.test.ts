// Pins Logger and console: lines captured with level and clock time, Logger's format arguments, console.time.
import { Clock, Kernel } from '../../dev/emulator/kernel';
import { createLogger } from '../../dev/emulator/logger';

function setup() {
  const kernel = new Kernel(new Clock('2026-11-25T15:00:00Z'));
  const logger = createLogger(kernel);
  kernel.beginExecution('FULL');
  return { kernel, ...logger };
}

describe('Logger', () => {
  it('logs data, or a format string with values (Logger.log reference)', () => {
    const { Logger, control } = setup();
    Logger.log('plain');
    Logger.log('%s sent, %d left', 'Ann', 99);
    Logger.log({ a: 1 } as unknown as string);
    expect(control.lines.map((l) => l.text)).toEqual(['plain', 'Ann sent, 99 left', '{"a":1}']);
    expect(control.lines[0]).toMatchObject({
      source: 'Logger',
      level: 'info',
      at: '2026-11-25T15:00:00.000Z',
    });
    expect(Logger.getLog()).toContain('INFO: Ann sent, 99 left');
  });
});

describe('console', () => {
  it('captures each level and measures time on the emulator clock', () => {
    const { kernel, console: gasConsole, control } = setup();
    gasConsole.log('a', 1);
    gasConsole.info('b');
    gasConsole.warn('c');
    gasConsole.error('d', { x: 2 });
    gasConsole.time('batch');
    kernel.clock.advance(1500);
    gasConsole.timeEnd('batch');
    expect(control.lines.map((l) => [l.level, l.text])).toEqual([
      ['log', 'a 1'],
      ['info', 'b'],
      ['warn', 'c'],
      ['error', 'd { x: 2 }'],
      ['log', 'batch: 1500ms'],
    ]);
    expect(control.text()).toContain('batch: 1500ms');
    expect(kernel.count('console.log')).toBe(1);
  });
});
