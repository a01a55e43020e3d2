// A letter's postal address block, from the client sheet's address columns recognised by header like the others (street, city, region, postcode, country).
import { normalizeHeader } from '../columns';

export type AddressPart = 'street' | 'street2' | 'city' | 'region' | 'postcode' | 'country';

/**
 * Header aliases, most specific first: Google Contacts (Address 1 - Street, - City, - Region,
 * - Postal Code, - Country), Outlook (Home Street, Home City, Home State, Home Postal Code, Home
 * Country/Region; Business ...), Shopify and Square (Default Address Address1/Address2/City/
 * Province Code/Zip/Country Code; Street Address 1/2, City, State, Postal Code), QuickBooks and
 * Xero (Billing Address / POAddressLine1, POCity, PORegion, POPostalCode, POCountry).
 */
const PART_ALIASES: Record<AddressPart, readonly string[]> = {
  street: [
    'Street Address',
    'Street Address 1',
    'Address Line 1',
    'Address 1',
    'Address1',
    'Street',
    'Address',
    'Mailing Address',
    'Postal Address',
    'Home Street',
    'Business Street',
    'Address 1 - Street',
    'Default Address Address1',
    'Billing Address',
    'Billing Street',
    'POAddressLine1',
  ],
  street2: [
    'Address Line 2',
    'Street Address 2',
    'Address 2',
    'Address2',
    'Home Street 2',
    'Business Street 2',
    'Default Address Address2',
    'POAddressLine2',
  ],
  city: [
    'City',
    'Town',
    'Town/City',
    'Home City',
    'Business City',
    'Address 1 - City',
    'Default Address City',
    'Billing City',
    'POCity',
  ],
  region: [
    'State',
    'Province',
    'Region',
    'County',
    'State/Province',
    'Home State',
    'Business State',
    'Address 1 - Region',
    'Default Address Province Code',
    'Billing State',
    'PORegion',
  ],
  postcode: [
    'ZIP',
    'Zip Code',
    'ZIP/Postal Code',
    'Postal Code',
    'Postcode',
    'Post Code',
    'Home Postal Code',
    'Business Postal Code',
    'Address 1 - Postal Code',
    'Default Address Zip',
    'Billing Zip',
    'POPostalCode',
  ],
  country: [
    'Country',
    'Country/Region',
    'Home Country/Region',
    'Business Country/Region',
    'Address 1 - Country',
    'Default Address Country Code',
    'Billing Country',
    'POCountry',
  ],
};

export type AddressColumns = Partial<Record<AddressPart, number>>;

/** Where each address part is; empty unless a street or a city column is found. */
export function addressColumns(headers: readonly unknown[]): AddressColumns {
  const names = headers.map(normalizeHeader);
  const taken = new Set<number>();
  const found: AddressColumns = {};
  for (const part of Object.keys(PART_ALIASES) as AddressPart[]) {
    for (const alias of PART_ALIASES[part].map(normalizeHeader)) {
      const i = names.findIndex((n, j) => n === alias && !taken.has(j));
      if (i >= 0) {
        found[part] = i;
        taken.add(i);
        break;
      }
    }
  }
  return found.street === undefined && found.city === undefined ? {} : found;
}

/**
 * The block printed above a letter: the name, the street lines, "City, Region Postcode" (the
 * comma only before a region), the country; blank parts left out. [] without an address.
 */
export function addressLines(
  name: string,
  row: readonly unknown[],
  columns: AddressColumns,
): string[] {
  const at = (part: AddressPart) => {
    const i = columns[part];
    return i === undefined ? '' : String(row[i] ?? '').trim();
  };
  const [street, street2, city, region, postcode, country] = (
    ['street', 'street2', 'city', 'region', 'postcode', 'country'] as const
  ).map(at);
  if (!street && !city) return [];
  const cityLine = [city && region ? `${city},` : city, region, postcode].filter(Boolean).join(' ');
  return [name.trim(), street, street2, cityLine, country].filter(Boolean);
}
