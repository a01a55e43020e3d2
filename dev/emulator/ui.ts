// Emulated Ui (SpreadsheetApp.getUi()): menus, sidebars, dialogs, and alerts/prompts answered by the test's script.
import { gasError, makeEnum, type EnumValue, type Kernel } from './kernel';
import { htmlOutputState } from './html';

const Button = makeEnum('Button', ['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']);
const ButtonSet = makeEnum('ButtonSet', ['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL']);
type ButtonName = 'CLOSE' | 'OK' | 'CANCEL' | 'YES' | 'NO';
const BUTTONS_OF: Record<string, ButtonName[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

/**
 * One line of a menu. Every entry has a label and a functionName so lists read simply; a separator
 * has both '' and a submenu has its caption as label, '' as functionName and its own items.
 */
export interface MenuEntry {
  type: 'item' | 'separator' | 'submenu';
  label: string;
  functionName: string;
  items?: MenuEntry[];
}

export interface AddedMenu {
  kind: 'addon' | 'menu';
  caption: string;
  items: MenuEntry[];
}

export interface Shown {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttons: string;
  answer: ButtonName;
  text: string | null;
}

export interface UiControl {
  /** Menus added with addToUi(), latest version of each (re-adding the same menu replaces it). */
  readonly menus: AddedMenu[];
  /** The add-on menu's items, or null if none was added. */
  readonly addonMenu: MenuEntry[] | null;
  /** The open sidebar (always 300 px wide). */
  sidebar: { title: string; html: string; width: 300 } | null;
  readonly dialogs: Array<{
    modal: boolean;
    title: string;
    html: string;
    width: number;
    height: number;
  }>;
  readonly alerts: Shown[];
  /** Queues the user's answer to the next alert or prompt (CLOSE = the user closed it). */
  answer(button: ButtonName, text?: string): void;
  /** Answers still queued (a test should leave none). */
  readonly pending: number;
  clear(): void;
}

/** Only the button name of an enum value or string. */
function nameOf(value: unknown): string {
  if (typeof value === 'object' && value !== null && 'name' in value)
    return String((value as EnumValue).name);
  return String(value);
}

export function createUi(kernel: Kernel) {
  let menus: AddedMenu[] = [];
  const dialogs: UiControl['dialogs'] = [];
  const alerts: Shown[] = [];
  const answers: Array<{ button: ButtonName; text: string | null }> = [];

  const control: UiControl = {
    get menus() {
      return menus;
    },
    get addonMenu() {
      return menus.find((m) => m.kind === 'addon')?.items ?? null;
    },
    sidebar: null,
    dialogs,
    alerts,
    answer(button, text) {
      answers.push({ button, text: text ?? null });
    },
    get pending() {
      return answers.length;
    },
    clear() {
      menus = [];
      control.sidebar = null;
      dialogs.length = 0;
      alerts.length = 0;
      answers.length = 0;
    },
  };

  function menu(kind: 'addon' | 'menu', caption: string): GoogleAppsScript.Base.Menu {
    const items: MenuEntry[] = [];
    const self: GoogleAppsScript.Base.Menu = kernel.wrap('Ui', 'Menu', {
      _items: items,
      addItem(label: string, functionName: string) {
        items.push({ type: 'item', label: String(label), functionName: String(functionName) });
        return self;
      },
      addSeparator() {
        items.push({ type: 'separator', label: '', functionName: '' });
        return self;
      },
      addSubMenu(sub: { _items?: MenuEntry[]; _caption?: string }) {
        const caption = sub._caption ?? '';
        items.push({
          type: 'submenu',
          label: caption,
          functionName: '',
          items: [...(sub._items ?? [])],
        });
        return self;
      },
      _caption: caption,
      addToUi() {
        const added: AddedMenu = { kind, caption, items: [...items] };
        const same = menus.findIndex((m) => m.kind === kind && m.caption === caption);
        if (same >= 0) menus[same] = added;
        else menus.push(added);
      },
    });
    return self;
  }

  function refuseInLimitedModes(member: string): void {
    if (kernel.authMode === 'NONE' || kernel.authMode === 'LIMITED') {
      // "Add-ons can't open sidebars or dialogs while executing in AuthMode.LIMITED" (editor-auth-lifecycle).
      throw gasError(
        `You do not have permission to call ${member}. Add-ons can't open sidebars or dialogs while executing in AuthMode.${kernel.authMode}.`,
      );
    }
  }

  function show(
    kind: 'alert' | 'prompt',
    args: unknown[],
  ): { button: ButtonName; text: string | null } {
    if (kernel.authMode === 'CUSTOM_FUNCTION')
      throw gasError(`You do not have permission to call Ui.${kind}.`);
    let title = '';
    let prompt: string;
    let buttons = 'OK';
    if (args.length >= 3) {
      [title, prompt, buttons] = [String(args[0]), String(args[1]), nameOf(args[2])];
    } else if (args.length === 2 && typeof args[1] !== 'string') {
      [prompt, buttons] = [String(args[0]), nameOf(args[1])];
    } else if (args.length === 2) {
      [title, prompt] = [String(args[0]), String(args[1])];
    } else {
      prompt = String(args[0] ?? '');
    }
    const allowed = BUTTONS_OF[buttons];
    if (!allowed) throw gasError(`Invalid argument: buttons`);
    const queued = answers.shift();
    let answer: { button: ButtonName; text: string | null };
    if (queued) {
      if (queued.button !== 'CLOSE' && !allowed.includes(queued.button)) {
        throw new Error(
          `Apps Script emulator: the scripted answer ${queued.button} is not a button of the ${kind} "${prompt}" (${buttons})`,
        );
      }
      answer = queued;
    } else if (kind === 'alert' && buttons === 'OK') {
      answer = { button: 'OK', text: null };
    } else {
      throw new Error(
        `Apps Script emulator: the ${kind} "${title ? `${title}: ` : ''}${prompt}" (${buttons}) has no scripted answer; call ui.answer(...) first`,
      );
    }
    alerts.push({ kind, title, prompt, buttons, answer: answer.button, text: answer.text });
    return answer;
  }

  const Ui = kernel.wrap<GoogleAppsScript.Base.Ui>('Ui', 'Ui', {
    Button,
    ButtonSet,
    createAddonMenu: () => menu('addon', 'Add-on'),
    createMenu: (caption: string) => menu('menu', String(caption)),
    alert(...args: unknown[]) {
      return Button[show('alert', args).button];
    },
    prompt(...args: unknown[]) {
      const answer = show('prompt', args);
      return kernel.wrap('Ui', 'PromptResponse', {
        getResponseText: () => answer.text ?? '',
        getSelectedButton: () => Button[answer.button],
      });
    },
    showSidebar(userInterface: unknown) {
      refuseInLimitedModes('Ui.showSidebar');
      const state = htmlOutputState(userInterface);
      if (!state) throw gasError('Invalid argument: userInterface');
      // "All sidebars shown by scripts are 300 pixels wide" (Ui.showSidebar reference).
      control.sidebar = { title: state.title, html: state.content, width: 300 };
    },
    showModalDialog(userInterface: unknown, title: string) {
      refuseInLimitedModes('Ui.showModalDialog');
      const state = htmlOutputState(userInterface);
      if (!state) throw gasError('Invalid argument: userInterface');
      dialogs.push({
        modal: true,
        title: String(title),
        html: state.content,
        width: state.width,
        height: state.height,
      });
    },
    showModelessDialog(userInterface: unknown, title: string) {
      refuseInLimitedModes('Ui.showModelessDialog');
      const state = htmlOutputState(userInterface);
      if (!state) throw gasError('Invalid argument: userInterface');
      dialogs.push({
        modal: false,
        title: String(title),
        html: state.content,
        width: state.width,
        height: state.height,
      });
    },
  });
  return { Ui, control };
}
