// The merge templates: the built-in ones (written from the playbook), the Templates sheet's rows, and how a template is picked.
import { AUDIENCE_LABELS, parseAudience, type Audience } from './audience';

export { AUDIENCE_LABELS, parseAudience, type Audience };

export type TemplateChannel = 'email' | 'letter';

export interface Template {
  name: string;
  subject: string;
  /** Plain text with {{tags}}; blank lines separate paragraphs. */
  body: string;
  /** HTML body, only for Gmail-draft templates. */
  htmlBody: string | null;
  channel: TemplateChannel;
  notes: string;
  source: 'sheet' | 'draft';
  /** Who the template is for; absent means anyone (a Gmail draft, an old sheet row). */
  audience?: Audience;
  /** A Gmail draft template: its ID, and the names of the files it carries (kept on every email). */
  draftId?: string;
  files?: { attachments: string[]; inlineImages: string[] };
}

export const TEMPLATE_SHEET = 'Templates';
export const TEMPLATE_HEADERS = [
  'Name',
  'Subject',
  'Body',
  'Channel',
  'Notes',
  'Audience',
] as const;

const email = (
  name: string,
  subject: string,
  body: string[],
  notes: string,
  audience: Audience,
): Template => ({
  name,
  subject,
  body: body.join('\n'),
  htmlBody: null,
  channel: 'email',
  notes,
  source: 'sheet',
  audience,
});

/**
 * The built-in templates, in the order of the playbook. They use only the standard columns and the
 * derived tags, so they work on any client sheet; the user edits them freely in the Templates sheet.
 */
export const BUILT_IN_TEMPLATES: readonly Template[] = [
  email(
    'Reconnect apology',
    'It has been too long',
    [
      'Hi {{First Name|there}},',
      '',
      'You came to mind this week, and I realised it has been {{Time Since Contact|far too long}} since we were last in touch. That is on me, and I am sorry: letting good relationships go quiet is not how I want to run my business, and I am going to do better.',
      '',
      'I am not writing to offer you anything or to ask for anything. I simply wanted to say hello, and thank you for the trust you gave us.',
      '',
      'One small question, if you have a moment: how often would you like to hear from me? Every quarter, twice a year, or once a year? Reply with whichever suits you and I will keep to it.',
      '',
      'Warm regards,',
      '{{My Name}}',
    ],
    'First touch: it apologises and asks for nothing (no offer, no request for introductions). Record the rhythm they choose as their Cadence.',
    'silent',
  ),
  email(
    'Follow-up after a call',
    'Thank you for our conversation',
    [
      'Hi {{First Name|there}},',
      '',
      'Thank you for making time to talk with me. It was good to hear how things are going for you, and I have noted what you told me so none of it gets lost.',
      '',
      'As promised, I will keep in touch from now on, at the rhythm you prefer. If anything comes up before then, just reply to this email and it comes straight to me.',
      '',
      'All the best,',
      '{{My Name}}',
    ],
    'Send after a reconnect call. Use "Create drafts" and add a line in each draft summarising what the client shared. When the call card suggested a referral ask, add before the sign-off: "If one or two people come to mind over the next week who could use the kind of help we gave you, just reply with their names and I will look after them as well as I looked after you."',
    'recent',
  ),
  {
    name: 'Letter from the heart',
    subject: 'A letter for {{First Name}}',
    body: [
      'Dear {{First Name}},',
      '',
      'I owe you an apology. It has been {{Time Since Contact|a long time}} since I was last in touch, and that is not how I want to treat the people who helped build this business.',
      '',
      'A lot has changed here since we last spoke, and one lesson stands out: the clients who trusted us deserve more than silence. From now on I will stay in touch, at whatever rhythm suits you, and you will always have a direct line to me.',
      '',
      'You matter to us. Working with you is part of what made this business what it is, and I would be grateful for the chance to be useful to you again, whether that means answering a question, passing on something we have learned, or simply catching up.',
      '',
      'I will call you within the next two weeks to say hello properly and hear how you are. If another time or another way suits you better, just let me know.',
      '',
      'With sincere thanks,',
      '',
      '{{My Name}}',
    ].join('\n'),
    htmlBody: null,
    channel: 'letter',
    notes:
      'Printed and posted, for your most valued clients. Make the second paragraph yours: what changed in your life or business. The closing commits you to a call, so put it in your calendar.',
    source: 'sheet',
    audience: 'silent',
  },
  email(
    'Referral reminder',
    'Picking up where we left off',
    [
      'Hi {{First Name|there}},',
      '',
      'When we last spoke, you kindly offered to think of one or two people who might benefit from working with us. I wanted to pick up where we left off, with no pressure at all.',
      '',
      'We would much rather grow through people who already know our work than spend on advertising, so an introduction from you means a great deal.',
      '',
      'What I offered still stands, for you and for anyone you introduce: {{Referral Incentive|a thank-you from us}}. It is easy to claim: they only need to mention your name when they get in touch.',
      '',
      'If someone comes to mind over the next week, reply with their name, or forward this email to them.',
      '',
      'Thank you again,',
      '{{My Name}}',
    ],
    'Referral: only for clients who made a referral commitment; never sent to a client in Recovery. {{Referral Incentive}} is the incentive of the client’s latest promise in the Referrals sheet.',
    'referral',
  ),
  email(
    'Post-purchase check-in',
    'Is everything working well?',
    [
      'Hi {{First Name|there}},',
      '',
      'It has been about a week since your order arrived, and I wanted to make sure everything came through as it should and works the way you hoped.',
      '',
      'If anything is not quite right, reply to this email and I will sort it out personally.',
      '',
      'Best regards,',
      '{{My Name}}',
    ],
    'About a week after delivery.',
    'purchase',
  ),
  email(
    'Post-purchase survey',
    'Two minutes to tell us how we did?',
    [
      'Hi {{First Name|there}},',
      '',
      'It has been about a month since we delivered, and your honest view would help us get better. It takes under two minutes: reply with a score from 0 (poor) to 5 (excellent) for each line.',
      '',
      'Service:',
      'Communication:',
      'Performance:',
      '',
      'And two short questions: what mattered most to you, and why did you choose us?',
      '',
      'The quickest way to answer: {{Survey Link|a reply to this email}}',
      '',
      'Thank you for your time,',
      '{{My Name}}',
    ],
    'About a month after delivery.',
    'purchase',
  ),
];

/** The rows of a new Templates sheet, header first. */
export function templateSheetRows(): string[][] {
  return [
    [...TEMPLATE_HEADERS],
    ...BUILT_IN_TEMPLATES.map((t) => [
      t.name,
      t.subject,
      t.body,
      channelLabel(t.channel),
      t.notes,
      AUDIENCE_LABELS[t.audience ?? 'anyone'],
    ]),
  ];
}

export function channelLabel(channel: TemplateChannel): string {
  return channel === 'letter' ? 'Letter' : 'Email';
}

export interface TemplateSheetRead {
  templates: Template[];
  problems: string[];
}

/** Reads the Templates sheet's values (header first); columns found by header, rows without a name ignored. */
export function parseTemplateRows(rows: ReadonlyArray<ReadonlyArray<unknown>>): TemplateSheetRead {
  const problems: string[] = [];
  if (rows.length === 0) return { templates: [], problems: ['The Templates sheet is empty.'] };
  const header = rows[0].map((h) => String(h).trim().toLowerCase());
  const col = (name: string) => header.indexOf(name.toLowerCase());
  const [iName, iSubject, iBody, iChannel, iNotes, iAudience] = TEMPLATE_HEADERS.map(col);
  if (iName < 0 || iBody < 0) {
    return {
      templates: [],
      problems: [
        `The Templates sheet needs the columns ${TEMPLATE_HEADERS.slice(0, 5).join(', ')} (and optionally Audience); found: ${rows[0].join(', ')}.`,
      ],
    };
  }
  const cell = (row: ReadonlyArray<unknown>, i: number) => (i < 0 ? '' : String(row[i] ?? ''));
  const templates: Template[] = [];
  rows.slice(1).forEach((row, i) => {
    const name = cell(row, iName).trim();
    if (!name) return;
    const channelText = cell(row, iChannel).trim().toLowerCase();
    if (channelText && channelText !== 'email' && channelText !== 'letter') {
      problems.push(
        `Templates row ${i + 2}: Channel "${cell(row, iChannel)}" is not Email or Letter; read as Email.`,
      );
    }
    const notes = cell(row, iNotes);
    const audienceText = cell(row, iAudience).trim();
    const audience = audienceText ? parseAudience(audienceText) : defaultAudience(name, notes);
    if (audienceText && !audience) {
      problems.push(
        `Templates row ${i + 2}: Audience "${audienceText}" is not one of ${Object.values(AUDIENCE_LABELS).join(', ')}; read as Anyone.`,
      );
    }
    templates.push({
      name,
      subject: cell(row, iSubject),
      body: cell(row, iBody),
      htmlBody: null,
      channel: channelText === 'letter' ? 'letter' : 'email',
      notes,
      source: 'sheet',
      audience: audience ?? 'anyone',
    });
  });
  return { templates, problems };
}

/** Picks a template by name (sheet) or subject (draft); two with the same name is an error, never a guess. */
export function pickTemplate(
  templates: readonly Template[],
  source: 'sheet' | 'draft',
  name: string,
): Template {
  const wanted = name.trim().toLowerCase();
  const found = templates.filter(
    (t) => t.source === source && t.name.trim().toLowerCase() === wanted,
  );
  const what = source === 'draft' ? 'Gmail drafts have the subject' : 'templates are named';
  if (found.length > 1) {
    throw new Error(`${found.length} ${what} "${name}". Rename all but one, then choose it again.`);
  }
  if (found.length === 0) {
    throw new Error(
      source === 'draft'
        ? `No Gmail draft (without recipients) has the subject "${name}".`
        : `No template is named "${name}" in the Templates sheet.`,
    );
  }
  return found[0];
}

/**
 * A referral ask: never sent to a client in Recovery (playbook 3 and 6). Recognised by the word
 * "referral" in the template's name or notes, so a user's own referral template is covered too.
 */
export function isReferralTemplate(template: Pick<Template, 'name' | 'notes'>): boolean {
  return /referral/i.test(template.name) || /referral/i.test(template.notes);
}

/** A row without an Audience cell (a sheet made before the column): a built-in name keeps its own. */
function defaultAudience(name: string, notes: string): Audience {
  const wanted = name.trim().toLowerCase();
  const builtIn = BUILT_IN_TEMPLATES.find((t) => t.name.toLowerCase() === wanted);
  if (builtIn?.audience) return builtIn.audience;
  return isReferralTemplate({ name, notes }) ? 'referral' : 'anyone';
}
