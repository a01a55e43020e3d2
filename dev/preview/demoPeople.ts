// The bigger demo: a deterministic client sheet of believable, invented people (names from many cultures, firms, fictional phone numbers, reserved .example domains) with the messy cells real sheets have.
import { CLIENT_HEADERS, type Cell } from './demo';

/** Names by culture, so first and last names go together as they would in a real client list. */
const CULTURES: Array<{ first: string[]; last: string[] }> = [
  {
    first: ['Emily', 'James', 'Olivia', 'Michael', 'Hannah', 'Daniel', 'Grace', 'Ryan'],
    last: ['Walker', 'Bennett', 'Hughes', 'Foster', 'Reed', 'Sullivan', 'Parker', 'Hayes'],
  },
  {
    first: ['José', 'María', 'Lucía', 'Andrés', 'Camila', 'Javier', 'Valentina', 'Mateo'],
    last: ['García', 'Núñez', 'Fernández', 'Ortega', 'Ramírez', 'Castillo', 'Peña', 'Morales'],
  },
  {
    first: ['Wei', 'Li Na', 'Jun', 'Mei', 'Hao', 'Xiu', 'Yan', 'Bo'],
    last: ['Zhang', 'Chen', 'Liu', 'Huang', 'Zhao', 'Wu', 'Lin', 'Guo'],
  },
  {
    first: ['Priya', 'Arjun', 'Ananya', 'Rohan', 'Kavya', 'Vikram', 'Isha', 'Sanjay'],
    last: ['Sharma', 'Iyer', 'Patel', 'Reddy', 'Nair', 'Menon', 'Kapoor', 'Rao'],
  },
  {
    first: ['Chinedu', 'Ngozi', 'Adebayo', 'Folake', 'Emeka', 'Amaka', 'Tunde', 'Kemi'],
    last: ['Okafor', 'Adeyemi', 'Eze', 'Balogun', 'Okonkwo', 'Nwosu', 'Adewale', 'Obi'],
  },
  {
    first: ['Omar', 'Layla', 'Yusuf', 'Fatima', 'Karim', 'Noor', 'Hassan', 'Rania'],
    last: ['Haddad', 'Khalil', 'Mansour', 'Saleh', 'Nasser', 'Aziz', 'Farouk', 'Rahman'],
  },
  {
    first: ['Haruto', 'Yui', 'Sota', 'Aoi', 'Ren', 'Sakura', 'Kenji', 'Hina'],
    last: ['Tanaka', 'Suzuki', 'Watanabe', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Sato', 'Ito'],
  },
  {
    first: ['Minjun', 'Seoyeon', 'Jiho', 'Hayun', 'Dohyun', 'Jiwoo'],
    last: ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang'],
  },
  {
    first: ['Linh', 'Minh', 'Thảo', 'Huy', 'Trang', 'Quang'],
    last: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Võ', 'Đặng'],
  },
  {
    first: ['Łukasz', 'Agnieszka', 'Paweł', 'Zofia', 'Michał', 'Małgorzata'],
    last: ['Nowak', 'Wójcik', 'Kowalczyk', 'Zieliński', 'Lewandowska', 'Dąbrowski'],
  },
  {
    first: ['Jürgen', 'Anneliese', 'Lukas', 'Svenja', 'Matthias', 'Jana'],
    last: ['Müller', 'Schröder', 'Becker', 'Hoffmann', 'Weiß', 'Köhler'],
  },
  {
    first: ['François', 'Hélène', 'Théo', 'Céline', 'Mathis', 'Aurélie'],
    last: ['Dubois', 'Lefèvre', 'Moreau', 'Girard', 'Rousseau', 'Bonnet'],
  },
  {
    first: ['Søren', 'Ingrid', 'Björn', 'Astrid', 'Mikael', 'Åsa'],
    last: ['Lindqvist', 'Ødegaard', 'Sørensen', 'Håkansson', 'Berg', 'Nyström'],
  },
  {
    first: ['Siobhán', 'Cian', 'Aoife', 'Pádraig', 'Niamh', 'Eoin'],
    last: ["O'Brien", 'Ní Bhriain', 'Gallagher', 'Mac Cárthaigh', 'Doyle', 'Byrne'],
  },
  {
    first: ['Giulia', 'Marco', 'Chiara', 'Luca', 'Francesca', 'Matteo'],
    last: ['Rossi', 'Bianchi', 'Colombo', 'Ricci', 'Esposito', 'Romano'],
  },
  {
    first: ['João', 'Ana', 'Thiago', 'Beatriz', 'Rafael', 'Larissa'],
    last: ['Silva', 'Gonçalves', 'Araújo', 'Carvalho', 'Rocha', 'Barbosa'],
  },
  {
    first: ['Mehmet', 'Elif', 'Emre', 'Zeynep', 'Burak', 'Ayşe'],
    last: ['Yılmaz', 'Çelik', 'Demir', 'Şahin', 'Aydın', 'Öztürk'],
  },
  {
    first: ['Dariush', 'Shirin', 'Kian', 'Parisa'],
    last: ['Tehrani', 'Karimi', 'Hosseini', 'Moradi'],
  },
  {
    first: ['Noa', 'Eitan', 'Tamar', 'Yael'],
    last: ['Levi', 'Mizrahi', 'Friedman', 'Ben-David'],
  },
  {
    first: ['Kwame', 'Ama', 'Kofi', 'Efua'],
    last: ['Mensah', 'Asante', 'Owusu', 'Boateng'],
  },
  {
    first: ['Dmytro', 'Olena', 'Oksana', 'Taras'],
    last: ['Shevchenko', 'Kovalenko', 'Bondarenko', 'Tkachenko'],
  },
  {
    first: ['Andrea', 'Carlo', 'Maricel', 'Paolo'],
    last: ['Santos', 'Reyes', 'Dela Cruz', 'Bautista'],
  },
];

const TRADES = [
  'Dental',
  'Law',
  'Architects',
  'Bakery',
  'Plumbing',
  'Realty',
  'Design Studio',
  'Consulting',
  'Imports',
  'Physiotherapy',
  'Accounting',
  'Landscaping',
  'Veterinary Clinic',
  'Catering',
  'Print Shop',
  'Auto Repair',
];
const SUFFIXES = ['', '', ' LLC', ' Ltd', ' & Partners', ' Group', ' & Co.', ' GmbH', ' Inc.'];
const NOTES = [
  '',
  '',
  '',
  'Referred by a former colleague',
  'Prefers calls after 4pm',
  'Asked about the new service last year',
  'Moved offices, new phone?',
  'Annual review client until the merger',
  'Speaks Spanish and English',
  'Sent a thank-you card, no reply',
  'Was unhappy with the 2022 invoice, apologized',
  'Son runs the business now',
];
const STALE_TEXT_DATES = ['March 2021', 'n/a', 'last spring', '2019-13-01', '?'];
const MESSES = [
  ...['never', 'never', 'text date', 'text date', 'typed amount', 'typed amount', 'no amount'],
  ...['at', 'no email', 'shouting', 'two emails'],
  ...Array.from({ length: 89 }, () => ''),
];

/** mulberry32: the same seed always gives the same sheet. */
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

const DAY_MS = 24 * 60 * 60 * 1000;

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/gi, 'l')
    .replace(/ø/gi, 'o')
    .replace(/đ/gi, 'd')
    .replace(/ı/g, 'i')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** Fictional numbers only: NANP 555-0100..0199 and Ofcom's drama range 020 7946 0000..0999. */
function phone(next: () => number, i: number): string {
  const line = String(100 + Math.floor(next() * 100)).padStart(4, '0');
  const area = 200 + Math.floor(next() * 700);
  const kind = next();
  if (kind < 0.35) return `(${area}) 555-${line}`;
  if (kind < 0.6) return `${area}-555-${line}`;
  if (kind < 0.75) return `+1 ${area} 555 ${line}`;
  if (kind < 0.88) return `+44 20 7946 0${String(Math.floor(next() * 1000)).padStart(3, '0')}`;
  if (kind < 0.93) return `${area}.555.${line} x${10 + (i % 90)}`;
  return '';
}

/** A long tail: most clients are worth a few thousand, a few are worth a lot. */
function value(next: () => number): number {
  const pareto = 800 / Math.pow(1 - next() * 0.995, 0.75);
  return Math.round(Math.min(pareto, 250_000) / 50) * 50;
}

function pick<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * list.length)];
}

/** One client row; `messy` decides the few cells typed the way people really type them. */
function clientRow(next: () => number, i: number, now: Date): Cell[] {
  const culture = CULTURES[i % CULTURES.length];
  const first = pick(next, culture.first);
  const last = pick(next, culture.last);
  const trade = pick(next, TRADES);
  const ownFirm = next() < 0.55;
  const company = ownFirm
    ? `${last} ${trade}${pick(next, SUFFIXES)}`
    : `${pick(next, CULTURES).last[0]} ${trade}`;
  const domain = `${slug(company.replace(/ (LLC|Ltd|Group|Inc\.|GmbH|& Co\.|& Partners)$/, ''))}.example`;
  let email = `${slug(first)}.${slug(last)}@${next() < 0.8 ? domain : 'mail.example'}`;
  let name = `${first} ${last}`;
  // Skewed toward the recent: most of a firm's list was in touch within a few years.
  const days = 30 + Math.floor(Math.pow(next(), 1.5) * 2525);
  let lastContact: Cell = new Date(now.getTime() - days * DAY_MS);
  (lastContact as Date).setUTCHours(17, 0, 0, 0);
  let amount: Cell = value(next);
  // About one client in ten has one messy cell, at fixed places so every demo has each kind.
  const mess = MESSES[(i * 37) % MESSES.length];
  if (mess === 'never') lastContact = '';
  else if (mess === 'text date') lastContact = pick(next, STALE_TEXT_DATES);
  else if (mess === 'typed amount') amount = `$${amount.toLocaleString('en-US')}`;
  else if (mess === 'no amount') amount = 'n/a';
  else if (mess === 'at') email = email.replace('@', ' at ');
  else if (mess === 'no email') email = '';
  else if (mess === 'shouting') name = `  ${name.toUpperCase()} `;
  else if (mess === 'two emails') email = `${email}; office@${domain}`;
  const onCadence = next() < 0.12;
  const status = onCadence ? 'Reconnected' : next() < 0.01 ? 'Recovery' : '';
  return [
    '',
    name,
    company,
    email,
    phone(next, i),
    lastContact,
    amount,
    onCadence ? pick(next, ['Quarterly', 'Yearly', 'Twice a year', '90 days']) : '',
    status,
    next() < 0.02,
    pick(next, NOTES),
  ];
}

/**
 * About `n` invented clients of a small firm (300 by default at `npm start`): last contact from a
 * month to seven years ago, long-tailed values, a few messy cells (text dates, "$1,200", "n/a",
 * invalid or doubled emails, shouting names), two repeated clients and two blank rows.
 */
export function peopleClientRows(n: number, now: Date, seed = 7): Cell[][] {
  const next = random(seed);
  const rows: Cell[][] = [[...CLIENT_HEADERS]];
  for (let i = 0; i < n; i += 1) rows.push(clientRow(next, i, now));
  if (n >= 50) {
    // As real lists have: a client entered twice, and blank rows left after deleting someone.
    rows.splice(Math.floor(n * 0.4), 0, [...rows[Math.floor(n * 0.1)]]);
    rows.splice(
      Math.floor(n * 0.6),
      0,
      CLIENT_HEADERS.map(() => ''),
    );
    rows.splice(
      Math.floor(n * 0.8),
      0,
      CLIENT_HEADERS.map(() => ''),
    );
  }
  return rows;
}
