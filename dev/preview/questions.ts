// Alerts and prompts the add-on asks in the preview: recognising an unanswered one, and what the run had already changed before asking.

export type ButtonName = 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE';

const BUTTON_SETS: Record<string, ButtonName[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

/** A question waiting for the person using the preview. */
export interface Question {
  id: number;
  kind: 'alert' | 'prompt';
  /** "Title: message", as the emulator reports it. */
  message: string;
  buttons: ButtonName[];
  /** The server function that asked (a menu item or a sidebar call). */
  functionName: string;
  /** Sheet, mail or property writes the run made before it asked (they run again with the answer). */
  wroteFirst: string[];
}

/**
 * The emulator runs a script synchronously, so it cannot wait for a person: an alert with more than
 * OK, or a prompt, without a queued ui.answer() throws this text (dev/emulator/ui.ts). The preview
 * recognises it, asks the person, queues the answer and runs the same function again.
 */
const UNANSWERED =
  /^Apps Script emulator: the (alert|prompt) "([\s\S]*)" \((OK|OK_CANCEL|YES_NO|YES_NO_CANCEL)\) has no scripted answer/;

export function unansweredQuestion(
  error: string | undefined,
): Pick<Question, 'kind' | 'message' | 'buttons'> | null {
  const match = error ? UNANSWERED.exec(error) : null;
  if (!match) return null;
  return {
    kind: match[1] as Question['kind'],
    message: match[2],
    buttons: BUTTON_SETS[match[3]],
  };
}

/** Whether `button` may answer `question` (CLOSE is closing the dialog, always possible). */
export function isAnswer(question: Question, button: unknown): button is ButtonName {
  return button === 'CLOSE' || question.buttons.includes(button as ButtonName);
}

// Members that change the spreadsheet, send mail or store properties; Ui, Menu and HtmlOutput calls do not.
const WRITE = /\.(set|append|insert|delete|clear|remove|sort|hide|show|copy|move|send|createDraft)/;
const NOT_DATA = /^(Ui|Menu|HtmlOutput|HtmlTemplate|HtmlService|PromptResponse)\./;

/** The write methods called between two kernel.snapshot()s, with how many times. */
export function writesBetween(
  before: Record<string, number>,
  after: Record<string, number>,
): string[] {
  return Object.entries(after)
    .filter(([key, count]) => count > (before[key] ?? 0) && WRITE.test(key) && !NOT_DATA.test(key))
    .map(([key, count]) => `${key} x${count - (before[key] ?? 0)}`);
}
