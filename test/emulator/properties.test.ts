// Pins PropertiesService: strings only, null when absent, the documented limits and message, no access in NONE.
import { Clock, Kernel } from '../../dev/emulator/kernel';
import { createProperties, PROPERTY_QUOTA } from '../../dev/emulator/properties';

function setup(mode: 'NONE' | 'LIMITED' | 'FULL' = 'FULL') {
  const kernel = new Kernel(new Clock());
  const { PropertiesService, control } = createProperties(kernel);
  kernel.beginExecution(mode);
  return { kernel, PropertiesService, control };
}

describe('Properties', () => {
  it('stores strings only and returns null for a missing key (guides/properties)', () => {
    const { PropertiesService } = setup();
    const props = PropertiesService.getDocumentProperties();
    expect(props.getProperty('missing')).toBeNull();
    props.setProperty('n', 42 as unknown as string);
    props.setProperty('flag', true as unknown as string);
    expect(props.getProperty('n')).toBe('42');
    expect(props.getProperty('flag')).toBe('true');
    expect(props.getKeys().sort()).toEqual(['flag', 'n']);
  });

  it('setProperties merges, or replaces everything with deleteAllOthers', () => {
    const { PropertiesService } = setup();
    const props = PropertiesService.getUserProperties();
    props.setProperty('keep', 'x');
    props.setProperties({ a: '1', b: 2 as unknown as string });
    expect(props.getProperties()).toEqual({ keep: 'x', a: '1', b: '2' });
    props.setProperties({ only: 'y' }, true);
    expect(props.getProperties()).toEqual({ only: 'y' });
    props.deleteProperty('only');
    expect(props.getProperties()).toEqual({});
  });

  it('keeps the three stores apart and persists across executions', () => {
    const { kernel, PropertiesService, control } = setup();
    PropertiesService.getScriptProperties().setProperty('k', 'script');
    PropertiesService.getUserProperties().setProperty('k', 'user');
    kernel.endExecution();
    kernel.beginExecution('FULL');
    expect(PropertiesService.getScriptProperties().getProperty('k')).toBe('script');
    expect(PropertiesService.getDocumentProperties().getProperty('k')).toBeNull();
    expect(control.get('user', 'k')).toBe('user');
    PropertiesService.getUserProperties().deleteAllProperties();
    expect(control.all('user')).toEqual({});
  });

  it('refuses a value over 9 KB with the storage quota message (quotas page: 9 KB / val)', () => {
    const { PropertiesService, control } = setup();
    const props = PropertiesService.getScriptProperties();
    expect(() => props.setProperty('big', 'x'.repeat(9 * 1024))).not.toThrow();
    expect(() => props.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow(PROPERTY_QUOTA);
    // Multi-byte characters count in UTF-8 bytes.
    expect(() => props.setProperty('big', 'é'.repeat(4700))).toThrow(PROPERTY_QUOTA);
    expect(props.getProperty('big')).toBe('x'.repeat(9 * 1024));
    control.enforceValueLimit = false;
    expect(() => props.setProperty('big', 'x'.repeat(20 * 1024))).not.toThrow();
  });

  it('refuses to grow a store past 500 KB of keys + values, leaving it unchanged', () => {
    // Message reported in public issue threads; 500 KB counts key + value bytes (tanaikech 2023 report).
    const { PropertiesService, control } = setup();
    const props = PropertiesService.getScriptProperties();
    const value = 'v'.repeat(9000);
    for (let i = 0; i < 56; i++) props.setProperty(`key${String(i).padStart(2, '0')}`, value);
    expect(control.bytes('script')).toBe(56 * (5 + 9000));
    expect(() => props.setProperty('key56', value)).toThrow(
      'You have exceeded the property storage quota. Please remove some properties and try again.',
    );
    expect(props.getProperty('key56')).toBeNull();
    expect(() => props.setProperties({ a: value, b: value })).toThrow(PROPERTY_QUOTA);
    expect(props.getKeys()).toHaveLength(56);
  });

  it('is not available in AuthMode.NONE (editor-auth-lifecycle table) but is in LIMITED', () => {
    expect(() => setup('NONE').PropertiesService.getDocumentProperties()).toThrow(/permission/);
    // The refusal follows the observed "You do not have permission to call X." form; these calls need
    // no scope, so none is named [unverified: no report of the NONE-mode text for PropertiesService].
    expect(() => setup('NONE').PropertiesService.getUserProperties()).toThrow(
      'You do not have permission to call PropertiesService.getUserProperties.',
    );
    expect(setup('LIMITED').PropertiesService.getDocumentProperties().getProperty('x')).toBeNull();
  });

  it('getDocumentProperties is null when the script is not bound to a document', () => {
    const { PropertiesService, control } = setup();
    control.documentBound = false;
    expect(PropertiesService.getDocumentProperties()).toBeNull();
  });
});
