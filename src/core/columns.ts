// Which column of the user's sheet holds which client field: the standard headers, the aliases real exports use, and recognition with the user's overrides.

/** The fields the add-on reads or writes, keyed the way Settings.columnMap names them. */
export type ClientField =
  | 'id'
  | 'name'
  | 'firstName'
  | 'lastName'
  | 'company'
  | 'email'
  | 'phone'
  | 'lastContact'
  | 'value'
  | 'cadence'
  | 'nextDue'
  | 'status'
  | 'touches'
  | 'lastChannel'
  | 'doNotContact'
  | 'notes'
  | 'mergeStatus';

/** The header each field gets when the add-on creates the column. */
export const STANDARD_HEADER: Record<ClientField, string> = {
  id: 'Client ID',
  name: 'Name',
  firstName: 'First Name',
  lastName: 'Last Name',
  company: 'Company',
  email: 'Email',
  phone: 'Phone',
  lastContact: 'Last Contact',
  value: 'Value',
  cadence: 'Cadence',
  nextDue: 'Next Due',
  status: 'Status',
  touches: 'Touches',
  lastChannel: 'Last Channel',
  doNotContact: 'Do Not Contact',
  notes: 'Notes',
  mergeStatus: 'Merge Status',
};

/** The columns of a new client sheet, in order (Last Name is recognised but not created: Name holds the full name). */
export const STANDARD_FIELDS: readonly ClientField[] = [
  'id',
  'name',
  'firstName',
  'company',
  'email',
  'phone',
  'lastContact',
  'value',
  'cadence',
  'nextDue',
  'status',
  'touches',
  'lastChannel',
  'doNotContact',
  'notes',
  'mergeStatus',
];

export const STANDARD_HEADERS: readonly string[] = STANDARD_FIELDS.map((f) => STANDARD_HEADER[f]);

/**
 * Columns the add-on writes. Setup adds the missing ones at the end of an existing sheet; nothing
 * else in the user's sheet is ever written.
 */
export const OWNED_FIELDS: readonly ClientField[] = [
  'id',
  'lastContact',
  'cadence',
  'nextDue',
  'status',
  'touches',
  'lastChannel',
  'doNotContact',
  'mergeStatus',
];

/**
 * Header aliases, compared after normalising (lower case, letters and digits only). Sources, each
 * pinned by a test in test/unit/clientsColumns.test.ts: Google Contacts CSV (Given Name, Family
 * Name, E-mail 1 - Value, Phone 1 - Value, Organization 1 - Name; newer exports First Name, Last
 * Name, Organization Name), Outlook CSV (E-mail Address, Business Phone, Mobile Phone, Company),
 * HubSpot (Email, Phone Number, Company Name, Last Contacted, Last Activity Date), Salesforce
 * (Account Name, Mobile, Last Activity), Pipedrive (Person - Name, Person - Email - Work, Person -
 * Phone - Work, Person - Organization, Person - Last activity date), QuickBooks (Customer, Full
 * Name, Phone Numbers), Xero (*ContactName, EmailAddress, PhoneNumber, MobileNumber), Square
 * (Surname, Email Address, Total Spend, Last Visit), Shopify (Total Spent, Note), dental and
 * practice software (Open Dental's FName, LName, HmPhone, WirelessPhone; Patient, Last Visit,
 * Recall Due Date). The exports' own record IDs (HubSpot Record ID, Salesforce Contact ID, Shopify
 * Customer ID) are deliberately not Client IDs: the add-on writes that column, and a copied row's
 * ID gets replaced, which would break the user's next import into their CRM.
 * Order matters: the first alias found wins, so the most specific names come first.
 */
export const ALIASES: Record<ClientField, readonly string[]> = {
  id: ['Client ID', 'ClientID', 'Reconnect ID', 'Client Id #'],
  name: [
    'Name',
    'Full Name',
    'Client',
    'Client Name',
    'Customer',
    'Customer Name',
    'Contact',
    'Contact Name',
    'ContactName',
    'Display Name',
    'Patient',
    'Patient Name',
    'Person - Name',
    'Person Name',
    'Billing Name',
  ],
  firstName: [
    'First Name',
    'Given Name',
    'FirstName',
    'First',
    'Forename',
    'Given',
    'Preferred Name',
    'FName',
    'Person - First name',
  ],
  lastName: [
    'Last Name',
    'Family Name',
    'Surname',
    'LastName',
    'Last',
    'LName',
    'Person - Last name',
  ],
  company: [
    'Company',
    'Company Name',
    'Organization',
    'Organisation',
    'Organization Name',
    'Organization 1 - Name',
    'Organization - Name',
    'Business',
    'Business Name',
    'Firm',
    'Employer',
    'Default Address Company',
    'Account Name',
    'Person - Organization',
  ],
  email: [
    'Email',
    'E-mail',
    'Email Address',
    'E-mail Address',
    'EmailAddress',
    'E-mail 1 - Value',
    'Email 1',
    'Primary Email',
    'Person - Email',
    'Work Email',
    'Mail',
    'Person - Email - Work',
    'Person - Email - Home',
    'Person - Email - Other',
    'E-mail 2 Address',
  ],
  phone: [
    'Phone',
    'Phone Number',
    'Telephone',
    'Tel',
    'Mobile',
    'Mobile Phone',
    'Cell',
    'Cell Phone',
    'Business Phone',
    'Home Phone',
    'Phone 1 - Value',
    'PhoneNumber',
    'Person - Phone',
    'Primary Phone',
    'Wireless Phone',
    'Mobile Number',
    'MobileNumber',
    'Phone Numbers',
    'HmPhone',
    'WkPhone',
    'Person - Phone - Work',
    'Person - Phone - Mobile',
    'Person - Phone - Home',
    'Phone 2 - Value',
  ],
  lastContact: [
    'Last Contact',
    'Last Contacted',
    'Last Contact Date',
    'Last Contacted Date',
    'Date Last Contacted',
    'Last Touch',
    'Last Activity',
    'Last Activity Date',
    'Person - Last activity date',
    'Last Visit',
    'Last Visit Date',
    'Last Appointment',
    'Last Appointment Date',
    'Last Seen',
    'Last Order Date',
    'Last Order',
    'Last Purchase',
    'Last Purchase Date',
    'Last Sale',
    'Last Invoice Date',
    'Last Transaction',
    'Date Last Visit',
    'Last Seen Date',
  ],
  value: [
    'Value',
    'Client Value',
    'Customer Value',
    'Lifetime Value',
    'LTV',
    'CLV',
    'Total Spent',
    'Total Spend',
    'Amount Spent',
    'Total Sales',
    'Sales',
    'Revenue',
    'Total Revenue',
    'Total Billed',
    'Billed',
    'Lifetime Revenue',
    'Annual Value',
    'Deal Value',
    'Won Deals Value',
  ],
  cadence: ['Cadence', 'Contact Cadence', 'Frequency', 'Contact Frequency', 'Follow-up Frequency'],
  nextDue: [
    'Next Due',
    'Next Contact',
    'Next Contact Date',
    'Next Follow-up',
    'Follow-up Date',
    'Recall Due',
    'Recall Date',
    'Next Recall',
    'Next Due Date',
    'Recall Due Date',
    'Person - Next activity date',
    'Next Activity Date',
  ],
  status: ['Status', 'Reconnect Status', 'Client Status'],
  touches: ['Touches', 'Touch Count', 'Contacts Made'],
  lastChannel: ['Last Channel', 'Last Contact Channel', 'Channel'],
  doNotContact: [
    'Do Not Contact',
    'DNC',
    'Do Not Call',
    'Do Not Email',
    'Opted Out',
    'Opt Out',
    'Unsubscribed',
  ],
  notes: ['Notes', 'Note', 'Comments', 'Comment', 'Remarks', 'Notes 1', 'Memo'],
  mergeStatus: ['Merge Status', 'Mail Merge Status'],
};

/** Lower case, letters and digits only: "  E-mail  Address " and "email address" compare equal. */
export function normalizeHeader(header: unknown): string {
  return String(header ?? '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]/g, '');
}

export type ColumnMap = Partial<Record<ClientField, number>>;

export interface Recognition {
  /** field -> 0-based column index. */
  columns: ColumnMap;
  /** Overrides naming a header the sheet does not have. */
  problems: string[];
}

const FIELDS = Object.keys(ALIASES) as ClientField[];

export function isClientField(key: string): key is ClientField {
  return (FIELDS as string[]).includes(key);
}

/**
 * Recognises the columns: the user's overrides (field -> header text) first, then each field's
 * aliases in order. A column is used by one field only.
 */
export function recognizeColumns(
  headers: readonly unknown[],
  overrides: Record<string, string> = {},
): Recognition {
  const normalized = headers.map(normalizeHeader);
  const taken = new Set<number>();
  const columns: ColumnMap = {};
  const problems: string[] = [];
  for (const [field, header] of Object.entries(overrides)) {
    if (!isClientField(field) || !header) continue;
    const index = normalized.indexOf(normalizeHeader(header));
    if (index < 0) {
      problems.push(
        `Settings map ${STANDARD_HEADER[field]} to the column "${header}", which this sheet does not have.`,
      );
      continue;
    }
    columns[field] = index;
    taken.add(index);
  }
  for (const field of FIELDS) {
    if (columns[field] !== undefined) continue;
    for (const alias of ALIASES[field]) {
      const index = normalized.findIndex((h, i) => h === normalizeHeader(alias) && !taken.has(i));
      if (index >= 0) {
        columns[field] = index;
        taken.add(index);
        break;
      }
    }
  }
  return { columns, problems };
}

/**
 * What the add-on needs to work: a way to name the client (Name, First/Last Name, or Company) and
 * at least one of Last Contact, Email or Phone (something to rank by or reach them with). Returns
 * the missing needs in words, empty when the sheet is usable.
 */
export function missingNeeds(columns: ColumnMap): string[] {
  const missing: string[] = [];
  const hasName = ['name', 'firstName', 'lastName', 'company'].some(
    (f) => columns[f as ClientField] !== undefined,
  );
  if (!hasName) missing.push('a name column (Name, or First Name and Last Name, or Company)');
  const hasUse = ['lastContact', 'email', 'phone'].some(
    (f) => columns[f as ClientField] !== undefined,
  );
  if (!hasUse) missing.push('at least one of Last Contact, Email or Phone');
  return missing;
}

/** The one clear message for an unusable sheet: what is missing, what was found, how to map it. */
export function missingColumnsMessage(
  sheetName: string,
  headers: readonly unknown[],
  missing: string[],
): string {
  const found = headers.map((h) => String(h ?? '').trim()).filter((h) => h !== '');
  const foundText = found.length ? found.map((h) => `"${h}"`).join(', ') : 'no headers at all';
  return (
    `The sheet "${sheetName}" needs ${missing.join(' and ')} in its first row. ` +
    `Headers found: ${foundText}. Rename a header, or map your own column in Reconnect > Settings > Columns ` +
    `(or run Reconnect > Set up client sheet to add the standard columns).`
  );
}
