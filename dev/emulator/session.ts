// Emulated Session: who is running the script, the script time zone and the user's locale.
import { type Kernel } from './kernel';

export interface SessionControl {
  userEmail: string;
  /** Consumer accounts often get '' from getActiveUser().getEmail() (another domain, add-on, trigger). */
  activeUserHidden: boolean;
  scriptTimeZone: string;
  locale: string;
  setUser(email: string): void;
  setActiveUserHidden(hidden: boolean): void;
}

export function createSession(
  kernel: Kernel,
  options: { userEmail: string; scriptTimeZone: string },
) {
  const control: SessionControl = {
    userEmail: options.userEmail,
    activeUserHidden: false,
    scriptTimeZone: options.scriptTimeZone,
    locale: 'en',
    setUser(email) {
      control.userEmail = email;
    },
    setActiveUserHidden(hidden) {
      control.activeUserHidden = hidden;
    },
  };

  const user = (email: () => string) =>
    kernel.wrap<GoogleAppsScript.Base.User>('Session', 'User', {
      getEmail: email,
      toString: email,
    });

  // In AuthMode.NONE only the user's locale is available (editor-auth-lifecycle table).
  const USER_DATA = ['LIMITED', 'FULL', 'CUSTOM_FUNCTION'] as const;
  const EMAIL_SCOPE = ['https://www.googleapis.com/auth/userinfo.email'];

  const Session = kernel.wrap<GoogleAppsScript.Base.Session>('Session', 'Session', {
    getActiveUser() {
      kernel.requireAuth('Session.getActiveUser', [...USER_DATA], EMAIL_SCOPE);
      return user(() => (control.activeUserHidden ? '' : control.userEmail));
    },
    getEffectiveUser() {
      kernel.requireAuth('Session.getEffectiveUser', [...USER_DATA], EMAIL_SCOPE);
      return user(() => control.userEmail);
    },
    getScriptTimeZone: () => control.scriptTimeZone,
    getActiveUserLocale: () => control.locale,
    getTemporaryActiveUserKey() {
      kernel.requireAuth('Session.getTemporaryActiveUserKey', [...USER_DATA]);
      // Stable per user (the real key rotates every 30 days), opaque, not the email.
      let h = 5381;
      for (const c of control.userEmail) h = ((h * 33) ^ c.charCodeAt(0)) >>> 0;
      return `AKkey${h.toString(36)}`;
    },
  });
  return { Session, control };
}
