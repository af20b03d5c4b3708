/**
 * A new incident file (pure): the YAML text `datalek new` writes. It validates as it stands;
 * what only a person can know is marked with PLACEHOLDER, which `datalek validate` reports as a
 * warning until it is replaced.
 */
import { localIso } from './instant.js';

export const PLACEHOLDER = '[in te vullen]';

export interface NewIncidentInput {
  id: string;
  organisation: string;
  title?: string;
  reporter: { name: string; function?: string; email?: string; phone?: string };
  now: Date;
  zone: string;
  /** Relative path from the new file to schemas/incident.schema.json. */
  schemaRef: string;
}

/** YAML double-quoted scalar: JSON's string syntax is valid YAML and escapes everything. */
const q = (s: string): string => JSON.stringify(s);

export function newIncidentYaml(input: NewIncidentInput): string {
  const at = localIso(input.now, input.zone);
  const r = input.reporter;
  const reporter = [
    `  name: ${q(r.name)}`,
    ...(r.function ? [`  function: ${q(r.function)}`] : []),
    ...(r.email ? [`  email: ${q(r.email)}`] : []),
    ...(r.phone ? [`  phone: ${q(r.phone)}`] : []),
  ].join('\n');
  return `# yaml-language-server: $schema=${input.schemaRef}
# Nieuw incident, aangemaakt met \`datalek new\`. Vul alles in wat met ${PLACEHOLDER} is gemarkeerd,
# pas de tijdstippen aan (altijd met UTC-offset) en laat een benoemde persoon het risico beoordelen.
id: ${q(input.id)}
organisation: ${q(input.organisation)}
title: ${q(input.title ?? `${PLACEHOLDER} korte omschrijving van het incident`)}
reporter:
${reporter}
timeline:
  # Moment van ontdekking en van kennisname: de 72 uur lopen vanaf aware_at.
  discovered_at: ${q(at)}
  aware_at: ${q(at)}
  ongoing: true
what:
  facts: ${q(`${PLACEHOLDER} wat is er gebeurd, wanneer, waar en hoe`)}
  discovery: ${q(`${PLACEHOLDER} hoe is het incident ontdekt`)}
  kind: other
  nature:
    - confidentiality
  malicious: false
  exfiltration: unknown
personal_data:
  # Bij twijfel: ja. Zet op false als er aantoonbaar geen persoonsgegevens bij betrokken zijn.
  involved: true
  kinds:
    - unknown
data_subjects:
  groups:
    - customers
measures:
  taken:
    - ${q(`${PLACEHOLDER} welke maatregelen zijn direct genomen`)}
checklist:
  identify_and_contain:
    owner: ${q(r.name)}
  assess_risk:
    owner: ${q(r.name)}
`;
}

/** The next free id of the form YYYY-NNN for the year of `now`, given every id in use. */
export function nextIncidentId(existing: Iterable<string>, year: number): string {
  let max = 0;
  const prefix = `${year}-`;
  for (const id of existing) {
    if (!id.startsWith(prefix)) continue;
    const n = Number(id.slice(prefix.length));
    if (Number.isInteger(n) && n > max) max = n;
  }
  return `${prefix}${String(max + 1).padStart(3, '0')}`;
}
