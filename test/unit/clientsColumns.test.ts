// Header recognition on the header rows real exports produce: one test per source, so a lost alias shows which export broke.
import { recognizeColumns, missingNeeds } from '../../src/core/columns';

const split = (row: string): string[] => row.split(',');

/** The recognised columns by header text, easier to read than indices. */
function mapped(row: string): Record<string, string> {
  const headers = split(row);
  const { columns } = recognizeColumns(headers);
  expect(missingNeeds(columns)).toEqual([]);
  return Object.fromEntries(Object.entries(columns).map(([f, i]) => [f, headers[i!]]));
}

test('Google Contacts (current CSV)', () => {
  expect(
    mapped(
      'First Name,Middle Name,Last Name,Phonetic First Name,Name Prefix,Nickname,File As,' +
        'Organization Name,Organization Title,Birthday,Notes,Labels,E-mail 1 - Label,' +
        'E-mail 1 - Value,E-mail 2 - Value,Phone 1 - Label,Phone 1 - Value,Phone 2 - Value',
    ),
  ).toEqual({
    firstName: 'First Name',
    lastName: 'Last Name',
    company: 'Organization Name',
    notes: 'Notes',
    email: 'E-mail 1 - Value',
    phone: 'Phone 1 - Value',
  });
});

test('Google Contacts (older CSV)', () => {
  expect(
    mapped(
      'Name,Given Name,Family Name,Group Membership,E-mail 1 - Value,Phone 1 - Value,Organization 1 - Name',
    ),
  ).toEqual({
    name: 'Name',
    firstName: 'Given Name',
    lastName: 'Family Name',
    email: 'E-mail 1 - Value',
    phone: 'Phone 1 - Value',
    company: 'Organization 1 - Name',
  });
});

test('Outlook contacts CSV: the mobile number is the one to call', () => {
  expect(
    mapped(
      'First Name,Middle Name,Last Name,Title,Suffix,E-mail Address,E-mail 2 Address,' +
        'Home Phone,Business Phone,Mobile Phone,Primary Phone,Job Title,Company,Notes',
    ),
  ).toEqual({
    firstName: 'First Name',
    lastName: 'Last Name',
    email: 'E-mail Address',
    phone: 'Mobile Phone',
    company: 'Company',
    notes: 'Notes',
  });
});

test('HubSpot contacts: Last Contacted is the contact date, Record ID is not our Client ID', () => {
  expect(
    mapped(
      'Record ID,First Name,Last Name,Email,Phone Number,Company Name,Contact owner,' +
        'Lead status,Last Activity Date,Last Contacted,Create Date',
    ),
  ).toEqual({
    firstName: 'First Name',
    lastName: 'Last Name',
    email: 'Email',
    phone: 'Phone Number',
    company: 'Company Name',
    lastContact: 'Last Contacted',
  });
});

test('Salesforce contacts report: Account Name is the company, not the person', () => {
  expect(
    mapped(
      'Contact Owner,Salutation,First Name,Last Name,Title,Account Name,Mailing City,Phone,' +
        'Mobile,Email,Last Activity,Contact ID',
    ),
  ).toEqual({
    firstName: 'First Name',
    lastName: 'Last Name',
    company: 'Account Name',
    phone: 'Phone',
    email: 'Email',
    lastContact: 'Last Activity',
  });
});

test('Pipedrive people export: labelled emails and phones', () => {
  expect(
    mapped(
      'Person - Name,Person - First name,Person - Last name,Person - Organization,' +
        'Person - Email - Work,Person - Email - Home,Person - Phone - Work,Person - Phone - Mobile,' +
        'Person - Last activity date,Person - Next activity date,Person - Label,Person - Owner',
    ),
  ).toEqual({
    name: 'Person - Name',
    firstName: 'Person - First name',
    lastName: 'Person - Last name',
    company: 'Person - Organization',
    email: 'Person - Email - Work',
    phone: 'Person - Phone - Work',
    lastContact: 'Person - Last activity date',
    nextDue: 'Person - Next activity date',
  });
});

test('QuickBooks customer contact list', () => {
  expect(mapped('Customer,Phone Numbers,Email,Full Name,Billing Address,Shipping Address')).toEqual(
    {
      name: 'Full Name',
      phone: 'Phone Numbers',
      email: 'Email',
    },
  );
});

test('Xero contacts export (starred required headers)', () => {
  expect(
    mapped(
      '*ContactName,AccountNumber,EmailAddress,FirstName,LastName,POAttentionTo,POCity,' +
        'PhoneNumber,FaxNumber,MobileNumber,SkypeName,TaxNumber',
    ),
  ).toEqual({
    name: '*ContactName',
    email: 'EmailAddress',
    firstName: 'FirstName',
    lastName: 'LastName',
    phone: 'PhoneNumber',
  });
});

test('Square customers export: Last Visit and Total Spend', () => {
  expect(
    mapped(
      'Reference ID,First Name,Surname,Email Address,Phone Number,Nickname,Company Name,' +
        'Street Address 1,Birthday,Memo,Customer ID,First Visit,Last Visit,Transaction Count,' +
        'Total Spend,Email Subscription Status',
    ),
  ).toEqual({
    firstName: 'First Name',
    lastName: 'Surname',
    email: 'Email Address',
    phone: 'Phone Number',
    company: 'Company Name',
    notes: 'Memo',
    lastContact: 'Last Visit',
    value: 'Total Spend',
  });
});

test('Shopify customers export: Total Spent, Note, and Customer ID left alone', () => {
  expect(
    mapped(
      'Customer ID,First Name,Last Name,Email,Accepts Email Marketing,Default Address Company,' +
        'Default Address City,Default Address Phone,Phone,Accepts SMS Marketing,Total Spent,' +
        'Total Orders,Note,Tax Exempt,Tags',
    ),
  ).toEqual({
    firstName: 'First Name',
    lastName: 'Last Name',
    email: 'Email',
    company: 'Default Address Company',
    phone: 'Phone',
    value: 'Total Spent',
    notes: 'Note',
  });
});

test('Open Dental patient fields: the wireless number before home and work', () => {
  expect(
    mapped('PatNum,LName,FName,MiddleI,Preferred,HmPhone,WkPhone,WirelessPhone,Email'),
  ).toEqual({
    lastName: 'LName',
    firstName: 'FName',
    phone: 'WirelessPhone',
    email: 'Email',
  });
});

test('dental recall list (Dentrix-style): last visit and recall due date', () => {
  expect(
    mapped(
      'Patient Name,Home Phone,Mobile Phone,Email,Last Visit Date,Recall Due Date,Recall Type',
    ),
  ).toEqual({
    name: 'Patient Name',
    phone: 'Mobile Phone',
    email: 'Email',
    lastContact: 'Last Visit Date',
    nextDue: 'Recall Due Date',
  });
});
