// Pins user properties per user: the emulator's Session user decides whose store a script sees.
import { createEmulator } from '../../dev/emulator';

// "Gets a property store that only the current user can access, and only within this script."
// https://developers.google.com/apps-script/reference/properties/properties-service#getUserProperties()
test('each user has their own user properties; document properties are shared', () => {
  const emu = createEmulator({ userEmail: 'ann@example.com' });
  const PropertiesService = emu.globals
    .PropertiesService as GoogleAppsScript.Properties.PropertiesService;
  emu.run(() => {
    PropertiesService.getUserProperties().setProperty('k', 'ann');
    PropertiesService.getDocumentProperties().setProperty('d', 'shared');
  });
  emu.session.setUser('bob@example.com');
  emu.run(() => {
    expect(PropertiesService.getUserProperties().getProperty('k')).toBeNull();
    expect(PropertiesService.getDocumentProperties().getProperty('d')).toBe('shared');
    PropertiesService.getUserProperties().setProperty('k', 'bob');
  });
  expect(emu.properties.get('user', 'k')).toBe('bob');
  emu.session.setUser('ann@example.com');
  emu.run(() => expect(PropertiesService.getUserProperties().getProperty('k')).toBe('ann'));
  expect(emu.properties.all('user')).toEqual({ k: 'ann' });
});
