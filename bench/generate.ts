/**
 * A fictional project for the benchmark: 10 organisations and N incidents, grown from the bundled
 * examples (templates/<org>/organisation.yaml and incidents/<org>/*.yaml) with a fixed seed, so two
 * runs with the same N produce the same files and their timings can be compared.
 *
 * - Every organisation is derived from one of the three example offices (an NL insurance
 *   intermediary under the Wft, a Belgian accountancy office reporting to the GBA, an NL law firm
 *   on the example federation pack), with invented names, addresses, numbers and e-mail domains.
 * - Every incident is one of that office's example incidents (the examples cover every branch of
 *   the decision tree, so the mix of outcomes is the examples' mix), with a new id, another
 *   reporter, an extra sentence in the facts, scaled counts and every date moved back by a whole
 *   number of days. Instants move by exact multiples of 24 hours and are written again with the
 *   Dutch/Belgian UTC offset of their new moment, so every duration that triage weighs (the 72
 *   hours, late notifications) stays exactly as in the example.
 * - Incidents are spread unevenly, as in real life: the largest office has a quarter of them.
 *
 * Nothing here is real: all names and numbers are invented.
 */
import { mkdir, readFile, writeFile, cp, readdir } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument, visit, isScalar, type Document } from 'yaml';

/** A small, fast, seeded PRNG (mulberry32): same seed, same sequence, on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
const int = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));

/** The example office each generated office is modelled on, with the strings to replace. */
interface SeedOrg {
  id: string;
  /** Distinctive strings of the example office, replaced in its incidents by the new office's. */
  strings: (o: GeneratedOrg) => Array<[string, string]>;
}

export interface GeneratedOrg {
  id: string;
  seed: string;
  name: string;
  street: string;
  postcode: string;
  city: string;
  chamber: string;
  domain: string;
  officer: string;
  manager: string;
  dpo: string;
  processorName: string;
  processorOrg: string;
  processorDomain: string;
  share: number;
  /** Prefix of the office's incident ids. */
  prefix: string;
}

const SEED_STRINGS: Record<string, SeedOrg> = {
  'assurantiekantoor-bosman': {
    id: 'assurantiekantoor-bosman',
    strings: (o) => [
      ['assurantiekantoor-bosman', o.id],
      ['Assurantiekantoor Bosman B.V.', o.name],
      ['bosman-assurantien.example', o.domain],
      ['Marloes Hendriks', o.officer],
      ['Gert-Jan Bosman', o.manager],
      ['G.J. Bosman', o.manager],
      ['Ruud Westerink', o.dpo],
      ['Iris de Groot', o.processorName],
      ['Veldkamp Adviessoftware B.V.', o.processorOrg],
      ['veldkamp-software.example', o.processorDomain],
      ['Hanzeboogstraat 41', o.street],
      ['8011 QW', o.postcode],
      ['Zwolle', o.city],
      ['"87654321"', `"${o.chamber}"`],
    ],
  },
  'boekhouding-claes': {
    id: 'boekhouding-claes',
    strings: (o) => [
      ['boekhouding-claes', o.id],
      ['Boekhoudkantoor Claes BV', o.name],
      ['claes-boekhouding.example', o.domain],
      ['Sofie Vermeulen', o.officer],
      ['Koen Claes', o.manager],
      ['Bram De Wulf', o.dpo],
      ['Pieter-Jan Wouters', o.processorName],
      ['Dataflux BV', o.processorOrg],
      ['dataflux.example', o.processorDomain],
      ['Zwaluwkaai 7', o.street],
      ['postcode: "9000"', `postcode: "${o.postcode}"`],
      ['city: Gent', `city: ${o.city}`],
      ['place: Gent', `place: ${o.city}`],
      ['"0123.456.789"', `"${o.chamber}"`],
    ],
  },
  'van-dam-advocaten': {
    id: 'van-dam-advocaten',
    strings: (o) => [
      ['van-dam-advocaten', o.id],
      ['Van Dam Advocaten B.V.', o.name],
      ['vandam-advocaten.example', o.domain],
      ['Sanne Verbeek', o.officer],
      ['mr. Pieter van Dam', `mr. ${o.manager}`],
      ['mr. P.A. van Dam', `mr. ${o.manager}`],
      ['mr. Laila Bouzid', `mr. ${o.dpo}`],
      ['Martijn Oosterhout', o.processorName],
      ['Domstad IT-beheer B.V.', o.processorOrg],
      ['domstad-it.example', o.processorDomain],
      ['Pijnboomsingel 27', o.street],
      ['3512 XK', o.postcode],
      ['Utrecht', o.city],
      ['"12345678"', `"${o.chamber}"`],
    ],
  },
};

const FIRST = ['Anouk', 'Bas', 'Charlotte', 'Daan', 'Eline', 'Femke', 'Gijs', 'Hanna', 'Ilse', 'Joris', 'Karim', 'Lotte', 'Mehmet', 'Nadia', 'Olivier', 'Pien', 'Quinten', 'Roos', 'Sem', 'Tess', 'Umut', 'Vera', 'Wouter', 'Yara', 'Zeynep', 'Jelle', 'Fleur', 'Ruben', 'Nina', 'Thijs'];
const LAST = ['de Boer', 'Jansen', 'Peeters', 'Maes', 'Willems', 'Dekker', 'Koster', 'Smit', 'Claessens', 'Goossens', 'Mulder', 'Brouwer', 'Vos', 'Wouters', 'Aerts', 'Hermans', 'Timmermans', 'Kaya', 'Yilmaz', 'El Amrani', 'Verhoeven', 'Lambrechts', 'Postma', 'Hoekstra', 'Dijkstra'];

/** The ten offices: which example each follows, and its share of the incidents. */
const OFFICES: Array<{ seed: string; name: string; id: string; city: string; be: boolean; share: number; prefix: string }> = [
  { seed: 'van-dam-advocaten', id: 'kooistra-advocaten', name: 'Kooistra Advocaten B.V.', city: 'Groningen', be: false, share: 0.25, prefix: 'KOO' },
  { seed: 'assurantiekantoor-bosman', id: 'verzekeringen-lindeboom', name: 'Lindeboom Verzekeringen B.V.', city: 'Apeldoorn', be: false, share: 0.18, prefix: 'LIN' },
  { seed: 'boekhouding-claes', id: 'accountants-vandevelde', name: 'Accountantskantoor Van de Velde BV', city: 'Leuven', be: true, share: 0.14, prefix: 'VDV' },
  { seed: 'assurantiekantoor-bosman', id: 'hypotheekhuis-meijer', name: 'Hypotheekhuis Meijer B.V.', city: 'Deventer', be: false, share: 0.1, prefix: 'MEI' },
  { seed: 'van-dam-advocaten', id: 'advocatenkantoor-tromp', name: 'Advocatenkantoor Tromp & Visser B.V.', city: 'Haarlem', be: false, share: 0.08, prefix: 'TRO' },
  { seed: 'boekhouding-claes', id: 'fiscalisten-declercq', name: 'Fiscalisten De Clercq BV', city: 'Brugge', be: true, share: 0.07, prefix: 'DCL' },
  { seed: 'assurantiekantoor-bosman', id: 'assurantien-vermaat', name: 'Vermaat Assurantiën B.V.', city: 'Leeuwarden', be: false, share: 0.06, prefix: 'VER' },
  { seed: 'van-dam-advocaten', id: 'letselschade-vandijk', name: 'Van Dijk Letselschade Advocaten B.V.', city: 'Arnhem', be: false, share: 0.05, prefix: 'DIJ' },
  { seed: 'boekhouding-claes', id: 'boekhouding-janssens', name: 'Boekhoudbureau Janssens BV', city: 'Hasselt', be: true, share: 0.04, prefix: 'JAN' },
  { seed: 'assurantiekantoor-bosman', id: 'adviesgroep-smits', name: 'Adviesgroep Smits B.V.', city: 'Tilburg', be: false, share: 0.03, prefix: 'SMI' },
];

const person = (r: Rand): string => `${pick(r, FIRST)} ${pick(r, LAST)}`;

function makeOrgs(r: Rand): GeneratedOrg[] {
  return OFFICES.map((o) => {
    const digits = (n: number) => Array.from({ length: n }, () => int(r, 0, 9)).join('');
    const be = o.be;
    return {
      id: o.id,
      seed: o.seed,
      name: o.name,
      street: `${pick(r, ['Kerkstraat', 'Stationsweg', 'Marktplein', 'Molenlaan', 'Beukenlaan', 'Havenkade'])} ${int(r, 1, 180)}`,
      postcode: be ? String(int(r, 1000, 9999)) : `${int(r, 1000, 9999)} ${pick(r, ['AB', 'CK', 'GH', 'LM', 'PR', 'TV'])}`,
      city: o.city,
      chamber: be ? `0${digits(3)}.${digits(3)}.${digits(3)}` : digits(8),
      domain: `${o.id}.example`,
      officer: person(r),
      manager: person(r),
      dpo: person(r),
      processorName: person(r),
      processorOrg: `${pick(r, ['Noord', 'Rivier', 'Polder', 'Kempen', 'Duin'])} ${pick(r, ['ICT', 'Systemen', 'Cloud', 'Automatisering'])} ${be ? 'BV' : 'B.V.'}`,
      processorDomain: `it-partner-${o.prefix.toLowerCase()}.example`,
      share: o.share,
      prefix: o.prefix,
    };
  });
}

function replaceAll(text: string, pairs: Array<[string, string]>): string {
  for (const [from, to] of pairs) text = text.split(from).join(to);
  return text;
}

// ---- dates ----------------------------------------------------------------------------------

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?([+-]\d{2}:\d{2}|Z)$/;
const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY = 86_400_000;

/** Last Sunday of a month, 01:00 UTC: when EU summer time starts (March) or ends (October). */
function lastSundayOneUtc(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0, 1, 0, 0));
  return last.getTime() - last.getUTCDay() * DAY;
}

/** UTC offset in minutes of Europe/Amsterdam and Europe/Brussels (same rules) at an instant. */
function euOffsetMinutes(ms: number): number {
  const y = new Date(ms).getUTCFullYear();
  return ms >= lastSundayOneUtc(y, 2) && ms < lastSundayOneUtc(y, 9) ? 120 : 60;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function formatInstant(ms: number, withSeconds: boolean): string {
  const off = euOffsetMinutes(ms);
  const d = new Date(ms + off * 60_000);
  const base = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return `${base}${withSeconds ? `:${pad(d.getUTCSeconds())}` : ''}+${pad(Math.floor(off / 60))}:${pad(off % 60)}`;
}

/** Moves an ISO instant or plain date back by `days` (instants by exactly days x 24 h). */
export function shiftDate(value: string, days: number): string | null {
  const i = INSTANT.exec(value);
  if (i) {
    const ms = Date.parse(value) - days * DAY;
    return formatInstant(ms, i[6] !== undefined);
  }
  const p = PLAIN_DATE.exec(value);
  if (p) {
    const d = new Date(Date.UTC(Number(p[1]), Number(p[2]) - 1, Number(p[3])) - days * DAY);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  }
  return null;
}

// ---- incidents ------------------------------------------------------------------------------

const EXTRA_FACTS = [
  (r: Rand) => `Het incident is intern geregistreerd onder kenmerk INT-${int(r, 10000, 99999)}.`,
  (r: Rand) => `De eerste interne melding kwam binnen via de servicedesk (ticket ${int(r, 100000, 999999)}).`,
  (r: Rand) => `Bij het onderzoek waren ${int(r, 2, 6)} medewerkers betrokken.`,
  (r: Rand) => `Het kantoor heeft de gang van zaken op ${int(r, 2, 28)} juni besproken in het wekelijkse overleg.`,
  (r: Rand) => `Er zijn ${int(r, 3, 40)} logregels en ${int(r, 1, 9)} e-mails bewaard als bewijs.`,
];
const TITLE_SUFFIX = ['', '', '', ' (vestiging centrum)', ' (afdeling particulieren)', ' (afdeling zakelijk)', ' (tweede melding)'];

function scaleNumber(doc: Document, pathParts: Array<string | number>, factor: number): void {
  const v = doc.getIn(pathParts);
  if (typeof v === 'number' && Number.isInteger(v) && v > 1) doc.setIn(pathParts, Math.max(1, Math.round(v * factor)));
}

/** One generated incident, from an example incident's text. */
function makeIncident(seedText: string, org: GeneratedOrg, id: string, r: Rand): string {
  const text = replaceAll(seedText, SEED_STRINGS[org.seed]!.strings(org));
  const doc = parseDocument(text);
  doc.setIn(['id'], id);
  doc.setIn(['title'], `${String(doc.getIn(['title']))}${pick(r, TITLE_SUFFIX)}`);
  if (doc.hasIn(['reporter', 'name'])) doc.setIn(['reporter', 'name'], person(r));
  const facts = doc.getIn(['what', 'facts']);
  if (typeof facts === 'string') doc.setIn(['what', 'facts'], `${facts} ${pick(r, EXTRA_FACTS)(r)}`);
  const factor = 0.6 + r() * 0.9;
  scaleNumber(doc, ['personal_data', 'records'], factor);
  // Spread over about 18 months before the benchmark's "now".
  const days = int(r, 0, 540);
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value !== 'string') return;
      const shifted = shiftDate(node.value, days);
      if (shifted !== null) node.value = shifted;
    },
  });
  return doc.toString({ lineWidth: 0 });
}

export interface GeneratedProject {
  root: string;
  organisations: GeneratedOrg[];
  incidents: number;
  /** Incident files, relative to root, in generation order. */
  files: string[];
  /** "Now" for every command: after every generated date. */
  now: string;
}

/** Writes the project under `root` (which must be empty or absent). */
export async function generateProject(opts: { source: string; root: string; n: number; seed?: number }): Promise<GeneratedProject> {
  const r = prng(opts.seed ?? 20261201);
  const orgs = makeOrgs(r);
  const seedIncidents = new Map<string, string[]>();
  for (const seedOrg of Object.keys(SEED_STRINGS)) {
    const dir = path.join(opts.source, 'incidents', seedOrg);
    const names = (await readdir(dir)).filter((f) => f.endsWith('.yaml')).sort();
    seedIncidents.set(seedOrg, await Promise.all(names.map((f) => readFile(path.join(dir, f), 'utf8'))));
  }
  // Federation packs the example offices extend (packs/voorbeeld-federatie).
  await cp(path.join(opts.source, 'packs', 'voorbeeld-federatie'), path.join(opts.root, 'packs', 'voorbeeld-federatie'), { recursive: true });
  for (const o of orgs) {
    const seedText = await readFile(path.join(opts.source, 'templates', o.seed, 'organisation.yaml'), 'utf8');
    const text = replaceAll(seedText, SEED_STRINGS[o.seed]!.strings(o));
    await mkdir(path.join(opts.root, 'templates', o.id), { recursive: true });
    await writeFile(path.join(opts.root, 'templates', o.id, 'organisation.yaml'), text);
    await mkdir(path.join(opts.root, 'incidents', o.id), { recursive: true });
  }
  // Counts per office from the shares (largest remainders, so they add up to n).
  const raw = orgs.map((o) => o.share * opts.n);
  const counts = raw.map(Math.floor);
  const order = raw.map((v, i) => [v - Math.floor(v), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0, left = opts.n - counts.reduce((a, b) => a + b, 0); k < left; k++) counts[order[k % order.length]![1]]! ++;

  const files: string[] = [];
  const writes: Array<Promise<void>> = [];
  for (const [i, o] of orgs.entries()) {
    const seeds = seedIncidents.get(o.seed)!;
    // Round-robin over the examples from a random start: every outcome present even in small offices.
    const start = int(r, 0, seeds.length - 1);
    for (let k = 1; k <= counts[i]!; k++) {
      const seedText = seeds[(start + k) % seeds.length]!;
      // Ids are unique across the whole project (a validation rule), hence the office's prefix.
      const id = `${o.prefix}-${String(k).padStart(5, '0')}`;
      const rel = `incidents/${o.id}/${id}.yaml`;
      files.push(rel);
      writes.push(writeFile(path.join(opts.root, rel), makeIncident(seedText, o, id, r)));
      if (writes.length >= 256) await Promise.all(writes.splice(0));
    }
  }
  await Promise.all(writes);
  return { root: opts.root, organisations: orgs, incidents: opts.n, files, now: '2026-12-01T09:00:00+01:00' };
}

/** The one-incident edit of the benchmark: a corrected sentence in the facts (the register row shows the facts too). */
export async function editIncident(file: string): Promise<void> {
  const doc = parseDocument(await readFile(file, 'utf8'));
  doc.setIn(['what', 'facts'], `${String(doc.getIn(['what', 'facts']))} Aanvulling na nader onderzoek: de melding is bevestigd door de IT-beheerder.`);
  await writeFile(file, doc.toString({ lineWidth: 0 }));
}
