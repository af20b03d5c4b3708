/**
 * The risk policy: how ENISA figures and the regulators' factors become a suggested level.
 * The policy is data (policy/risk-policy.json, explained in policy/README.md); this module holds
 * its type and a validating parser. Pure: no IO (see policy-file.ts for reading the file).
 */
import {
  DATA_KINDS,
  DPC_CATEGORIES,
  ENISA_EI_VALUES,
  EXPOSURES,
  RISK_LEVELS,
  SPECIAL_CATEGORIES,
  SUBJECT_GROUPS,
  type DataKind,
  type DpcCategory,
  type EnisaEi,
  type Exposure,
  type RiskLevel,
  type SpecialCategory,
  type SubjectGroup,
} from '../model/incident.js';
import { SECTORS, type Sector } from '../model/organisation.js';
import type { EnisaBand } from '../model/outcome.js';

export const ENISA_BANDS = ['low', 'medium', 'high', 'very_high'] as const satisfies readonly EnisaBand[];

/** Factors that raise the suggested level to at least a given level. */
export const RAISE_CODES = [
  'special_categories',
  'criminal_data',
  'identity_data',
  'credentials',
  'financial_data',
  'vulnerable_people',
  'many_people',
  'professional_secrecy',
  'published',
  'exfiltration',
  'malicious_actor_has_data',
  'availability_not_restored',
  'care_critical_unavailability',
  'permanent_loss',
  'misuse',
  'severity_significant',
  'severity_very_large',
  'unknown_data',
] as const;
export type RaiseCode = (typeof RAISE_CODES)[number];

/** Factors that cap the suggested level at most at a given level (unless a factor it yields to holds). */
export const LOWER_CODES = [
  'unintelligible',
  'trusted_recipient_deleted',
  'small_accidental_disclosure',
  'restored_quickly',
  'no_disclosure',
] as const;
export type LowerCode = (typeof LOWER_CODES)[number];

/** ENISA DPC context adjustments the tool knows how to detect. */
export const ADJUSTMENT_CODES = ['vulnerable_people', 'controller_context', 'volume_per_person'] as const;
export type AdjustmentCode = (typeof ADJUSTMENT_CODES)[number];

/** How a data kind enters the DPC: an ENISA category, or "credentials" (take the category of what they open). */
export type KindMapping = DpcCategory | 'credentials';

export interface EiRule {
  /** All of these kinds must be present. */
  when: DataKind[];
  value: EnisaEi;
  /** Why, in a few words (shown in the explanation). */
  label: string;
}

export interface EnisaPolicy {
  categoryScore: Record<DpcCategory, number>;
  dataKinds: Record<DataKind, KindMapping>;
  /** Category used for special categories of data (GDPR art. 9). */
  specialCategories: DpcCategory;
  /** Category for credentials when the incident does not say what they open. */
  credentialsDefault: DpcCategory;
  adjustments: {
    vulnerable_people: { add: number };
    controller_context: { add: number; sectors: Sector[] };
    volume_per_person: { add: number; minRecordsPerPerson: number };
  };
  ei: { rules: EiRule[]; fallback: EnisaEi };
  cb: {
    confidentiality: Record<Exposure, number> & { unspecified: number; unspecifiedExfiltrated: number };
    integrity: { recoverable: number; unrecoverable: number; unspecified: number };
    availability: { restoredQuickly: number; temporary: number; permanent: number };
    malicious: number;
  };
  /** Lower bounds of the bands above low (ENISA: 2, 3, 4). */
  bands: { medium: number; high: number; very_high: number };
}

export interface PolicyParameters {
  /** "More than N people" (ENISA flag and the many_people factor). */
  moreThanPeople: number;
  /** Availability restored from a backup within this many hours counts as "restored quickly". */
  restoredQuicklyHours: number;
  /** At most this many people for small_accidental_disclosure. */
  smallDisclosureMaxPeople: number;
  identityKinds: DataKind[];
  credentialKinds: DataKind[];
  financialKinds: DataKind[];
  vulnerableGroups: SubjectGroup[];
  /** Unavailability of these data for these groups harms care (care_critical_unavailability). */
  careCriticalSpecialCategories: SpecialCategory[];
  careCriticalGroups: SubjectGroup[];
}

export interface RaiseRule {
  enabled: boolean;
  level: Exclude<RiskLevel, 'none'>;
  /** Only when the ENISA band is at least this. */
  minBand?: EnisaBand;
}

export interface LowerRule {
  enabled: boolean;
  atMost: RiskLevel;
  /** Raising factors that still count after this cap. */
  yieldsTo: RaiseCode[];
}

export interface RiskPolicy {
  id: string;
  version: string;
  title: string;
  enisa: EnisaPolicy;
  parameters: PolicyParameters;
  /** Level suggested by each ENISA band before the factors are weighed. */
  bandLevel: Record<EnisaBand, RiskLevel>;
  raise: Record<RaiseCode, RaiseRule>;
  lower: Record<LowerCode, LowerRule>;
}

export type RiskPolicyErrorCode = 'RISK_POLICY_INVALID' | 'RISK_POLICY_UNREADABLE' | 'RISK_POLICY_NOT_JSON';

/** A policy that cannot be used. `issues` lists every problem found, each with its JSON path. */
export class RiskPolicyError extends Error {
  override readonly name = 'RiskPolicyError';
  constructor(
    readonly code: RiskPolicyErrorCode,
    message: string,
    readonly issues: string[] = [],
    readonly file?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

// ---------------------------------------------------------------------------------------------
// Validation: collect every problem, then fail once.

/** Keys allowed anywhere for documentation. */
const DOC_KEYS = new Set(['$schema', '$comment', 'note', 'description']);

class Checker {
  readonly issues: string[] = [];

  fail(path: string, message: string): void {
    this.issues.push(`${path || '(root)'}: ${message}`);
  }

  object(v: unknown, path: string, keys: readonly string[], optional: readonly string[] = []): Record<string, unknown> | undefined {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      this.fail(path, 'must be an object');
      return undefined;
    }
    const o = v as Record<string, unknown>;
    for (const k of keys) if (!(k in o)) this.fail(join(path, k), 'is required');
    for (const k of Object.keys(o)) {
      if (!keys.includes(k) && !optional.includes(k) && !DOC_KEYS.has(k)) this.fail(join(path, k), 'is not a known key');
    }
    return o;
  }

  string(v: unknown, path: string): string {
    if (typeof v !== 'string' || v.trim() === '') {
      this.fail(path, 'must be a non-empty string');
      return '';
    }
    return v;
  }

  number(v: unknown, path: string, min: number, max: number): number {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
      this.fail(path, `must be a number from ${min} to ${max}`);
      return min;
    }
    return v;
  }

  boolean(v: unknown, path: string): boolean {
    if (typeof v !== 'boolean') {
      this.fail(path, 'must be true or false');
      return false;
    }
    return v;
  }

  oneOf<T extends string | number>(v: unknown, path: string, allowed: readonly T[]): T {
    if (!(allowed as readonly unknown[]).includes(v)) {
      this.fail(path, `must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`);
      return allowed[0] as T;
    }
    return v as T;
  }

  list<T extends string>(v: unknown, path: string, allowed: readonly T[]): T[] {
    if (!Array.isArray(v)) {
      this.fail(path, 'must be an array');
      return [];
    }
    return v.map((x, i) => this.oneOf(x, `${path}[${i}]`, allowed));
  }

  /** An object with exactly the given keys, each value checked by `each`. */
  record<K extends string, V>(v: unknown, path: string, keys: readonly K[], each: (x: unknown, p: string, k: K) => V): Record<K, V> {
    const o = this.object(v, path, keys) ?? {};
    const out = {} as Record<K, V>;
    for (const k of keys) out[k] = each(o[k], join(path, k), k);
    return out;
  }
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/**
 * Check that `json` is a usable risk policy and return it typed.
 * Throws RiskPolicyError (code RISK_POLICY_INVALID) listing every problem found.
 */
export function parseRiskPolicy(json: unknown): RiskPolicy {
  const c = new Checker();
  const root =
    c.object(json, '', ['id', 'version', 'title', 'enisa', 'parameters', 'bandLevel', 'raise', 'lower']) ?? {};

  const id = c.string(root['id'], 'id');
  const version = c.string(root['version'], 'version');
  const title = c.string(root['title'], 'title');
  const enisa = parseEnisa(c, root['enisa']);
  const parameters = parseParameters(c, root['parameters']);
  const bandLevel = c.record(root['bandLevel'], 'bandLevel', ENISA_BANDS, (x, p) => c.oneOf(x, p, RISK_LEVELS));
  const raise = c.record(root['raise'], 'raise', RAISE_CODES, (x, p) => {
    const o = c.object(x, p, ['enabled', 'level'], ['minBand']) ?? {};
    const rule: RaiseRule = {
      enabled: c.boolean(o['enabled'], `${p}.enabled`),
      level: c.oneOf(o['level'], `${p}.level`, ['risk', 'high'] as const),
    };
    if (o['minBand'] !== undefined) rule.minBand = c.oneOf(o['minBand'], `${p}.minBand`, ENISA_BANDS);
    return rule;
  });
  const lower = c.record(root['lower'], 'lower', LOWER_CODES, (x, p) => {
    const o = c.object(x, p, ['enabled', 'atMost', 'yieldsTo']) ?? {};
    return {
      enabled: c.boolean(o['enabled'], `${p}.enabled`),
      atMost: c.oneOf(o['atMost'], `${p}.atMost`, RISK_LEVELS),
      yieldsTo: c.list(o['yieldsTo'], `${p}.yieldsTo`, RAISE_CODES),
    };
  });

  // Cross-field rules.
  const b = enisa.bands;
  if (!(b.medium < b.high && b.high < b.very_high)) c.fail('enisa.bands', 'must rise: medium < high < very_high');
  const bandOrder = ENISA_BANDS.map((k) => RISK_LEVELS.indexOf(bandLevel[k]));
  if (bandOrder.some((v, i) => i > 0 && v < (bandOrder[i - 1] ?? 0))) {
    c.fail('bandLevel', 'must not suggest a lower level for a more severe band');
  }
  const s = enisa.categoryScore;
  if (!(s.simple <= s.behavioural && s.behavioural <= s.financial && s.financial <= s.sensitive)) {
    c.fail('enisa.categoryScore', 'must not decrease from simple to sensitive');
  }

  if (c.issues.length > 0) {
    throw new RiskPolicyError(
      'RISK_POLICY_INVALID',
      `The risk policy is not valid (${c.issues.length} problem${c.issues.length === 1 ? '' : 's'}): ${c.issues.join('; ')}`,
      c.issues,
    );
  }
  return { id, version, title, enisa, parameters, bandLevel, raise, lower };
}

function parseEnisa(c: Checker, v: unknown): EnisaPolicy {
  const p = 'enisa';
  const o =
    c.object(v, p, ['categoryScore', 'dataKinds', 'specialCategories', 'credentialsDefault', 'adjustments', 'ei', 'cb', 'bands']) ??
    {};
  const categoryScore = c.record(o['categoryScore'], `${p}.categoryScore`, DPC_CATEGORIES, (x, q) => c.number(x, q, 1, 4));
  const dataKinds = c.record(o['dataKinds'], `${p}.dataKinds`, DATA_KINDS, (x, q) =>
    c.oneOf<KindMapping>(x, q, [...DPC_CATEGORIES, 'credentials']),
  );
  const specialCategories = c.oneOf(o['specialCategories'], `${p}.specialCategories`, DPC_CATEGORIES);
  const credentialsDefault = c.oneOf(o['credentialsDefault'], `${p}.credentialsDefault`, DPC_CATEGORIES);

  const a = c.object(o['adjustments'], `${p}.adjustments`, ADJUSTMENT_CODES) ?? {};
  const vp = c.object(a['vulnerable_people'], `${p}.adjustments.vulnerable_people`, ['add']) ?? {};
  const cc = c.object(a['controller_context'], `${p}.adjustments.controller_context`, ['add', 'sectors']) ?? {};
  const vol = c.object(a['volume_per_person'], `${p}.adjustments.volume_per_person`, ['add', 'minRecordsPerPerson']) ?? {};
  const adjustments: EnisaPolicy['adjustments'] = {
    vulnerable_people: { add: c.number(vp['add'], `${p}.adjustments.vulnerable_people.add`, -3, 3) },
    controller_context: {
      add: c.number(cc['add'], `${p}.adjustments.controller_context.add`, -3, 3),
      sectors: c.list(cc['sectors'], `${p}.adjustments.controller_context.sectors`, SECTORS),
    },
    volume_per_person: {
      add: c.number(vol['add'], `${p}.adjustments.volume_per_person.add`, -3, 3),
      minRecordsPerPerson: c.number(vol['minRecordsPerPerson'], `${p}.adjustments.volume_per_person.minRecordsPerPerson`, 1, 1e9),
    },
  };

  const eiO = c.object(o['ei'], `${p}.ei`, ['rules', 'fallback']) ?? {};
  const rulesRaw = eiO['rules'];
  const rules: EiRule[] = [];
  if (!Array.isArray(rulesRaw)) c.fail(`${p}.ei.rules`, 'must be an array');
  else {
    rulesRaw.forEach((r, i) => {
      const q = `${p}.ei.rules[${i}]`;
      const ro = c.object(r, q, ['when', 'value', 'label']) ?? {};
      const when = c.list(ro['when'], `${q}.when`, DATA_KINDS);
      if (when.length === 0) c.fail(`${q}.when`, 'must name at least one data kind');
      rules.push({ when, value: c.oneOf(ro['value'], `${q}.value`, ENISA_EI_VALUES), label: c.string(ro['label'], `${q}.label`) });
    });
  }
  const ei = { rules, fallback: c.oneOf(eiO['fallback'], `${p}.ei.fallback`, ENISA_EI_VALUES) };

  const cbO = c.object(o['cb'], `${p}.cb`, ['confidentiality', 'integrity', 'availability', 'malicious']) ?? {};
  const confKeys = [...EXPOSURES, 'unspecified', 'unspecifiedExfiltrated'] as const;
  const confidentiality = c.record(cbO['confidentiality'], `${p}.cb.confidentiality`, confKeys, (x, q) =>
    c.number(x, q, 0, 1),
  );
  const integrity = c.record(cbO['integrity'], `${p}.cb.integrity`, ['recoverable', 'unrecoverable', 'unspecified'] as const, (x, q) =>
    c.number(x, q, 0, 1),
  );
  const availability = c.record(
    cbO['availability'],
    `${p}.cb.availability`,
    ['restoredQuickly', 'temporary', 'permanent'] as const,
    (x, q) => c.number(x, q, 0, 1),
  );
  const malicious = c.number(cbO['malicious'], `${p}.cb.malicious`, 0, 1);
  const bands = c.record(o['bands'], `${p}.bands`, ['medium', 'high', 'very_high'] as const, (x, q) => c.number(x, q, 0, 10));

  return {
    categoryScore,
    dataKinds,
    specialCategories,
    credentialsDefault,
    adjustments,
    ei,
    cb: { confidentiality, integrity, availability, malicious },
    bands,
  };
}

function parseParameters(c: Checker, v: unknown): PolicyParameters {
  const p = 'parameters';
  const keys = [
    'moreThanPeople',
    'restoredQuicklyHours',
    'smallDisclosureMaxPeople',
    'identityKinds',
    'credentialKinds',
    'financialKinds',
    'vulnerableGroups',
    'careCriticalSpecialCategories',
    'careCriticalGroups',
  ] as const;
  const o = c.object(v, p, keys) ?? {};
  return {
    moreThanPeople: c.number(o['moreThanPeople'], `${p}.moreThanPeople`, 0, 1e12),
    restoredQuicklyHours: c.number(o['restoredQuicklyHours'], `${p}.restoredQuicklyHours`, 0, 24 * 365),
    smallDisclosureMaxPeople: c.number(o['smallDisclosureMaxPeople'], `${p}.smallDisclosureMaxPeople`, 0, 1e12),
    identityKinds: c.list(o['identityKinds'], `${p}.identityKinds`, DATA_KINDS),
    credentialKinds: c.list(o['credentialKinds'], `${p}.credentialKinds`, DATA_KINDS),
    financialKinds: c.list(o['financialKinds'], `${p}.financialKinds`, DATA_KINDS),
    vulnerableGroups: c.list(o['vulnerableGroups'], `${p}.vulnerableGroups`, SUBJECT_GROUPS),
    careCriticalSpecialCategories: c.list(o['careCriticalSpecialCategories'], `${p}.careCriticalSpecialCategories`, SPECIAL_CATEGORIES),
    careCriticalGroups: c.list(o['careCriticalGroups'], `${p}.careCriticalGroups`, SUBJECT_GROUPS),
  };
}
