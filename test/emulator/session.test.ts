// Pins Session: user email (hidden on consumer accounts), script time zone, locale, NONE-mode limits.
import { Clock, Kernel } from '../../dev/emulator/kernel';
import { createSession } from '../../dev/emulator/session';

function setup(mode: 'NONE' | 'FULL' = 'FULL') {
  const kernel = new Kernel(new Clock());
  const session = createSession(kernel, {
    userEmail: 'owner@example.com',
    scriptTimeZone: 'Europe/Paris',
  });
  kernel.beginExecution(mode);
  return { kernel, ...session };
}

describe('Session', () => {
  it('reports the active and effective user, script time zone and locale', () => {
    const { Session } = setup();
    expect(Session.getActiveUser().getEmail()).toBe('owner@example.com');
    expect(Session.getEffectiveUser().getEmail()).toBe('owner@example.com');
    expect(Session.getScriptTimeZone()).toBe('Europe/Paris');
    expect(Session.getActiveUserLocale()).toBe('en');
    expect(Session.getTemporaryActiveUserKey()).toMatch(/^AKkey/);
  });

  it('getActiveUser can be blank while getEffectiveUser is not (consumer accounts, triggers)', () => {
    const { Session, control } = setup();
    control.setActiveUserHidden(true);
    expect(Session.getActiveUser().getEmail()).toBe('');
    expect(Session.getEffectiveUser().getEmail()).toBe('owner@example.com');
    control.setUser('other@example.com');
    expect(Session.getEffectiveUser().getEmail()).toBe('other@example.com');
  });

  it('in AuthMode.NONE only the locale (and time zone) are available (editor-auth-lifecycle)', () => {
    const { Session } = setup('NONE');
    expect(Session.getActiveUserLocale()).toBe('en');
    expect(() => Session.getActiveUser()).toThrow(/permission/);
    expect(() => Session.getEffectiveUser()).toThrow(/permission/);
  });
});
