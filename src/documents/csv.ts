/**
 * The register as CSV for spreadsheets: RFC 4180 with ";" as separator (what Dutch and Belgian
 * Excel expect), a UTF-8 byte order mark (so Excel reads "ë" and "€" right), CRLF between
 * records, and a field quoted only when it holds ";", a double quote or a line break. A cell that
 * starts with = + - @ (or a tab or carriage return) gets a leading apostrophe, so a spreadsheet
 * never runs it as a formula (CSV/formula injection). The header is Dutch; dates are local wall
 * time in the office's zone as "dd-mm-jjjj uu:mm". Pure.
 */
import { datumkort, tijd } from '../render/template/filters.js';
import type { IncidentFeitenData, RegisterDocumentData } from './data.js';
import { TEXTS_FR } from './texts-fr.js';
import { TEXTS_NL } from './texts-nl.js';

export const CSV_SEPARATOR = ';';
const BOM = '\ufeff';
const CRLF = '\r\n';

/** A cell as the spreadsheet will see it: formulas neutralised, quoted where needed. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

interface Column {
  header: string;
  cell: (r: IncidentFeitenData) => string;
}

function columns(data: RegisterDocumentData): Column[] {
  const zone = data.$zone;
  const nl = data.$taal === 'nl';
  const T = nl ? TEXTS_NL : TEXTS_FR;
  const when = (v: string | null): string => (v === null ? '' : /^\d{4}-\d{2}-\d{2}$/.test(v) ? datumkort(v, zone) : `${datumkort(v, zone)} ${tijd(v, zone)}`);
  const yes = (b: boolean): string => (nl ? (b ? 'ja' : 'nee') : b ? 'oui' : 'non');
  const list = (xs: readonly string[]): string => xs.join(', ');
  const lines = (xs: readonly string[]): string => xs.join('\n');
  const people = (r: IncidentFeitenData): string => {
    if (r.aantal_exact && r.aantal_betrokkenen !== null) return String(r.aantal_betrokkenen);
    if (r.aantal_bereik && r.betrokkenen_min !== null && r.betrokkenen_max !== null) return T.range(String(r.betrokkenen_min), String(r.betrokkenen_max));
    if (r.aantal_ten_minste && r.betrokkenen_min !== null) return T.atLeast(String(r.betrokkenen_min));
    if (r.aantal_ten_hoogste && r.betrokkenen_max !== null) return T.atMost(String(r.betrokkenen_max));
    return T.unknown;
  };
  const auth = data.autoriteit.korte_naam;
  return [
    { header: 'Nummer', cell: (r) => r.nummer },
    { header: 'Titel', cell: (r) => r.titel },
    { header: 'Status', cell: (r) => r.status },
    { header: 'Ontdekt op', cell: (r) => when(r.ontdekt_op) },
    { header: 'Kennisname op', cell: (r) => when(r.kennisname_op) },
    { header: 'Wat is er gebeurd', cell: (r) => r.feiten },
    { header: 'Soort incident', cell: (r) => r.soort_incident },
    { header: 'Betrokken persoonsgegevens', cell: (r) => list(r.gegevens) },
    { header: 'Bijzondere persoonsgegevens', cell: (r) => list(r.bijzondere_gegevens) },
    { header: 'Aantal betrokkenen', cell: people },
    { header: 'Gevolgen voor betrokkenen', cell: (r) => list(r.gevolgen) },
    { header: 'Gevolgen voor de gegevens', cell: (r) => list(r.gevolgen_gegevens) },
    { header: 'Ernst', cell: (r) => r.ernst ?? '' },
    { header: 'Toelichting gevolgen', cell: (r) => r.gevolgen_toelichting ?? '' },
    { header: 'Genomen maatregelen', cell: (r) => lines(r.maatregelen_genomen) },
    { header: 'Datalek', cell: (r) => yes(r.datalek) },
    { header: 'Risiconiveau', cell: (r) => r.risiconiveau },
    { header: `Gemeld bij ${auth}`, cell: (r) => yes(r.autoriteit_gemeld) },
    { header: 'Gemeld op', cell: (r) => when(r.gemeld_op) },
    { header: 'Meldnummer', cell: (r) => r.meldnummer ?? '' },
    { header: 'Reden niet gemeld', cell: (r) => r.niet_gemeld_reden ?? '' },
    { header: 'Te laat gemeld', cell: (r) => yes(r.te_laat) },
    { header: 'Redenen vertraging', cell: (r) => r.redenen_vertraging ?? '' },
    { header: 'Betrokkenen geïnformeerd', cell: (r) => yes(r.betrokkenen_geinformeerd) },
    { header: 'Geïnformeerd op', cell: (r) => when(r.geinformeerd_op) },
    { header: 'Kanalen', cell: (r) => list(r.kanalen) },
    { header: 'Aantal geïnformeerd', cell: (r) => (r.aantal_geinformeerd === null ? '' : String(r.aantal_geinformeerd)) },
    { header: 'Reden niet geïnformeerd', cell: (r) => r.niet_informeren_reden ?? '' },
    { header: 'Politie ingelicht', cell: (r) => yes(r.politie_gemeld) },
    { header: 'Aangifte op', cell: (r) => when(r.politie_gemeld_op) },
    { header: 'Kenmerk aangifte', cell: (r) => r.politie_kenmerk ?? '' },
    { header: 'Verzekeraar ingelicht op', cell: (r) => when(r.verzekeraar_ingelicht_op) },
  ];
}

/** The headers of the register CSV, in order. */
export function registerCsvHeaders(data: RegisterDocumentData): string[] {
  return columns(data).map((c) => c.header);
}

/** The cells of the register CSV before quoting: the header row, then one row per incident. */
export function registerCsvRows(data: RegisterDocumentData): string[][] {
  const cols = columns(data);
  return [cols.map((c) => c.header), ...data.incidenten.map((r) => cols.map((c) => c.cell(r)))];
}

/** The register as CSV text (starts with a BOM, records end with CRLF). */
export function registerCsv(data: RegisterDocumentData): string {
  return BOM + registerCsvRows(data).map((rec) => rec.map(csvCell).join(CSV_SEPARATOR) + CRLF).join('');
}
