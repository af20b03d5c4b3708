/**
 * The data handed to document templates: one object per document, built from the incident,
 * its triage Outcome and its organisation. PURE: no IO, no clock (the document date is passed
 * in), no machine locale or time zone.
 *
 * Field names are Dutch and meant for the people who write templates (federations, offices):
 * `organisatie.naam`, `feiten`, `kennisname_op`, `deadline`, `gegevens`, `beslispad`... The
 * same names are used for a French document; the values (labels, sentences) are then French.
 * Every field is described in FIELD_DOCS (fields.ts), which the `fields` command and template
 * lint read; a test checks that the two agree for every bundled example.
 *
 * Values are strings, numbers, booleans, ISO-8601 instants (formatted in templates with
 * `datum`, `datumtijd`, `date`, `dateheure`...) or lists of strings or objects. An optional fact
 * that is absent is `null`, always beside a `heeft_…` (or similar) boolean that templates use
 * as a section guard, because printing null is an error by design. `$zone` carries the office's
 * time zone for the date filters and `$taal` the document language.
 *
 * Register rows flatten every text to one line (a Markdown table cell cannot hold a line break).
 */
import type { DataKind, Incident, InstantOrDate, Person } from '../model/incident.js';
import type { Contact, Organisation } from '../model/organisation.js';
import type { Outcome } from '../model/outcome.js';
import { aantal, date as dateFr, dateheure, datum, datumtijd, lijst, liste, nombre } from '../render/template/filters.js';
import { timeZoneFor } from '../triage/deadline.js';
import type { DocumentLanguage, DocumentTexts, TextContext } from './context.js';
import type { EiKey, Labels } from './labels.js';
import { LABELS_FR } from './labels-fr.js';
import { LABELS_NL } from './labels-nl.js';
import { TEXTS_FR } from './texts-fr.js';
import { TEXTS_NL } from './texts-nl.js';

export type { DocumentLanguage } from './context.js';

// ---- the shapes --------------------------------------------------------------------------------

/** A contact of the office (e-mail and phone always known). */
export interface ContactData {
  naam: string;
  functie: string | null;
  heeft_functie: boolean;
  email: string;
  telefoon: string;
}

/** A person named in the incident (e-mail and phone may be missing). */
export interface PersoonData {
  naam: string;
  functie: string | null;
  heeft_functie: boolean;
  email: string | null;
  heeft_email: boolean;
  telefoon: string | null;
  heeft_telefoon: boolean;
}

export interface OrganisatieData {
  naam: string;
  /** "Pijnboomsingel 27, 3512 XK Utrecht" */
  adres: string;
  straat: string;
  postcode: string;
  plaats: string;
  land: string;
  land_code: string;
  nederland: boolean;
  belgie: boolean;
  ondernemingsnummer: string;
  ondernemingsnummer_soort: string;
  sector: string;
  beroepsgeheim: boolean;
  wft_financiele_onderneming: boolean;
  ondertitel: string | null;
  heeft_ondertitel: boolean;
  website: string | null;
  heeft_website: boolean;
  email: string | null;
  heeft_email: boolean;
  telefoon: string | null;
  heeft_telefoon: boolean;
  logo: string | null;
  heeft_logo: boolean;
}

export interface AutoriteitData {
  code: string;
  naam: string;
  naam_met_lidwoord: string;
  korte_naam: string;
  nederland: boolean;
  belgie: boolean;
}

export interface OndertekeningData {
  naam: string;
  functie: string | null;
  heeft_functie: boolean;
}

export interface VerwerkerData {
  naam: string;
  rol: string | null;
  heeft_rol: boolean;
  contact: PersoonData | null;
  heeft_contact: boolean;
  ingelicht_op: string | null;
  heeft_ingelicht_op: boolean;
}

export interface InloggegevensData {
  opent: string;
  categorie: string;
}

export interface BackUpData {
  beschikbaar: boolean;
  hersteld: boolean;
  hersteltijd_uren: number | null;
  heeft_hersteltijd: boolean;
}

export interface VervolgmeldingData {
  op: string;
  soort: string;
  samenvatting: string;
  kenmerk: string | null;
  heeft_kenmerk: boolean;
}

export interface UitzonderingData {
  code: string;
  grond: string;
  grondslag: string;
  motivering: string;
  publieke_mededeling: string | null;
  heeft_publieke_mededeling: boolean;
}

export interface StapData {
  stap: string;
  vraag: string;
  antwoord: string;
  reden: string;
  grondslag: string;
}

export interface FactorData {
  code: string;
  richting: string;
  verhogend: boolean;
  verlagend: boolean;
  tekst: string;
  gevolg: string | null;
  heeft_gevolg: boolean;
}

export interface EnisaCorrectieData {
  onderdeel: string;
  waarde: number;
  reden: string;
}

export interface EnisaData {
  dpc: number;
  ei: number;
  ei_omschrijving: string;
  cb: number;
  score: number;
  band: string;
  band_code: string;
  signalen: string[];
  heeft_signalen: boolean;
  correcties: EnisaCorrectieData[];
  heeft_correcties: boolean;
}

export interface RisicoData {
  niveau: string;
  niveau_code: string;
  geen: boolean;
  aanwezig: boolean;
  hoog: boolean;
  beoordeeld: boolean;
  beoordeeld_door: string | null;
  beoordeeld_op: string | null;
  motivering: string | null;
  heeft_motivering: boolean;
  suggestie: string;
  suggestie_code: string;
  wijkt_af: boolean;
  beleid: string;
  enisa: EnisaData;
  factoren: FactorData[];
  heeft_factoren: boolean;
}

export interface ChecklistStapData {
  stap: string;
  code: string;
  eigenaar: string | null;
  heeft_eigenaar: boolean;
  gedaan: boolean;
  gedaan_op: string | null;
  notitie: string | null;
  heeft_notitie: boolean;
}

/** Facts shared by the incident documents and the register rows. */
export interface IncidentFeitenData {
  nummer: string;
  titel: string;
  open: boolean;
  status: string;
  ontdekt_op: string;
  kennisname_op: string;
  feiten: string;
  soort_incident: string;
  gegevens: string[];
  heeft_gegevens: boolean;
  bijzondere_gegevens: string[];
  heeft_bijzondere_gegevens: boolean;
  persoonsgegevens_betrokken: boolean;
  aantal_betrokkenen: number | null;
  betrokkenen_min: number | null;
  betrokkenen_max: number | null;
  aantal_exact: boolean;
  aantal_bereik: boolean;
  aantal_ten_minste: boolean;
  aantal_ten_hoogste: boolean;
  aantal_onbekend: boolean;
  gevolgen: string[];
  heeft_gevolgen: boolean;
  gevolgen_gegevens: string[];
  heeft_gevolgen_gegevens: boolean;
  ernst: string | null;
  heeft_ernst: boolean;
  gevolgen_toelichting: string | null;
  heeft_gevolgen_toelichting: boolean;
  maatregelen_genomen: string[];
  heeft_maatregelen_genomen: boolean;
  maatregelen_gepland: string[];
  heeft_maatregelen_gepland: boolean;
  datalek: boolean;
  risiconiveau: string;
  melding_verplicht: boolean;
  autoriteit_gemeld: boolean;
  gemeld_op: string | null;
  meldnummer: string | null;
  heeft_meldnummer: boolean;
  niet_gemeld_reden: string | null;
  heeft_niet_gemeld_reden: boolean;
  te_laat: boolean;
  redenen_vertraging: string | null;
  heeft_redenen_vertraging: boolean;
  betrokkenen_informeren: boolean;
  betrokkenen_geinformeerd: boolean;
  geinformeerd_op: string | null;
  informeren_gepland: boolean;
  kanalen: string[];
  heeft_kanalen: boolean;
  aantal_geinformeerd: number | null;
  heeft_aantal_geinformeerd: boolean;
  niet_informeren_reden: string | null;
  heeft_niet_informeren_reden: boolean;
  politie_gemeld: boolean;
  politie_gemeld_op: string | null;
  heeft_politie_gemeld_op: boolean;
  politie_kenmerk: string | null;
  heeft_politie_kenmerk: boolean;
  verzekeraar_ingelicht: boolean;
  verzekeraar_ingelicht_op: string | null;
}

export interface IncidentDocumentData extends IncidentFeitenData {
  $zone: string;
  $taal: DocumentLanguage;
  documentdatum: string;
  plaats: string;
  aanhef: string;
  organisatie: OrganisatieData;
  autoriteit: AutoriteitData;
  contact: ContactData;
  contact_is_fg: boolean;
  meldingsverantwoordelijke: ContactData;
  directie: ContactData;
  fg: ContactData | null;
  heeft_fg: boolean;
  ondertekening: OndertekeningData;
  melder: PersoonData;
  verwerker: VerwerkerData | null;
  heeft_verwerker: boolean;
  incident: { nummer: string; titel: string; bestand: string; afgesloten_op: string | null; heeft_afgesloten_op: boolean };
  begonnen_op: string | null;
  heeft_begonnen_op: boolean;
  begonnen_op_met_tijd: boolean;
  beeindigd_op: string | null;
  heeft_beeindigd_op: boolean;
  beeindigd_op_met_tijd: boolean;
  loopt_nog: boolean;
  ontdekking: string | null;
  heeft_ontdekking: boolean;
  oorzaak: string | null;
  heeft_oorzaak: boolean;
  aard: string[];
  aard_vertrouwelijkheid: boolean;
  aard_integriteit: boolean;
  aard_beschikbaarheid: boolean;
  beschikbaarheid_verlies: string | null;
  heeft_beschikbaarheid_verlies: boolean;
  integriteit_herstel: string | null;
  heeft_integriteit_herstel: boolean;
  blootstelling: string | null;
  heeft_blootstelling: boolean;
  kwaadwillig: boolean;
  exfiltratie: string;
  inloggegevens: InloggegevensData | null;
  heeft_inloggegevens: boolean;
  gegevens_omschrijving: string | null;
  heeft_gegevens_omschrijving: boolean;
  aantal_records: number | null;
  heeft_aantal_records: boolean;
  records_geschat: boolean;
  betrokkenen_groepen: string[];
  heeft_betrokkenen_groepen: boolean;
  betrokkenen_omschrijving: string | null;
  heeft_betrokkenen_omschrijving: boolean;
  kwetsbaar: boolean;
  landen: string[];
  heeft_landen: boolean;
  landen_buitenland: string[];
  buitenland: boolean;
  beveiliging: string;
  versleuteld: boolean;
  stand_van_de_techniek: boolean;
  sleutel_gecompromitteerd: boolean;
  beveiliging_toelichting: string | null;
  heeft_beveiliging_toelichting: boolean;
  back_up: BackUpData;
  inperking: string[];
  heeft_inperking: boolean;
  inperking_toelichting: string | null;
  heeft_inperking_toelichting: boolean;
  wat_kunt_u_doen: string[];
  niet_getroffen: string[];
  heeft_niet_getroffen: boolean;
  deadline: string;
  uren_gebruikt: number | null;
  heeft_uren_gebruikt: boolean;
  binnen_termijn: boolean;
  vertraging_motiveren: boolean;
  soort_melding: string;
  vervolgmeldingen: VervolgmeldingData[];
  heeft_vervolgmeldingen: boolean;
  wettelijke_grondslag: string;
  andere_toezichthouders: string[];
  heeft_andere_toezichthouders: boolean;
  andere_autoriteiten: string[];
  heeft_andere_autoriteiten: boolean;
  uitzondering: UitzonderingData | null;
  heeft_uitzondering: boolean;
  brief_gevraagd: boolean;
  beslispad: StapData[];
  risico: RisicoData;
  stappenplan: ChecklistStapData[];
}

export interface RegisterDocumentData {
  $zone: string;
  $taal: DocumentLanguage;
  documentdatum: string;
  plaats: string;
  organisatie: OrganisatieData;
  autoriteit: AutoriteitData;
  meldingsverantwoordelijke: ContactData;
  aantal_incidenten: number;
  aantal_datalekken: number;
  aantal_gemeld: number;
  heeft_incidenten: boolean;
  incidenten: IncidentFeitenData[];
}

export interface IncidentDocumentInput {
  incident: Incident;
  outcome: Outcome;
  organisation: Organisation;
  language: DocumentLanguage;
  /** The date of the document (shown as "Utrecht, 22 november 2026"). */
  date: Date;
}

export interface RegisterDocumentInput {
  organisation: Organisation;
  rows: ReadonlyArray<{ incident: Incident; outcome: Outcome }>;
  language: DocumentLanguage;
  date: Date;
}

// ---- helpers -----------------------------------------------------------------------------------

const LANG: Record<DocumentLanguage, { labels: Labels; texts: DocumentTexts }> = {
  nl: { labels: LABELS_NL, texts: TEXTS_NL },
  fr: { labels: LABELS_FR, texts: TEXTS_FR },
};

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Trimmed text, or null when empty or absent. */
function opt(s: string | undefined | null): string | null {
  const t = s?.trim();
  return t ? t : null;
}

/** One line: runs of white space (line breaks too) become one space. */
function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function uniq<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

function contactData(c: Contact): ContactData {
  const functie = opt(c.function);
  return { naam: c.name, functie, heeft_functie: functie !== null, email: c.email, telefoon: c.phone };
}

function personData(p: Person): PersoonData {
  const functie = opt(p.function);
  const email = opt(p.email);
  const telefoon = opt(p.phone);
  return {
    naam: p.name,
    functie,
    heeft_functie: functie !== null,
    email,
    heeft_email: email !== null,
    telefoon,
    heeft_telefoon: telefoon !== null,
  };
}

function organisationData(o: Organisation, L: Labels, T: DocumentTexts): OrganisatieData {
  const lh = o.letterhead ?? {};
  const ondertitel = opt(lh.tagline);
  const website = opt(lh.website);
  const email = opt(lh.email);
  const telefoon = opt(lh.phone);
  const logo = opt(lh.logo);
  return {
    naam: o.name,
    adres: `${o.address.street}, ${o.address.postcode} ${o.address.city}`,
    straat: o.address.street,
    postcode: o.address.postcode,
    plaats: o.address.city,
    land: L.country[o.address.country],
    land_code: o.address.country,
    nederland: o.country === 'NL',
    belgie: o.country === 'BE',
    ondernemingsnummer: o.chamber_of_commerce,
    ondernemingsnummer_soort: T.registrationNumberKind(o.country),
    sector: L.sector[o.sector],
    beroepsgeheim: o.professional_secrecy === true,
    wft_financiele_onderneming: o.wft_financial_undertaking && o.country === 'NL',
    ondertitel,
    heeft_ondertitel: ondertitel !== null,
    website,
    heeft_website: website !== null,
    email,
    heeft_email: email !== null,
    telefoon,
    heeft_telefoon: telefoon !== null,
    logo,
    heeft_logo: logo !== null,
  };
}

function authorityData(o: Organisation, L: Labels): AutoriteitData {
  const code = o.authority ?? (o.country === 'BE' ? 'GBA' : 'AP');
  return { code, naam: L.authority[code], naam_met_lidwoord: L.authorityWithArticle[code], korte_naam: L.authorityShort[code], nederland: code === 'AP', belgie: code !== 'AP' };
}

function textContext(incident: Incident, organisation: Organisation, outcome: Outcome, language: DocumentLanguage, zone: string): TextContext {
  const { labels } = LANG[language];
  const nl = language === 'nl';
  const kindsList = incident.personal_data.kinds ?? [];
  const ds = incident.data_subjects;
  const belgian = organisation.country === 'BE';
  const code = organisation.authority ?? (belgian ? 'GBA' : 'AP');
  return {
    incident,
    organisation,
    outcome,
    labels,
    zone,
    kinds: new Set<DataKind>(kindsList),
    kind: (k) => (belgian ? labels.dataKindBelgium[k] : undefined) ?? labels.dataKind[k],
    date: (v) => (nl ? datum(v, zone) : dateFr(v, zone)),
    dateTime: (v) => (DATE_ONLY.test(v) ? (nl ? datum(v, zone) : dateFr(v, zone)) : nl ? datumtijd(v, zone) : dateheure(v, zone)),
    number: (n) => (nl ? aantal(n) : nombre(n)),
    list: (items) => (nl ? lijst([...items]) : liste([...items])),
    people: ds?.count ?? ds?.count_max ?? ds?.count_min,
    authorityName: labels.authorityWithArticle[code],
  };
}

// ---- the facts shared by documents and register rows -----------------------------------------------

function incidentFacts(c: TextContext, T: DocumentTexts, flatten: boolean): IncidentFeitenData {
  const { incident: inc, outcome: o, labels: L } = c;
  const text = (s: string): string => (flatten ? oneLine(s) : s.trim());
  const optText = (s: string | undefined): string | null => {
    const t = opt(s);
    return t === null ? null : text(t);
  };
  const ds = inc.data_subjects ?? {};
  const exact = ds.count !== undefined;
  const min = ds.count ?? ds.count_min ?? null;
  const max = ds.count ?? ds.count_max ?? null;
  const bereik = !exact && ds.count_min !== undefined && ds.count_max !== undefined;
  const tenMinste = !exact && ds.count_min !== undefined && ds.count_max === undefined;
  const tenHoogste = !exact && ds.count_min === undefined && ds.count_max !== undefined;
  const pd = inc.personal_data;
  const gegevens = pd.involved ? uniq(pd.kinds ?? []).map(c.kind) : [];
  if (pd.involved && pd.credentials && !(pd.kinds ?? []).includes('access_or_identification')) {
    gegevens.push(c.kind('access_or_identification'));
  }
  const bijzonder = pd.involved ? uniq(pd.special_categories ?? []).map((s) => L.specialCategory[s]) : [];
  const cons = inc.consequences ?? {};
  const gevolgen = uniq(cons.for_people ?? []).map((x) => L.peopleConsequence[x]);
  const gevolgenGegevens = uniq(cons.for_data ?? []).map((x) => L.dataConsequence[x]);
  const ernst = cons.severity ? L.severity[cons.severity] : null;
  const taken = (inc.measures?.taken ?? []).map(text).filter((s) => s !== '');
  const planned = (inc.measures?.planned ?? []).map(text).filter((s) => s !== '');
  const auth = inc.authority ?? {};
  const notified = o.authority.notifiedAt !== null;
  const meldnummer = opt(auth.reference);
  const nietGemeld = o.notifyAuthority || notified ? null : optText(auth.not_notified_reason);
  const vertraging = optText(auth.late_reasons);
  const comm = inc.communication ?? {};
  const informed = opt(comm.informed_at) !== null;
  const kanalen = uniq(comm.channels ?? []).map((x) => L.channel[x]);
  const nietInformeren = T.notInformedReason(c);
  const police = inc.police_report;
  const policeAt = police?.filed ? opt(police.at) : null;
  const policeRef = police?.filed ? opt(police.reference) : null;
  const insurerAt = opt(inc.insurer_informed_at);
  return {
    nummer: inc.id,
    titel: text(inc.title),
    open: opt(inc.timeline.closed_at) === null,
    status: T.status(opt(inc.timeline.closed_at) === null),
    ontdekt_op: inc.timeline.discovered_at,
    kennisname_op: inc.timeline.aware_at,
    feiten: text(inc.what.facts),
    soort_incident: L.incidentKind[inc.what.kind],
    gegevens,
    heeft_gegevens: gegevens.length > 0,
    bijzondere_gegevens: bijzonder,
    heeft_bijzondere_gegevens: bijzonder.length > 0,
    persoonsgegevens_betrokken: pd.involved,
    aantal_betrokkenen: ds.count ?? null,
    betrokkenen_min: min,
    betrokkenen_max: max,
    aantal_exact: exact,
    aantal_bereik: bereik,
    aantal_ten_minste: tenMinste,
    aantal_ten_hoogste: tenHoogste,
    aantal_onbekend: !exact && !bereik && !tenMinste && !tenHoogste,
    gevolgen,
    heeft_gevolgen: gevolgen.length > 0,
    gevolgen_gegevens: gevolgenGegevens,
    heeft_gevolgen_gegevens: gevolgenGegevens.length > 0,
    ernst,
    heeft_ernst: ernst !== null,
    gevolgen_toelichting: optText(cons.description),
    heeft_gevolgen_toelichting: opt(cons.description) !== null,
    maatregelen_genomen: taken,
    heeft_maatregelen_genomen: taken.length > 0,
    maatregelen_gepland: planned,
    heeft_maatregelen_gepland: planned.length > 0,
    datalek: o.breach,
    risiconiveau: L.riskLevel[o.risk.level],
    melding_verplicht: o.notifyAuthority,
    autoriteit_gemeld: notified,
    gemeld_op: notified ? (opt(auth.notified_at) ?? o.authority.notifiedAt) : null,
    meldnummer,
    heeft_meldnummer: meldnummer !== null,
    niet_gemeld_reden: nietGemeld,
    heeft_niet_gemeld_reden: nietGemeld !== null,
    te_laat: o.authority.late,
    redenen_vertraging: vertraging,
    heeft_redenen_vertraging: vertraging !== null,
    betrokkenen_informeren: o.notifyDataSubjects,
    betrokkenen_geinformeerd: informed,
    geinformeerd_op: informed ? (comm.informed_at ?? null) : null,
    informeren_gepland: !informed && comm.planned === true,
    kanalen,
    heeft_kanalen: kanalen.length > 0,
    aantal_geinformeerd: comm.count ?? null,
    heeft_aantal_geinformeerd: comm.count !== undefined,
    niet_informeren_reden: nietInformeren === null ? null : text(nietInformeren),
    heeft_niet_informeren_reden: nietInformeren !== null,
    politie_gemeld: police?.filed === true,
    politie_gemeld_op: policeAt,
    heeft_politie_gemeld_op: policeAt !== null,
    politie_kenmerk: policeRef,
    heeft_politie_kenmerk: policeRef !== null,
    verzekeraar_ingelicht: insurerAt !== null,
    verzekeraar_ingelicht_op: insurerAt,
  };
}

// ---- the incident document ---------------------------------------------------------------------------

function riskData(c: TextContext, T: DocumentTexts): RisicoData {
  const { incident: inc, outcome: o, labels: L } = c;
  const s = o.risk.suggested;
  const ra = inc.risk_assessment;
  const eiKey = String(s.enisa.ei) as EiKey;
  const correcties: EnisaCorrectieData[] = [];
  for (const part of ['dpc', 'ei', 'cb'] as const) {
    const ov = ra?.enisa?.[part];
    if (ov) correcties.push({ onderdeel: T.enisaPart[part], waarde: ov.value, reden: ov.reason.trim() });
  }
  const signalen = s.enisa.flags.map(T.flag);
  const factoren: FactorData[] = [];
  for (const d of s.factorDetails) {
    if (d.code === 'enisa_band' || d.code === 'result') continue; // shown as figures and as the suggestion
    const f = T.factor(d, c);
    if (f === undefined) continue;
    factoren.push({
      code: d.code,
      richting: T.effect[d.effect],
      verhogend: d.effect === 'up',
      verlagend: d.effect === 'down',
      tekst: f.tekst,
      gevolg: f.gevolg,
      heeft_gevolg: f.gevolg !== null,
    });
  }
  const motivering = opt(ra?.rationale);
  return {
    niveau: L.riskLevel[o.risk.level],
    niveau_code: o.risk.level,
    geen: o.risk.level === 'none',
    aanwezig: o.risk.level !== 'none',
    hoog: o.risk.level === 'high',
    beoordeeld: o.risk.source === 'assessed',
    beoordeeld_door: o.risk.source === 'assessed' ? (o.risk.assessedBy ?? null) : null,
    beoordeeld_op: o.risk.source === 'assessed' ? (o.risk.assessedAt ?? null) : null,
    motivering,
    heeft_motivering: motivering !== null,
    suggestie: L.riskLevel[s.level],
    suggestie_code: s.level,
    wijkt_af: o.risk.source === 'assessed' && s.level !== o.risk.level,
    beleid: `${s.policy.id} ${s.policy.version}`,
    enisa: {
      dpc: s.enisa.dpc,
      ei: s.enisa.ei,
      ei_omschrijving: L.ei[eiKey] ?? String(s.enisa.ei),
      cb: s.enisa.cb,
      score: s.enisa.score,
      band: L.enisaBand[s.enisa.band],
      band_code: s.enisa.band,
      signalen,
      heeft_signalen: signalen.length > 0,
      correcties,
      heeft_correcties: correcties.length > 0,
    },
    factoren,
    heeft_factoren: factoren.length > 0,
  };
}

function exemptionData(c: TextContext, T: DocumentTexts): UitzonderingData | null {
  const e = c.outcome.dataSubjectsExemption;
  if (e === null) return null;
  const claim = c.incident.communication?.exemption;
  const own = claim?.ground === e ? opt(claim.grounds) : null;
  const pc = claim?.ground === e ? opt(claim.public_communication) : null;
  return {
    code: e,
    grond: c.labels.exemption[e],
    grondslag: T.exemptionBasis(e),
    motivering: own ?? T.exemptionGrounds(e, c),
    publieke_mededeling: pc,
    heeft_publieke_mededeling: pc !== null,
  };
}

function processorData(inc: Incident): VerwerkerData | null {
  const p = inc.processor;
  if (!p) return null;
  const rol = opt(p.role);
  const at = opt(p.informed_controller_at);
  const contact = p.contact ? personData(p.contact) : null;
  return { naam: p.name, rol, heeft_rol: rol !== null, contact, heeft_contact: contact !== null, ingelicht_op: at, heeft_ingelicht_op: at !== null };
}

function checklistData(inc: Incident, L: Labels): ChecklistStapData[] {
  const out: ChecklistStapData[] = [];
  const cl = inc.checklist ?? {};
  for (const step of Object.keys(L.checklistStep) as (keyof Labels['checklistStep'])[]) {
    const item = cl[step];
    if (!item) continue;
    const eigenaar = opt(item.owner);
    const notitie = opt(item.note);
    const done = opt(item.done_at);
    out.push({
      stap: L.checklistStep[step],
      code: step,
      eigenaar,
      heeft_eigenaar: eigenaar !== null,
      gedaan: done !== null,
      gedaan_op: done,
      notitie,
      heeft_notitie: notitie !== null,
    });
  }
  return out;
}

/** The data of one incident's documents (letter, authority summary, audit pages). */
export function incidentDocumentData(input: IncidentDocumentInput): IncidentDocumentData {
  const { incident: inc, outcome: o, organisation: org, language, date } = input;
  const { labels: L, texts: T } = LANG[language];
  const zone = timeZoneFor(org);
  const c = textContext(inc, org, o, language, zone);
  const facts = incidentFacts(c, T, false);
  const tl = inc.timeline;
  const what = inc.what;
  const pd = inc.personal_data;
  const ds = inc.data_subjects ?? {};
  const prot = inc.protection;
  const auth = inc.authority ?? {};
  const dpo = org.contacts.dpo ? contactData(org.contacts.dpo) : null;
  const breachOfficer = contactData(org.contacts.breach_officer);
  const management = contactData(org.contacts.management);
  const signatory = org.letterhead?.signatory ?? { name: org.contacts.management.name, function: org.contacts.management.function };
  const signFunction = opt(signatory.function);
  const verwerker = processorData(inc);
  const begonnen = opt(tl.started_at);
  const beeindigd = opt(tl.ended_at);
  const withTime = (v: InstantOrDate | null): boolean => v !== null && !DATE_ONLY.test(v);
  const landen = uniq(ds.countries ?? []).map((x) => L.otherCountries[x.toUpperCase()] ?? x);
  const buitenland = uniq(ds.countries ?? []).filter((x) => x.toUpperCase() !== org.country).map((x) => L.otherCountries[x.toUpperCase()] ?? x);
  const backup = prot?.backup;
  const inperking = T.containment(c);
  const nietGetroffen = T.notAffected(c);
  const vervolg: VervolgmeldingData[] = (auth.follow_ups ?? []).map((f) => {
    const kenmerk = opt(f.reference);
    return { op: f.at, soort: L.followUpKind[f.kind], samenvatting: f.summary.trim(), kenmerk, heeft_kenmerk: kenmerk !== null };
  });
  const toezicht = uniq(auth.other_supervisors ?? []).map((x) => L.otherSupervisor[x]);
  const andereAut = (auth.other_authorities ?? []).map((s) => s.trim()).filter((s) => s !== '');
  const uitzondering = exemptionData(c, T);
  const hours = o.authority.hoursUsed;
  const creds = pd.credentials;
  const integriteit =
    what.nature.includes('integrity') && what.integrity_recoverable !== undefined ? T.integrityRecovery(what.integrity_recoverable) : null;
  const beschikbaarheid = what.nature.includes('availability') && what.availability_loss ? L.availabilityLoss[what.availability_loss] : null;
  const blootstelling = what.nature.includes('confidentiality') && what.exposure ? L.exposure[what.exposure] : null;

  return {
    $zone: zone,
    $taal: language,
    documentdatum: date.toISOString(),
    plaats: opt(org.letterhead?.place) ?? org.address.city,
    aanhef: T.salutation,
    organisatie: organisationData(org, L, T),
    autoriteit: authorityData(org, L),
    contact: dpo ?? breachOfficer,
    contact_is_fg: dpo !== null,
    meldingsverantwoordelijke: breachOfficer,
    directie: management,
    fg: dpo,
    heeft_fg: dpo !== null,
    ondertekening: { naam: signatory.name, functie: signFunction, heeft_functie: signFunction !== null },
    melder: personData(inc.reporter),
    verwerker,
    heeft_verwerker: verwerker !== null,
    incident: {
      nummer: inc.id,
      titel: inc.title.trim(),
      bestand: o.file,
      afgesloten_op: opt(tl.closed_at),
      heeft_afgesloten_op: opt(tl.closed_at) !== null,
    },
    ...facts,
    begonnen_op: begonnen,
    heeft_begonnen_op: begonnen !== null,
    begonnen_op_met_tijd: withTime(begonnen),
    beeindigd_op: beeindigd,
    heeft_beeindigd_op: beeindigd !== null,
    beeindigd_op_met_tijd: withTime(beeindigd),
    loopt_nog: tl.ongoing === true,
    ontdekking: opt(what.discovery),
    heeft_ontdekking: opt(what.discovery) !== null,
    oorzaak: opt(what.cause),
    heeft_oorzaak: opt(what.cause) !== null,
    aard: what.nature.map((n) => L.nature[n]),
    aard_vertrouwelijkheid: what.nature.includes('confidentiality'),
    aard_integriteit: what.nature.includes('integrity'),
    aard_beschikbaarheid: what.nature.includes('availability'),
    beschikbaarheid_verlies: beschikbaarheid,
    heeft_beschikbaarheid_verlies: beschikbaarheid !== null,
    integriteit_herstel: integriteit,
    heeft_integriteit_herstel: integriteit !== null,
    blootstelling,
    heeft_blootstelling: blootstelling !== null,
    kwaadwillig: what.malicious,
    exfiltratie: L.exfiltration[what.exfiltration],
    inloggegevens: creds ? { opent: creds.opens.trim(), categorie: L.dpcCategory[creds.opens_category] } : null,
    heeft_inloggegevens: creds !== undefined,
    gegevens_omschrijving: opt(pd.description),
    heeft_gegevens_omschrijving: opt(pd.description) !== null,
    aantal_records: pd.records ?? null,
    heeft_aantal_records: pd.records !== undefined,
    records_geschat: pd.records !== undefined && pd.records_estimated === true,
    betrokkenen_groepen: uniq(ds.groups ?? []).map((g) => L.subjectGroup[g]),
    heeft_betrokkenen_groepen: (ds.groups ?? []).length > 0,
    betrokkenen_omschrijving: opt(ds.description),
    heeft_betrokkenen_omschrijving: opt(ds.description) !== null,
    kwetsbaar: ds.vulnerable === true || (ds.groups ?? []).some((g) => g === 'minors' || g === 'patients' || g === 'vulnerable'),
    landen,
    heeft_landen: landen.length > 0,
    landen_buitenland: buitenland,
    buitenland: buitenland.length > 0,
    beveiliging: L.protection[prot?.measure ?? 'none'],
    versleuteld: prot !== undefined && prot.measure !== 'none',
    stand_van_de_techniek: prot !== undefined && prot.measure !== 'none' && prot.state_of_the_art === true,
    sleutel_gecompromitteerd: prot?.key_compromised === true,
    beveiliging_toelichting: opt(prot?.description),
    heeft_beveiliging_toelichting: opt(prot?.description) !== null,
    back_up: {
      beschikbaar: backup?.available === true,
      hersteld: backup?.restored === true,
      hersteltijd_uren: backup?.restore_hours ?? null,
      heeft_hersteltijd: backup?.restore_hours !== undefined,
    },
    inperking,
    heeft_inperking: inperking.length > 0,
    inperking_toelichting: opt(inc.containment?.description),
    heeft_inperking_toelichting: opt(inc.containment?.description) !== null,
    wat_kunt_u_doen: T.advice(c),
    niet_getroffen: nietGetroffen,
    heeft_niet_getroffen: nietGetroffen.length > 0,
    deadline: o.authority.deadline,
    uren_gebruikt: hours,
    heeft_uren_gebruikt: hours !== null,
    binnen_termijn: o.authority.notifiedAt !== null && !o.authority.late,
    vertraging_motiveren: o.authority.lateReasonRequired,
    soort_melding: T.newNotification,
    vervolgmeldingen: vervolg,
    heeft_vervolgmeldingen: vervolg.length > 0,
    wettelijke_grondslag: L.legalGround[auth.legal_ground ?? 'gdpr'],
    andere_toezichthouders: toezicht,
    heeft_andere_toezichthouders: toezicht.length > 0,
    andere_autoriteiten: andereAut,
    heeft_andere_autoriteiten: andereAut.length > 0,
    uitzondering,
    heeft_uitzondering: uitzondering !== null,
    brief_gevraagd: inc.communication?.letter_requested === true,
    beslispad: o.path.map((p) => ({ stap: T.stepNumber(String(p.step)), ...T.pathStep(p, c) })),
    risico: riskData(c, T),
    stappenplan: checklistData(inc, L),
  };
}

// ---- the register ------------------------------------------------------------------------------

/** The data of an organisation's register: one row per incident, in the order given. */
export function registerDocumentData(input: RegisterDocumentInput): RegisterDocumentData {
  const { organisation: org, rows, language, date } = input;
  const { labels: L, texts: T } = LANG[language];
  const zone = timeZoneFor(org);
  const incidenten = rows.map(({ incident, outcome }) => incidentFacts(textContext(incident, org, outcome, language, zone), T, true));
  return {
    $zone: zone,
    $taal: language,
    documentdatum: date.toISOString(),
    plaats: opt(org.letterhead?.place) ?? org.address.city,
    organisatie: organisationData(org, L, T),
    autoriteit: authorityData(org, L),
    meldingsverantwoordelijke: contactData(org.contacts.breach_officer),
    aantal_incidenten: incidenten.length,
    aantal_datalekken: incidenten.filter((r) => r.datalek).length,
    aantal_gemeld: incidenten.filter((r) => r.autoriteit_gemeld).length,
    heeft_incidenten: incidenten.length > 0,
    incidenten,
  };
}

export { registerCsv, registerCsvHeaders, registerCsvRows, csvCell, CSV_SEPARATOR } from './csv.js';
export { FIELD_DOCS, type FieldDoc, type FieldType } from './fields.js';
