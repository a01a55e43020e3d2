// The call scripts, personalised per client: the first reconnect call, a follow-up (with a referral ask when the rule suggests one), and open questions for Recovery.
import type { CallListItem } from '../src/shared/api';
import { timeInWords } from '../src/shared/timeWords';

export type ScriptKind = 'first' | 'followUp' | 'recovery';

export const SCRIPT_TITLES: Record<ScriptKind, string> = {
  first: 'First call',
  followUp: 'Follow-up',
  recovery: 'Recovery',
};

/** One step of a script: `say` is spoken, `tip` is a reminder for the caller. */
export interface ScriptStep {
  say?: string;
  tip?: string;
}

export interface CallScript {
  kind: ScriptKind;
  title: string;
  steps: ScriptStep[];
}

/** Which script fits this client now: Recovery first, then whether they were ever reconnected. */
export function scriptKindFor(item: CallListItem): ScriptKind {
  if (item.recovery) return 'recovery';
  if (item.status === 'Reconnected') return 'followUp';
  // Only tried (no answer, voicemail): nobody has spoken yet, so it is still the first call.
  const onlyTries = !!item.lastTry && item.lastTry.attempts >= item.touches;
  return item.touches > 0 && !onlyTries ? 'followUp' : 'first';
}

function whoIAm(myName: string): string {
  return myName.trim() ? `it's ${myName.trim()}` : "it's me (say your name and business)";
}

/** The gap as one says it on the phone (src/shared/timeWords.ts, shared with {{Time Since Contact}}). */
export const spokenSince = timeInWords;

function since(item: CallListItem, fallback: string): string {
  return spokenSince(item.daysSinceContact) || fallback;
}

export function callScript(kind: ScriptKind, item: CallListItem, myName = ''): CallScript {
  const first = item.firstName || item.name || 'there';
  const me = whoIAm(myName);
  switch (kind) {
    case 'first':
      return {
        kind,
        title: SCRIPT_TITLES.first,
        steps: [
          { say: `Hi ${first}, ${me}. Have you got a couple of minutes?` },
          {
            say: `You came to mind this week, and I realised it has been ${since(item, 'far too long')} since we last spoke.`,
          },
          {
            say: "That's my fault, and I'm sorry. Letting good clients go quiet isn't the way I want to run my business.",
          },
          {
            say: "I'm calling because I want to do better, and to stay in touch properly from now on.",
          },
          {
            tip: 'Keep it short: mention the gap once and move on. No pitch and no referral request today.',
          },
          {
            say: 'How often would you like to hear from me: every quarter, twice a year, or once a year?',
          },
          {
            say: 'Is there anything I can help you with right now? Happy to introduce you to someone, or send you something useful.',
          },
          {
            tip: 'Offer something of value: an introduction, an article they would enjoy, or a small, easy-to-use thank-you.',
          },
          {
            tip: "If a problem comes up, stop and listen, apologise, and tick 'They raised a problem' when you log the call.",
          },
        ],
      };
    case 'followUp':
      return {
        kind,
        title: SCRIPT_TITLES.followUp,
        steps: [
          { say: `Hi ${first}, ${me}. I said I'd keep in touch, so here I am.` },
          { say: sinceWeTalked(item) },
          {
            tip: 'Listen for changes and new needs. If a need comes up, understand it before offering anything: what is the issue, what does it affect, how much does it matter to them?',
          },
          { say: 'Is there anything we could be doing better for you?' },
          {
            tip: 'Note anything that went especially well for them with you: those stories make referrals easy later.',
          },
          ...referralAskSteps(item),
          {
            say: `Still happy to hear from me ${item.cadence ? cadenceWords(item.cadence) : 'on the same rhythm'}?`,
          },
          {
            tip: 'After the call, send a short note summarising what they shared, with your contact details.',
          },
        ],
      };
    case 'recovery':
      return {
        kind,
        title: SCRIPT_TITLES.recovery,
        steps: [
          { say: `Hi ${first}, ${me}. I wanted to check in after what you told me last time.` },
          { say: 'How have things been since we spoke?' },
          { say: 'How did our service feel from your side, and where could it have been better?' },
          { say: 'What would it take for us to put this right?' },
          { say: 'What would you need to see from us to feel comfortable working with us again?' },
          {
            tip: 'Apologise sincerely and listen. Ask for nothing: no business, no referrals, until the problem is solved.',
          },
          {
            tip: "When it is solved, untick 'The problem is still open' as you log the call: they leave Recovery.",
          },
        ],
      };
  }
}

/** Right after a call the gap is days, not weeks: said as such. */
function sinceWeTalked(item: CallListItem): string {
  const days = item.daysSinceContact;
  if (days !== null && days <= 0)
    return 'Thanks again for talking with me earlier today. How are things?';
  if (days !== null && days < 7)
    return 'We spoke a few days ago, and I wanted to follow up. How have things been?';
  return `It's been ${since(item, 'a little while')} since we talked. How have things been?`;
}

function cadenceWords(cadence: string): string {
  const lower = cadence.trim().toLowerCase();
  if (lower === 'quarterly') return 'every quarter';
  if (lower === 'twice a year') return 'twice a year';
  if (lower === 'yearly') return 'once a year';
  if (/^\d+$/.test(lower)) return `every ${lower} days`;
  return lower;
}

/** The one sentence the follow-up email can add when an ask is suggested: specific, time-bound, easy. */
export const FOLLOW_UP_ASK_LINE =
  'If one or two people come to mind over the next week who could use the kind of help we gave you, just reply with their names and I will look after them as well as I looked after you.';

/**
 * A referral ask, only when the server's rule suggests one today (never on the first reconnect
 * touch, never in Recovery, not within the set days of the last ask, and at random): specific
 * (one or two people), time-bound (over the next week), and easy to act on.
 */
export function referralAskSteps(item: CallListItem): ScriptStep[] {
  if (!item.referralAsk?.suggest || item.recovery) return [];
  return [
    {
      tip: 'Referral ask (suggested today): ask once, clearly, then let it go. If they say yes, record it with "Promised referrals".',
    },
    {
      say: 'I am growing mainly through people who already know our work. Could you think of one or two people over the next week who might benefit from what we did for you?',
    },
    {
      say: 'Would you be happy for me to check back with you next week, or would you rather send me their details?',
    },
    { tip: `In the follow-up email, add: "${FOLLOW_UP_ASK_LINE}"` },
  ];
}
