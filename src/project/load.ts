/**
 * Loading a project: the IO edge that reads sources and the policy, then hands plain data to the
 * pure core (validation, triage). Nothing here prints.
 */
import { readSources } from '../load/sources.js';
import { CHECKPOINT_EVERY, uncachedSources, validateSources, type ValidationResult } from '../validate/index.js';
import { loadValidationCache, type ValidationCacheHandle } from './validation-cache.js';
import { triage } from '../triage/index.js';
import { loadRiskPolicy } from '../triage/policy-file.js';
import type { RiskPolicy } from '../triage/policy.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { sortDiagnostics } from '../diagnostics/format.js';
import type { Incident } from '../model/incident.js';
import type { Organisation } from '../model/organisation.js';
import type { Outcome } from '../model/outcome.js';

export interface TriagedIncident {
  file: string;
  incident: Incident;
  organisation: Organisation;
  outcome: Outcome;
}

export interface Project {
  root: string;
  validation: ValidationResult;
  triaged: TriagedIncident[];
  /** Everything found: reading, validation and triage problems, sorted. */
  diagnostics: Diagnostic[];
  policy: RiskPolicy;
  /**
   * The validation cache used, when `cacheDir` was given: save it with saveValidationCache
   * (./validation-cache.ts) once the run may write there (the build does, under its lock).
   */
  validationCache?: ValidationCacheHandle;
}

export interface LoadOptions {
  root: string;
  paths?: string[];
  now: Date;
  policyFile?: string;
  /**
   * A folder holding the validation cache (./validation-cache.ts): unchanged files are then not
   * parsed and checked again. Read only here; see Project.validationCache for writing it.
   */
  cacheDir?: string;
  /**
   * Called once the files are read, before they are validated, with how many of them the
   * validation cache has no result for (all of them without a cache): the build starts Chromium
   * here when a file changed, so that its start overlaps validation and triage.
   */
  onSourcesRead?: (changed: number) => void;
  /** Called every so often while files are validated and incidents triaged (see ValidateOptions.checkpoint). */
  checkpoint?: () => void;
}

export async function loadProject(opts: LoadOptions): Promise<Project> {
  const narrowed = (opts.paths ?? []).some((p) => p !== '');
  const [{ sources, diagnostics: readProblems }, policy, validationCache] = await Promise.all([
    readSources(opts.root, opts.paths),
    loadRiskPolicy(opts.policyFile),
    opts.cacheDir === undefined ? undefined : loadValidationCache(opts.cacheDir, { keepUnseen: narrowed }),
  ]);
  opts.onSourcesRead?.(validationCache ? uncachedSources(sources, validationCache.cache) : sources.length);
  const validation = validateSources(sources, {
    now: opts.now,
    ...(validationCache ? { cache: validationCache.cache } : {}),
    ...(opts.checkpoint ? { checkpoint: opts.checkpoint } : {}),
  });
  const byId = new Map(validation.organisations.map((o) => [o.organisation.id, o.organisation]));
  const triaged: TriagedIncident[] = [];
  const triageProblems: Diagnostic[] = [];
  let count = 0;
  for (const { file, incident } of validation.incidents) {
    if (opts.checkpoint && ++count % CHECKPOINT_EVERY === 0) opts.checkpoint();
    const organisation = byId.get(incident.organisation);
    if (!organisation) continue; // reported by the unknown-organisation rule
    try {
      triaged.push({ file, incident, organisation, outcome: triage(incident, organisation, { file, now: opts.now, policy }) });
    } catch (e) {
      // Triage is total on valid input; this is a fault of ours, reported without stopping the others.
      triageProblems.push({
        code: 'DL-INTERNAL-TRIAGE',
        severity: 'error',
        file,
        line: 0,
        column: 0,
        field: '',
        message: `triage failed on this incident: ${(e as Error).message}`,
        hint: 'This is a fault in datalek, not in your file. Please report it with the incident (anonymised).',
      });
    }
  }
  return {
    root: opts.root,
    validation,
    triaged,
    diagnostics: sortDiagnostics([...readProblems, ...validation.diagnostics, ...triageProblems]),
    policy,
    ...(validationCache ? { validationCache } : {}),
  };
}
