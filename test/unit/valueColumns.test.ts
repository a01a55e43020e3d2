// The value column in the professions' own words (issue 11): what dental and medical practice software, law-firm billing, accountants, financial advisers and insurance agencies export.
import { recognizeColumns } from '../../src/core/columns';

/** The header recognised as Value, or '' when none. */
function valueOf(row: string): string {
  const headers = row.split(',');
  const i = recognizeColumns(headers).columns.value;
  return i === undefined ? '' : headers[i];
}

test.each([
  // Dental and medical practice reports: production (fees charged) and collections.
  ['Patient,Last Visit,Home Phone,Total Production', 'Total Production'],
  ['Patient Name,Last Visit Date,Lifetime Production,Balance', 'Lifetime Production'],
  ['Patient,Last Visit,Total Charges,Insurance Balance', 'Total Charges'],
  // Law-firm billing (Clio's billing reports: "Billed total", collected amounts).
  ['Client,Matter,Billed Total,Accounts Receivable', 'Billed Total'],
  ['Client Name,Total Collected,Trust Balance', 'Total Collected'],
  // Accountants: fees.
  ['Client,Email,Annual Fees,Outstanding', 'Annual Fees'],
  ['Customer,Total Invoiced,Amount Due', 'Total Invoiced'],
  // Financial advisers: assets under management.
  ['Household,Email,AUM,Last Review', 'AUM'],
  ['Client,Assets Under Management,Risk Profile', 'Assets Under Management'],
  // Insurance agencies: premium.
  ['Insured,Policy Number,Annual Premium,Renewal Date', 'Annual Premium'],
  ['Named Insured,Written Premium,Carrier', 'Written Premium'],
])('%s: %s', (row, value) => {
  expect(valueOf(row)).toBe(value);
});

test('what is owed is not value: Balance, Amount Due, Accounts Receivable, Outstanding', () => {
  expect(valueOf('Client,Email,Balance,Amount Due,Accounts Receivable,Outstanding')).toBe('');
});
