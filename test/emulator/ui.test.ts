// Pins Ui: menus recorded, sidebars 300 px and refused in NONE/LIMITED, alerts and prompts answered by the test.
import { Clock, Kernel } from '../../dev/emulator/kernel';
import { createHtmlService } from '../../dev/emulator/html';
import { createUi } from '../../dev/emulator/ui';

function setup(mode: 'NONE' | 'LIMITED' | 'FULL' = 'FULL') {
  const kernel = new Kernel(new Clock());
  const { Ui, control } = createUi(kernel);
  const { HtmlService } = createHtmlService(kernel, { dir: '.' });
  kernel.beginExecution(mode);
  return { kernel, Ui, control, HtmlService };
}

describe('menus', () => {
  it('records the add-on menu with items, separators and submenus once addToUi is called', () => {
    const { Ui, control } = setup('NONE');
    const sub = Ui.createMenu('More').addItem('Settings', 'openSettings');
    const menu = Ui.createAddonMenu()
      .addItem('Open call list', 'openCallList')
      .addSeparator()
      .addSubMenu(sub);
    // "The menu isn't actually updated until Menu.addToUi() is called" (Ui.createAddonMenu reference).
    expect(control.addonMenu).toBeNull();
    menu.addToUi();
    expect(control.addonMenu).toEqual([
      { type: 'item', label: 'Open call list', functionName: 'openCallList' },
      { type: 'separator', label: '', functionName: '' },
      {
        type: 'submenu',
        label: 'More',
        functionName: '',
        items: [{ type: 'item', label: 'Settings', functionName: 'openSettings' }],
      },
    ]);
    // onOpen runs again on every open: re-adding replaces, never duplicates.
    Ui.createAddonMenu().addItem('Open call list', 'openCallList').addToUi();
    expect(control.menus).toHaveLength(1);
  });
});

describe('sidebars and dialogs', () => {
  it('a sidebar is always 300 px wide (Ui.showSidebar reference)', () => {
    const { Ui, control, HtmlService } = setup();
    Ui.showSidebar(HtmlService.createHtmlOutput('<p>x</p>').setTitle('Reconnect').setWidth(800));
    expect(control.sidebar).toEqual({ title: 'Reconnect', html: '<p>x</p>', width: 300 });
  });

  it.each(['NONE', 'LIMITED'] as const)(
    'sidebars and dialogs are refused in AuthMode.%s (editor-auth-lifecycle)',
    (mode) => {
      const { Ui, control, HtmlService } = setup(mode);
      const html = HtmlService.createHtmlOutput('x');
      expect(() => Ui.showSidebar(html)).toThrow(
        `Add-ons can't open sidebars or dialogs while executing in AuthMode.${mode}`,
      );
      expect(() => Ui.showModalDialog(html, 'T')).toThrow(/permission/);
      expect(() => Ui.showModelessDialog(html, 'T')).toThrow(/permission/);
      expect(control.sidebar).toBeNull();
    },
  );

  it('records modal and modeless dialogs with their size', () => {
    const { Ui, control, HtmlService } = setup();
    Ui.showModalDialog(HtmlService.createHtmlOutput('m').setWidth(400).setHeight(200), 'Confirm');
    Ui.showModelessDialog(HtmlService.createHtmlOutput('n'), 'Help');
    expect(control.dialogs).toEqual([
      { modal: true, title: 'Confirm', html: 'm', width: 400, height: 200 },
      { modal: false, title: 'Help', html: 'n', width: 600, height: 400 },
    ]);
  });
});

describe('alerts and prompts', () => {
  it('an OK-only alert without a scripted answer returns OK; every overload is recorded', () => {
    const { Ui, control } = setup();
    expect(Ui.alert('Saved')).toBe(Ui.Button.OK);
    control.answer('NO');
    expect(Ui.alert('Send 12 emails?', Ui.ButtonSet.YES_NO)).toBe(Ui.Button.NO);
    control.answer('YES');
    expect(Ui.alert('Reconnect', 'Send 12 emails?', Ui.ButtonSet.YES_NO_CANCEL)).toBe(
      Ui.Button.YES,
    );
    expect(control.alerts.map((a) => [a.title, a.prompt, a.buttons, a.answer])).toEqual([
      ['', 'Saved', 'OK', 'OK'],
      ['', 'Send 12 emails?', 'YES_NO', 'NO'],
      ['Reconnect', 'Send 12 emails?', 'YES_NO_CANCEL', 'YES'],
    ]);
  });

  it('a question nobody scripted an answer for fails clearly, naming it', () => {
    const { Ui } = setup();
    expect(() => Ui.alert('Delete all?', Ui.ButtonSet.YES_NO)).toThrow(
      /"Delete all\?" \(YES_NO\) has no scripted answer/,
    );
    expect(() => Ui.prompt('Your name?')).toThrow(/no scripted answer/);
  });

  it('refuses a scripted answer that is not one of the buttons', () => {
    const { Ui, control } = setup();
    control.answer('CANCEL');
    expect(() => Ui.alert('Continue?', Ui.ButtonSet.YES_NO)).toThrow(/not a button/);
  });

  it('prompt returns the scripted text and button', () => {
    const { Ui, control } = setup();
    control.answer('OK', 'Quarterly');
    const response = Ui.prompt('Cadence', 'How often?', Ui.ButtonSet.OK_CANCEL);
    expect(response.getResponseText()).toBe('Quarterly');
    expect(response.getSelectedButton()).toBe(Ui.Button.OK);
    control.answer('CLOSE');
    expect(Ui.prompt('Again?').getSelectedButton()).toBe(Ui.Button.CLOSE);
    expect(control.pending).toBe(0);
  });
});
