/**
 * Facts derived from an incident that the ENISA score, the suggestion and the decision share,
 * so each question ("was anything disclosed?", "how many people?") is answered in one place.
 */
import type { DataKind, Incident, SpecialCategory, SubjectGroup } from '../model/incident.js';
import type { Organisation } from '../model/organisation.js';
import type { RiskPolicy } from './policy.js';

export interface IncidentFacts {
  involved: boolean;
  /** Kinds of data; "unknown" when the incident lists none. */
  kinds: ReadonlySet<DataKind>;
  special: readonly SpecialCategory[];
  groups: readonly SubjectGroup[];
  /** Largest known number of people (count, else count_max, else count_min). */
  people: number | undefined;
  vulnerable: boolean;
  professionalSecrecy: boolean;
  confidentialityLost: boolean;
  integrityLost: boolean;
  availabilityLost: boolean;
  /** Encrypted, hashed or otherwise unintelligible, state of the art, key not compromised. */
  unintelligible: boolean;
  /** A protection measure was used but its key or password was compromised. */
  protectionDefeated: boolean;
  backupAvailable: boolean;
  /** Availability restored from a backup within the policy's hours (no hours given: assumed quick). */
  restoredQuickly: boolean;
  /** Readable data may be in someone else's hands: confidentiality lost, not unintelligible, not ruled out. */
  disclosed: boolean;
  /** Data may be with unknown people: unknown recipients, published, or taken in a theft or hack. */
  inUnknownHands: boolean;
}

const THEFT_KINDS = new Set(['device_lost_or_stolen', 'paper_lost_or_stolen', 'hacking_malware_phishing']);

export function incidentFacts(incident: Incident, organisation: Organisation, policy: RiskPolicy): IncidentFacts {
  const pd = incident.personal_data;
  const listed = pd.kinds ?? [];
  const special = pd.special_categories ?? [];
  // Ordinary kinds not listed: unknown, when in doubt, also when special categories are listed
  // (health data alone say nothing about whether the data identify people: EI stays "assumed
  // significant" instead of dropping to "no direct identifiers" as more is known).
  const kinds = new Set<DataKind>(listed.length === 0 && !pd.credentials ? ['unknown'] : listed);
  const ds = incident.data_subjects ?? {};
  const groups = ds.groups ?? [];
  const people = ds.count ?? ds.count_max ?? ds.count_min;
  const what = incident.what;
  const nature = new Set(what.nature);
  const prot = incident.protection;
  const protectedData = prot !== undefined && prot.measure !== 'none';
  const unintelligible = protectedData && prot.state_of_the_art === true && prot.key_compromised !== true;
  const backup = prot?.backup;
  const backupAvailable = backup?.available === true;
  const restoredQuickly =
    backupAvailable &&
    backup.restored !== false &&
    (backup.restore_hours === undefined || backup.restore_hours <= policy.parameters.restoredQuicklyHours);
  const confidentialityLost = nature.has('confidentiality');
  const ruledOut = what.exposure === 'no_evidence_of_access' && what.exfiltration === 'ruled_out';
  const disclosed = pd.involved && confidentialityLost && !unintelligible && !ruledOut;
  const inUnknownHands =
    disclosed &&
    what.exfiltration !== 'ruled_out' &&
    (what.exposure === 'unknown_recipients' ||
      what.exposure === 'published' ||
      (what.exposure === undefined && (what.exfiltration === 'confirmed' || (what.malicious && THEFT_KINDS.has(what.kind)))));

  return {
    involved: pd.involved,
    kinds,
    special,
    groups,
    people,
    vulnerable: ds.vulnerable === true || groups.some((g) => policy.parameters.vulnerableGroups.includes(g)),
    professionalSecrecy: incident.professional_secrecy ?? organisation.professional_secrecy ?? false,
    confidentialityLost,
    integrityLost: nature.has('integrity'),
    availabilityLost: nature.has('availability'),
    unintelligible,
    protectionDefeated: protectedData && prot.key_compromised === true,
    backupAvailable,
    restoredQuickly,
    disclosed,
    inUnknownHands,
  };
}

/** "name, date_of_birth and bsn" */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function peopleText(people: number | undefined): string {
  if (people === undefined) return 'an unknown number of people';
  return people === 1 ? '1 person' : `${people} people`;
}
