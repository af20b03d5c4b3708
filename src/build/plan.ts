/**
 * Which documents a build writes (pure): for every organisation, every document of its resolved
 * pack whose condition holds, per incident or once for the organisation, in the formats the pack
 * names. Conditions that cannot be evaluated become diagnostics; nothing is guessed. Jobs come
 * registers first (see longestFirst); orderJobs gives the other order the build may take.
 */
import { documentApplies, whenFailure, type DocumentSpec, type OutputFormat } from '../packs/index.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { TriagedIncident } from '../project/load.js';
import type { OrganisationPacks } from '../project/packs.js';
import { compareText } from '../compare-text.js';

export interface DocumentJob {
  /** Output path without extension, relative to the output folder, with forward slashes. */
  base: string;
  org: OrganisationPacks;
  document: DocumentSpec;
  formats: OutputFormat[];
  /** The incident, for incident-scope documents. */
  incident?: TriagedIncident;
  /** Every incident of the organisation, for organisation-scope documents (the register). */
  rows?: TriagedIncident[];
}

export interface BuildPlan {
  jobs: DocumentJob[];
  /** Documents whose condition is false: not needed for this incident. */
  notApplicable: number;
  diagnostics: Diagnostic[];
}

export interface PlanInput {
  packs: ReadonlyMap<string, OrganisationPacks>;
  triaged: readonly TriagedIncident[];
  /** Build organisation-scope documents (the register); false when only some incidents are built. */
  organisationDocuments: boolean;
  /** Only these organisations (ids); all when undefined. */
  only?: ReadonlySet<string>;
  /**
   * Only the documents of these incidents (`organisation/id`); all when undefined. Organisation
   * documents are still planned, with every row: an audit pack of one incident needs its office's
   * register, not the letters of the office's other incidents.
   */
  incidents?: ReadonlySet<string>;
}

export function planBuild(input: PlanInput): BuildPlan {
  const jobs: DocumentJob[] = [];
  const diagnostics: Diagnostic[] = [];
  let notApplicable = 0;
  const byOrg = new Map<string, TriagedIncident[]>();
  for (const t of input.triaged) {
    const list = byOrg.get(t.organisation.id) ?? [];
    list.push(t);
    byOrg.set(t.organisation.id, list);
  }
  for (const [id, org] of [...input.packs].sort(([a], [b]) => compareText(a, b))) {
    if (input.only && !input.only.has(id)) continue;
    const incidents = byOrg.get(id) ?? [];
    const active = org.documents.filter((d) => !d.disabled && d.formats.length > 0);
    for (const document of active) {
      if (document.scope === 'organisation' && input.organisationDocuments) jobs.push({ base: `${id}/${document.id}`, org, document, formats: document.formats, rows: incidents });
    }
    // Incident by incident, so that one incident's documents follow each other: they share the
    // data built for them (render-document.ts) while they are rendered, and it is freed after.
    for (const t of incidents) {
      if (input.incidents && !input.incidents.has(`${id}/${t.incident.id}`)) continue;
      for (const document of active) {
        if (document.scope === 'organisation') continue;
        const applies = documentApplies(document, { triage: t.outcome, incident: t.incident, organisation: t.organisation });
        if (!applies.ok) {
          diagnostics.push(whenFailure(org.chain, document, applies.detail, t.incident.id));
          continue;
        }
        if (!applies.value) {
          notApplicable++;
          continue;
        }
        jobs.push({ base: `${id}/${t.incident.id}/${document.id}`, org, document, formats: document.formats, incident: t });
      }
    }
  }
  return { jobs: longestFirst(jobs), notApplicable, diagnostics };
}

/**
 * The order in which the build takes the jobs by default: organisation documents (registers, one
 * row per incident: by far the longest to print) first, the longest first, then the incidents'
 * documents in plan order. A register started last would keep the build waiting on it alone at
 * the end; started first it prints while the other documents are rendered or found up to date.
 */
function longestFirst(jobs: DocumentJob[]): DocumentJob[] {
  const organisation = jobs.filter((j) => j.rows !== undefined).sort((a, b) => b.rows!.length - a.rows!.length);
  return [...organisation, ...jobs.filter((j) => j.rows === undefined)];
}

/**
 * How the build takes its jobs:
 * - `registers-first` (planBuild's order): the longest register starts at once. Best when few
 *   documents are due, as after an edit: the edited office's register is what the build waits for.
 * - `office-by-office`: the offices one after the other, the smallest first, each with its
 *   register first and then its incidents' documents. Best when everything is due (a first build,
 *   --force): an incident is freed once its documents and its office's register are done, so the
 *   largest register, the build's peak of memory, is rendered with only its own office still
 *   loaded instead of every office. Within each office, the register still prints while that
 *   office's letters are rendered beside it.
 */
export type JobOrder = 'registers-first' | 'office-by-office';

/** The jobs in `order` (a new array; the jobs themselves are not changed). */
export function orderJobs(jobs: readonly DocumentJob[], order: JobOrder): DocumentJob[] {
  if (order === 'registers-first') return longestFirst([...jobs]);
  const offices = new Map<string, DocumentJob[]>();
  for (const job of jobs) {
    const id = job.org.organisation.id;
    const list = offices.get(id) ?? [];
    list.push(job);
    offices.set(id, list);
  }
  // An office's size: its register's rows, or its jobs when no register is built.
  const size = new Map<string, number>();
  for (const [id, list] of offices) size.set(id, list.find((j) => j.rows !== undefined)?.rows!.length ?? list.length);
  return [...offices]
    .sort(([a], [b]) => size.get(a)! - size.get(b)! || compareText(a, b))
    .flatMap(([, list]) => [...list.filter((j) => j.rows !== undefined), ...list.filter((j) => j.rows === undefined)]);
}

/**
 * A register (any organisation-scope document) built while some incident files have errors lacks
 * those incidents' rows: say so, per document, naming the files. A file counts for the
 * organisation whose folder it is in (incidents/<organisation>/...); one outside such a folder
 * could belong to any organisation, so it counts for all.
 */
export function incompleteRegisters(jobs: readonly DocumentJob[], invalidFiles: ReadonlySet<string>, organisations: ReadonlySet<string>): Diagnostic[] {
  if (invalidFiles.size === 0) return [];
  const out: Diagnostic[] = [];
  for (const job of jobs) {
    if (job.rows === undefined) continue;
    const id = job.org.organisation.id;
    const files = [...invalidFiles]
      .filter((f) => {
        const parts = f.split('/');
        const folder = parts.length >= 3 ? parts[1] : undefined;
        return folder === undefined || folder === id || !organisations.has(folder);
      })
      .sort();
    if (files.length === 0) continue;
    const named = files.slice(0, 5).join(', ') + (files.length > 5 ? `, and ${files.length - 5} more` : '');
    out.push({
      code: 'DL-BUILD-REGISTER-INCOMPLETE',
      severity: 'warning',
      file: `${job.org.dir}/organisation.yaml`,
      line: 0,
      column: 0,
      field: '',
      message: `${job.document.id}: built without ${files.length === 1 ? 'the incident of 1 file that has' : `the incidents of ${files.length} files that have`} errors (${named}); it lacks ${files.length === 1 ? 'its row' : 'their rows'} until ${files.length === 1 ? 'it is' : 'they are'} fixed`,
      hint: 'Fix the errors reported for those files and build again: the register is then rebuilt with their rows.',
    });
  }
  return out;
}
