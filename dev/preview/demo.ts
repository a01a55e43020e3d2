// The preview's client sheets: a small, realistic, slightly messy demo, and a deterministic generator for big sheets.

export const CLIENT_HEADERS = [
  'Client ID',
  'Name',
  'Company',
  'Email',
  'Phone',
  'Last Contact',
  'Value',
  'Cadence',
  'Status',
  'Do Not Contact',
  'Notes',
] as const;

export type Cell = string | number | boolean | Date;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Noon, `days` calendar days before `now` (noon keeps the date stable across time zones). */
function daysAgo(now: Date, days: number): Date {
  const d = new Date(now.getTime() - days * DAY_MS);
  d.setUTCHours(17, 0, 0, 0);
  return d;
}

type DemoClient = [
  name: string,
  company: string,
  email: string,
  phone: string,
  lastContact: number | string | null,
  value: number | string,
  cadence: string,
  status: string,
  doNotContact: boolean,
  notes: string,
];

/**
 * About thirty clients of a small consultancy: last contact from two months to five years ago, a few
 * cells as people really type them (text dates, "$1,200", "n/a", an invalid email), one client in
 * Recovery, one who asked not to be contacted, and a blank row in the middle.
 */
const DEMO: Array<DemoClient | null> = [
  [
    'Ann Lee',
    'Lee & Partners',
    'ann@leepartners.com',
    '+1 555 010 2301',
    1260,
    18400,
    '',
    '',
    false,
    'Annual audit client until 2022',
  ],
  [
    'Marcus Webb',
    'Webb Construction',
    'marcus@webbbuild.com',
    '(555) 010-4420',
    2010,
    9200,
    '',
    '',
    false,
    '',
  ],
  [
    'Priya Raman',
    'Raman Dental',
    'priya@ramandental.com',
    '555-010-7781',
    700,
    12800,
    '',
    '',
    false,
    'Referred by Ann Lee',
  ],
  [
    'Tom Okafor',
    'Okafor Logistics',
    'tom.okafor@okaforlog.com',
    '555 010 3312',
    420,
    5600,
    'Yearly',
    'Reconnected',
    false,
    '',
  ],
  [
    'Helen Carter',
    'Carter Bakery',
    'helen@carterbakery.com',
    '555-010-9021',
    1830,
    '$1,200',
    '',
    '',
    false,
    '',
  ],
  [
    'Diego Alvarez',
    'Alvarez Law',
    'diego@alvarezlaw.com',
    '+1 555 010 6650',
    250,
    22000,
    '',
    '',
    false,
    'Prefers calls after 4pm',
  ],
  [
    'Sofia Rossi',
    'Rossi Interiors',
    'sofia@rossi-interiors.com',
    '555-010-1187',
    'March 14, 2022',
    7400,
    '',
    '',
    false,
    '',
  ],
  [
    'James Whitfield',
    'Whitfield Farms',
    'james@whitfieldfarms.com',
    '555-010-5523',
    980,
    3100,
    '',
    'Recovery',
    false,
    'Invoice dispute in 2024, unresolved',
  ],
  [
    'Mei Chen',
    'Chen Architecture',
    'mei@chenarch.com',
    '555-010-6632',
    1540,
    15600,
    '',
    '',
    false,
    '',
  ],
  [
    'Robert Singh',
    'Singh Pharmacy',
    'robert@singhrx.com',
    '555-010-2290',
    560,
    4300,
    '',
    '',
    false,
    '',
  ],
  null,
  [
    'Laura Becker',
    'Becker Print Shop',
    'laura@beckerprint',
    '555-010-8812',
    1120,
    2800,
    '',
    '',
    false,
    'Email bounced last time',
  ],
  [
    'Kwame Mensah',
    'Mensah Imports',
    'kwame@mensahimports.com',
    '555-010-4477',
    '3/2/2023',
    9900,
    '',
    '',
    false,
    '',
  ],
  [
    'Emily Novak',
    'Novak Yoga Studio',
    'emily@novakyoga.com',
    '555-010-3345',
    75,
    1900,
    'Quarterly',
    'Reconnected',
    false,
    '',
  ],
  [
    'Oliver Grant',
    'Grant Accounting',
    'oliver@grantcpa.com',
    '555-010-9910',
    1700,
    11200,
    '',
    '',
    true,
    'Asked not to be contacted',
  ],
  [
    'Fatima Zahra',
    'Zahra Catering',
    'fatima@zahracatering.com',
    '555-010-7720',
    890,
    6700,
    '',
    '',
    false,
    '',
  ],
  [
    'Daniel Kim',
    'Kim Auto Repair',
    'daniel@kimauto.com',
    '555-010-5501',
    1410,
    'n/a',
    '',
    '',
    false,
    '',
  ],
  [
    'Grace O’Neill',
    'O’Neill Florists',
    'grace@oneillflowers.com',
    '555-010-2212',
    640,
    2400,
    '',
    '',
    false,
    '',
  ],
  [
    'Samuel Brooks',
    'Brooks Realty',
    'sam@brooksrealty.com',
    '555-010-8834',
    1980,
    26500,
    '',
    '',
    false,
    'Bought the premium package twice',
  ],
  [
    'Ines Duarte',
    'Duarte Design',
    'ines@duartedesign.com',
    '555-010-6619',
    330,
    5200,
    '',
    '',
    false,
    '',
  ],
  [
    'Victor Petrov',
    'Petrov Engineering',
    'victor@petroveng.com',
    '555-010-1123',
    1150,
    14100,
    '',
    '',
    false,
    '',
  ],
  [
    'Hannah Moore',
    'Moore Veterinary',
    'hannah@moorevet.com',
    '555-010-4456',
    200,
    8300,
    '',
    '',
    false,
    '',
  ],
  [
    'Ahmed Hassan',
    'Hassan Textiles',
    'ahmed@hassantex.com',
    '555-010-3378',
    1650,
    4800,
    '',
    '',
    false,
    '',
  ],
  [
    'Claire Dubois',
    'Dubois Bistro',
    'claire@duboisbistro.com',
    '555-010-9987',
    510,
    3600,
    '',
    '',
    false,
    '',
  ],
  [
    'Noah Fischer',
    'Fischer Cycles',
    'noah@fischercycles.com',
    '555-010-2256',
    60,
    1500,
    'Twice a year',
    'Reconnected',
    false,
    '',
  ],
  [
    'Zoe Adams',
    'Adams Photography',
    'zoe@adamsphoto.com',
    '555-010-7743',
    null,
    2100,
    '',
    '',
    false,
    'Met at the 2019 trade fair',
  ],
  [
    'Lucas Martin',
    'Martin Plumbing',
    'lucas@martinplumbing.com',
    '555-010-6678',
    1290,
    6900,
    '',
    '',
    false,
    '',
  ],
  [
    'Aisha Bello',
    'Bello Consulting',
    'aisha@belloconsult.com',
    '555-010-5589',
    780,
    17300,
    '',
    '',
    false,
    '',
  ],
  [
    'Peter Larsen',
    'Larsen Boats',
    'peter@larsenboats.com',
    '555-010-1145',
    1820,
    31000,
    '',
    '',
    false,
    '',
  ],
  [
    'Rosa Jimenez',
    'Jimenez Salon',
    'rosa@jimenezsalon.com',
    '555-010-8890',
    150,
    2600,
    '',
    '',
    false,
    '',
  ],
];

/** The demo client sheet: a header row and the rows above (dates relative to `now`). */
export function demoClientRows(now: Date): Cell[][] {
  const rows: Cell[][] = [[...CLIENT_HEADERS]];
  for (const client of DEMO) {
    if (!client) {
      rows.push(CLIENT_HEADERS.map(() => ''));
      continue;
    }
    const [name, company, email, phone, last, value, cadence, status, dnc, notes] = client;
    const lastContact = typeof last === 'number' ? daysAgo(now, last) : (last ?? '');
    rows.push(['', name, company, email, phone, lastContact, value, cadence, status, dnc, notes]);
  }
  return rows;
}

const FIRST = [
  'Ann',
  'Ben',
  'Carla',
  'David',
  'Elena',
  'Farid',
  'Gina',
  'Hugo',
  'Iris',
  'Jonas',
  'Kemi',
  'Liam',
  'Maya',
  'Nils',
  'Olga',
  'Pablo',
  'Quinn',
  'Rita',
  'Sam',
  'Tara',
  'Umar',
  'Vera',
  'Wes',
  'Xena',
  'Yusuf',
  'Zara',
];
const LAST = [
  'Adler',
  'Baker',
  'Costa',
  'Diaz',
  'Evans',
  'Fox',
  'Gupta',
  'Hale',
  'Ito',
  'Jensen',
  'Khan',
  'Lopez',
  'Meyer',
  'Nagy',
  'Ortiz',
  'Park',
  'Quist',
  'Reyes',
  'Sato',
  'Tran',
  'Ueda',
  'Voss',
  'Wong',
  'Young',
  'Zhou',
];
const TRADES = [
  'Bakery',
  'Dental',
  'Law',
  'Design',
  'Plumbing',
  'Realty',
  'Studio',
  'Consulting',
  'Imports',
  'Clinic',
];

/** A small deterministic generator (mulberry32), so the same `n` always gives the same sheet. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `n` generated clients with unique names ("Ann Adler 17"), last contact from 1 month to 6 years
 * ago (about 1 in 40 never contacted), values from 100 to 50,000, a few on a cadence.
 */
export function generatedClientRows(n: number, now: Date, seed = 42): Cell[][] {
  const next = random(seed);
  const rows: Cell[][] = [[...CLIENT_HEADERS]];
  for (let i = 0; i < n; i += 1) {
    const first = FIRST[i % FIRST.length];
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length];
    const name = `${first} ${last} ${i + 1}`;
    const company = `${last} ${TRADES[Math.floor(next() * TRADES.length)]}`;
    const days = 30 + Math.floor(next() * 2160);
    const never = next() < 0.025;
    const value = Math.round(100 + next() * next() * 49900);
    const reconnected = next() < 0.05;
    rows.push([
      '',
      name,
      company,
      `${first.toLowerCase()}.${last.toLowerCase()}${i + 1}@example.com`,
      `555-01${String(i % 100).padStart(2, '0')}-${String(1000 + (i % 9000)).padStart(4, '0')}`,
      never ? '' : daysAgo(now, days),
      value,
      reconnected ? 'Yearly' : '',
      reconnected ? 'Reconnected' : '',
      false,
      '',
    ]);
  }
  return rows;
}
