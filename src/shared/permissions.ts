// Permission failures in words a person can act on: a declined scope (granular consent) and the several-accounts failure of google.script.run.

/** What each scope lets Reconnect do, as Google's consent screen names it. */
const SCOPE_NAMES: Record<string, string> = {
  'https://mail.google.com/':
    'Read, compose, send and permanently delete all your email from Gmail',
  'https://www.googleapis.com/auth/script.send_mail': 'Send email as you',
  'https://www.googleapis.com/auth/script.scriptapp':
    'Allow this application to run when you are not present',
  'https://www.googleapis.com/auth/spreadsheets.currentonly':
    'View and manage spreadsheets that this application has been installed in',
};

/**
 * A call refused for a scope the user did not grant ("You do not have permission to call X.
 * Required permissions: S" / "Specified permissions are not sufficient to call X. Required
 * permissions: S"): which permission the feature needs and how to grant it; null for other errors.
 * Granular consent lets a user grant only some scopes (Google Workspace Updates, January 2025).
 */
export function declinedPermission(message: string, feature: string): string | null {
  const m =
    /(?:do not have permission|permissions are not sufficient)[^]*?Required permissions: \(?([^\s)]+)/i.exec(
      message,
    );
  if (!m) return null;
  const scope = m[1].replace(/[.,]$/, '');
  const name = SCOPE_NAMES[scope] ?? scope;
  return (
    `${feature} needs the permission "${name}", which was not granted. The rest of Reconnect keeps working. ` +
    'To grant it, open Extensions > Reconnect again and tick that permission when Google asks ' +
    '(or remove Reconnect at myaccount.google.com/permissions, then open it again).'
  );
}

/**
 * Signed into several Google accounts, a browser makes every google.script.run call of an add-on
 * fail: "ScriptError: We're sorry, a server error occurred while reading from storage. Error code
 * PERMISSION_DENIED." or "Authorization is required to perform that action." (Google issue tracker
 * 69270374; enuchi/React-Google-Apps-Script#46; alexwforsythe/code-blocks#53).
 */
export function isMultipleAccountsError(message: string): boolean {
  return /PERMISSION_DENIED|Authorization is required to perform that action/i.test(message);
}

export const MULTIPLE_ACCOUNTS_MESSAGE =
  'Google could not tell which of your accounts is running Reconnect.';
export const MULTIPLE_ACCOUNTS_ADVICE =
  'This happens when the browser is signed into several Google accounts. Open the spreadsheet in a private (incognito) window signed into one account only, or sign out of the other accounts, then reload the sidebar.';
