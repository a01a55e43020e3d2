// The currencies a user may choose for showing client value: ISO 4217 codes in use, and the common symbols.

/**
 * ISO 4217 codes of currencies in use (the list ICU ships as Intl.supportedValuesOf('currency')
 * in Node 20, without the SDR units XDR and XSU), so the sidebar can format every one of them.
 */
const CODES = new Set(
  (
    'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP ' +
    'BYN BZD CAD CDF CHF CLP CNY COP CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP ' +
    'GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES ' +
    'KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR ' +
    'MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB ' +
    'RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY ' +
    'TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG ZWL'
  ).split(' '),
);

/** Symbols people put in front of an amount (the sidebar writes them before the number). */
export const CURRENCY_SYMBOLS: readonly string[] = [
  '$',
  '€',
  '£',
  '¥',
  '₹',
  '₩',
  '₪',
  '₺',
  '₽',
  '₫',
  '₱',
  '₦',
  '₴',
  '₸',
  '₭',
  '₮',
  '₲',
  '₵',
  '₡',
  '₼',
  '₾',
  '৳',
  '฿',
  '៛',
  '₨',
  '¢',
  'R$',
  'A$',
  'C$',
  'NZ$',
  'HK$',
  'S$',
  'US$',
  'kr',
  'zł',
  'Kč',
  'Ft',
  'lei',
  'Fr',
  'R',
  'RM',
  'Rp',
];

/** A currency as the user typed it, made canonical (codes in capitals), or null when unknown. */
export function knownCurrency(typed: string): string | null {
  const t = typed.trim();
  if (/^[A-Za-z]{3}$/.test(t) && CODES.has(t.toUpperCase())) return t.toUpperCase();
  return CURRENCY_SYMBOLS.includes(t) ? t : null;
}
