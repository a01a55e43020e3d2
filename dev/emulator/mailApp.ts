// MailApp's methods: sendEmail in each documented overload, and the remaining recipients quota.
import { gasError } from './kernel';
import type { Options } from './mailMessage';

interface MailAppDeps {
  guard(member: string): void;
  sendMessage(to: unknown, subject: unknown, body: unknown, opts?: Options): void;
  remaining(): number;
}

export function mailAppImpl(deps: MailAppDeps) {
  const { guard, sendMessage } = deps;
  return {
    sendEmail(...args: unknown[]): void {
      guard('MailApp.sendEmail');
      if (args.length === 1 && typeof args[0] === 'object' && args[0] !== null) {
        const m = args[0] as Options & { to?: string; subject?: string; body?: string };
        sendMessage(m.to, m.subject, m.body, m);
        return;
      }
      if (args.length === 4 && typeof args[3] === 'object' && args[3] !== null) {
        sendMessage(args[0], args[1], args[2], args[3] as Options);
        return;
      }
      if (args.length === 4) {
        // sendEmail(to, replyTo, subject, body)
        sendMessage(args[0], args[2], args[3], { replyTo: String(args[1]) });
        return;
      }
      if (args.length === 3) {
        sendMessage(args[0], args[1], args[2]);
        return;
      }
      const types = args.map((a) => typeof a).join(',');
      throw gasError(
        `The parameters (${types}) don't match the method signature for MailApp.sendEmail.`,
      );
    },
    getRemainingDailyQuota(): number {
      guard('MailApp.getRemainingDailyQuota');
      return deps.remaining();
    },
  };
}
