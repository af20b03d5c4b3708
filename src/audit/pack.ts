/**
 * `datalek pack`: an audit pack for a selection of incidents (see selection.ts), as zip bytes.
 *
 * The IO edge of the audit pack: it loads and triages the project, renders the documents with
 * runBuild into a fresh temporary folder (removed afterwards), asks git for each incident file's
 * history, and hands everything to the pure parts (layout, JSON, manifest, zip). Nothing here
 * prints or writes the pack; the command does that.
 *
 * Layout of the zip (every path relative, forward slashes, sorted):
 *   README.txt                                  what is in the pack (Dutch)
 *   documents/<org>/<id>/<document>.docx|pdf    the documents that apply to each incident
 *   history/<id>.json                           git history of the incident file
 *   incidents/<org>/<id>.yaml                   the incident file, its original bytes
 *   manifest.json                               SHA-256 and size of every other entry
 *   register/<org>/<document>.docx|pdf|csv      organisation documents (the register)
 *   triage/<id>.json                            the triage outcome, with its decision path
 *   validation.json, validation.txt             the validation report
 *   versions.json                               tool, risk policy and template packs used
 *
 * Same inputs, same bytes: every JSON file has sorted keys and a trailing newline, the zip's
 * entries are sorted and carry one fixed date (SOURCE_DATE_EPOCH, else the latest instant in the
 * selected incidents, else 2000-01-01), and no absolute path or temporary name goes inside.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runBuild, type BuildResult } from '../build/run.js';
import { sourceDateEpoch } from '../build/document-date.js';
import { formatDiagnostic, sortDiagnostics, summarise } from '../diagnostics/format.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Incident } from '../model/incident.js';
import { DEFAULT_PACK_DIR, packVersions } from '../packs/index.js';
import { loadProject, type TriagedIncident } from '../project/load.js';
import { lintOrganisationPacks, loadOrganisationPacks } from '../project/packs.js';
import { defaultZone } from '../validate/rules/types.js';
import { VERSION } from '../version.js';
import { fileHistory, gitAvailability, type HistoryState } from './history.js';
import { stableJson } from './json.js';
import { compareText } from '../compare-text.js';
import { digestFiles, MANIFEST_PATH, PACK_FORMAT, PACK_FORMAT_VERSION, sha256, type Manifest } from './manifest.js';
import { README_PATH, README_TEXT } from './readme.js';
import { mayBelong, normaliseCriteria, selectIncidents, selectionName, describeCriteria, type SelectionCriteria } from './selection.js';
import { writeZip } from './zip.js';

export interface AuditPackOptions {
  root: string;
  now: Date;
  criteria: SelectionCriteria;
  env?: NodeJS.ProcessEnv;
  /** Called after each rendered document, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
  /** Ask git for the history of incident files (default true). */
  git?: boolean;
}

export interface PackedIncident {
  organisation: string;
  id: string;
  /** The incident file, relative to the project root. */
  file: string;
  history: HistoryState;
}

export interface AuditPack {
  /** A file-name-safe name of the selection, e.g. "2026-004" or "van-dam-advocaten". */
  name: string;
  bytes: Buffer;
  sha256: string;
  manifestSha256: string;
  /** The fixed date of the pack, ISO-8601 UTC. */
  created: string;
  /** Every entry of the zip, sorted. */
  entries: string[];
  incidents: PackedIncident[];
  organisations: string[];
  counts: { incidents: number; documents: number; registers: number; files: number };
  /** The validation report inside the pack. */
  validation: Diagnostic[];
}

export type AuditPackProblem = 'empty' | 'unusable' | 'packs' | 'build';

export type AuditPackResult =
  | { ok: true; pack: AuditPack }
  | { ok: false; problem: AuditPackProblem; message: string; diagnostics: Diagnostic[] };

/** The epoch used when nothing else gives a date. */
export const FALLBACK_DATE = new Date('2000-01-01T00:00:00Z');

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** The latest instant (date and time with offset) anywhere in the incidents; plain days do not count. */
export function latestInstant(incidents: readonly Incident[]): Date | undefined {
  let latest = Number.NEGATIVE_INFINITY;
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      if (INSTANT.test(v)) {
        const t = Date.parse(v);
        if (Number.isFinite(t)) latest = Math.max(latest, t);
      }
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(walk);
  };
  incidents.forEach(walk);
  return Number.isFinite(latest) ? new Date(latest) : undefined;
}

/** ISO-8601 in UTC, whole seconds. */
export function isoSeconds(d: Date): string {
  return new Date(Math.floor(d.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Replaces absolute folder names (project root, datalek's own folder, the temporary folder) in text going into the pack. */
function scrubber(prefixes: ReadonlyArray<[string, string]>): (text: string) => string {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const rules = prefixes
    .filter(([abs]) => abs.length > 1)
    .sort((a, b) => b[0].length - a[0].length)
    .map(([abs, shown]) => ({ re: new RegExp(`${escape(abs)}(?:${escape(path.sep)}|(?![\\w.-]))`, 'g'), shown }));
  return (text) => rules.reduce((t, { re, shown }) => t.replace(re, (m) => (m.length > 0 && m.endsWith(path.sep) ? shown : shown.replace(/\/$/, '') || '.')), text);
}

export async function buildAuditPack(opts: AuditPackOptions): Promise<AuditPackResult> {
  const env = opts.env ?? process.env;
  const epoch = sourceDateEpoch(env);
  const root = path.resolve(opts.root);
  const project = await loadProject({ root, now: opts.now });
  const packs = await loadOrganisationPacks(root, project.validation.organisations);

  // Incident files whose outcome is unknown: they could not be read, validated or triaged.
  const triagedFiles = new Set(project.triaged.map((t) => t.file));
  const unusable = new Set<string>([
    ...project.diagnostics.filter((d) => d.severity === 'error' && d.file.startsWith('incidents/')).map((d) => d.file),
    ...project.validation.incidents.map((i) => i.file).filter((f) => !triagedFiles.has(f)),
  ]);
  const blocking = [...unusable].filter((f) => mayBelong(f, opts.criteria)).sort(compareText);
  if (blocking.length > 0) {
    return {
      ok: false,
      problem: 'unusable',
      message:
        `${blocking.length === 1 ? 'an incident file that may belong' : `${blocking.length} incident files that may belong`} to the selection (${describeCriteria(opts.criteria)}) ` +
        `cannot be triaged: ${blocking.join(', ')}. Fix ${blocking.length === 1 ? 'it' : 'them'} first (see \`datalek validate\`); an audit pack never leaves an incident out silently.`,
      diagnostics: project.diagnostics.filter((d) => blocking.includes(d.file) || (d.severity === 'error' && d.file.startsWith('templates/'))),
    };
  }

  const candidates = project.triaged.map((t) => ({ id: t.incident.id, organisation: t.organisation.id, awareAt: t.incident.timeline.aware_at, zone: defaultZone(t.organisation), t }));
  const selected = selectIncidents(candidates, opts.criteria);
  if (selected.length === 0) return { ok: false, problem: 'empty', message: emptyMessage(opts.criteria, project.triaged), diagnostics: [] };

  const orgs = [...new Set(selected.map((s) => s.organisation))].sort(compareText);
  const missingPacks = orgs.filter((o) => !packs.packs.has(o));
  if (missingPacks.length > 0) {
    return {
      ok: false,
      problem: 'packs',
      message: `the template packs of ${missingPacks.join(', ')} cannot be loaded, so no documents can be made`,
      diagnostics: sortDiagnostics(packs.diagnostics),
    };
  }

  const tmp = await mkdtemp(path.join(os.tmpdir(), 'datalek-pack-'));
  try {
    const keys = new Set(selected.map((s) => `${s.organisation}/${s.id}`));
    // The selected incidents' documents and their offices' registers; not the rest of the office.
    const build = await runBuild({ root, outDir: tmp, orgs, incidents: keys, now: opts.now, env, ...(opts.onProgress ? { onProgress: opts.onProgress } : {}) });
    const failure = buildFailure(build, orgs, keys, selected.map((s) => s.t));
    if (failure) return failure;

    const scrub = scrubber([
      [root, ''],
      [path.resolve(DEFAULT_PACK_DIR, '../..'), '<datalek>/'],
      [tmp, '<tmp>/'],
    ]);
    const text = (s: string) => Buffer.from(scrub(s), 'utf8');
    const files = new Map<string, Uint8Array>();
    files.set(README_PATH, Buffer.from(README_TEXT, 'utf8'));

    const availability = opts.git === false ? ({ inGit: false, state: 'not-in-git', note: 'Geschiedenis niet opgevraagd.' } as const) : await gitAvailability(root, { env });
    const incidents: PackedIncident[] = [];
    for (const { t } of selected) {
      const { id, organisation } = t.incident;
      files.set(`incidents/${organisation}/${id}.yaml`, await readFile(path.join(root, t.file)));
      files.set(`triage/${id}.json`, text(stableJson(t.outcome)));
      const history = await fileHistory(root, t.file, availability, { env });
      files.set(`history/${id}.json`, text(stableJson({ incident: id, organisation, file: t.file, ...history })));
      incidents.push({ organisation, id, file: t.file, history: history.state });
    }

    let documents = 0;
    let registers = 0;
    for (const w of build.written) {
      const inPack = w.incident === null ? orgs.includes(w.organisation) : keys.has(`${w.organisation}/${w.incident}`);
      if (!inPack) continue;
      const bytes = await readFile(path.join(tmp, ...w.path.split('/')));
      if (w.incident === null) {
        files.set(`register/${w.path}`, bytes);
        registers++;
      } else {
        files.set(`documents/${w.path}`, bytes);
        documents++;
      }
    }

    // The validation report: the selected incidents, their organisations and template packs.
    const involved = orgs.map((o) => packs.packs.get(o)!);
    const selectedFiles = new Set(selected.map((s) => s.t.file));
    const otherOrg = (file: string) => {
      const m = /^templates\/([^/]+)\//.exec(file);
      return m !== null && !orgs.includes(m[1]!);
    };
    const validation = sortDiagnostics(
      [...project.diagnostics, ...packs.diagnostics, ...(await lintOrganisationPacks(involved))]
        .filter((d) => (d.file.startsWith('incidents/') ? selectedFiles.has(d.file) : !otherOrg(d.file)))
        .map((d) => JSON.parse(scrub(JSON.stringify(d))) as Diagnostic),
    );
    const lines = [
      `Validation of the ${selected.length === 1 ? 'incident' : `${selected.length} incidents`} in this pack, ${selected.length === 1 ? 'its' : 'their'} ${orgs.length === 1 ? 'organisation' : 'organisations'} and template packs: ${summarise(validation)}.`,
      ...validation.map((d) => formatDiagnostic(d)),
    ];
    files.set('validation.txt', text(lines.join('\n') + '\n'));
    files.set('validation.json', text(stableJson(validation)));

    files.set(
      'versions.json',
      text(
        stableJson({
          tool: { name: 'datalek', version: VERSION },
          policy: { id: project.policy.id, version: project.policy.version, title: project.policy.title },
          templatePacks: Object.fromEntries(
            involved.map((p) => [p.organisation.id, packVersions(p.chain).map((v) => ({ layer: v.layer, name: v.name, version: v.version, extends: v.spec }))]),
          ),
        }),
      ),
    );

    const created = epoch ?? latestInstant(selected.map((s) => s.t.incident)) ?? FALLBACK_DATE;
    const criteria = normaliseCriteria(opts.criteria);
    const manifest: Manifest = {
      format: PACK_FORMAT,
      version: PACK_FORMAT_VERSION,
      tool: { name: 'datalek', version: VERSION },
      created: isoSeconds(created),
      selection: {
        criteria,
        description: describeCriteria(opts.criteria),
        incidents: selected.map((s) => ({ organisation: s.organisation, id: s.id, file: s.t.file })),
        organisations: orgs,
      },
      files: digestFiles(files),
    };
    const manifestBytes = text(stableJson(manifest));
    files.set(MANIFEST_PATH, manifestBytes);
    const bytes = writeZip(files, created);
    return {
      ok: true,
      pack: {
        name: selectionName(opts.criteria),
        bytes,
        sha256: sha256(bytes),
        manifestSha256: sha256(manifestBytes),
        created: manifest.created,
        entries: [...files.keys()].sort(compareText),
        incidents,
        organisations: orgs,
        counts: { incidents: incidents.length, documents, registers, files: files.size },
        validation,
      },
    };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** A failed build of a document of the selection (or of its organisations' registers). */
function buildFailure(build: BuildResult, orgs: readonly string[], keys: ReadonlySet<string>, selected: readonly TriagedIncident[]): AuditPackResult | undefined {
  const failed = build.failed.filter((f) => orgs.includes(f.organisation) && (f.incident === null || keys.has(`${f.organisation}/${f.incident}`)));
  const ids = selected.map((t) => t.incident.id);
  // A document condition that could not be evaluated for a selected incident: whether the
  // document applies is unknown, so the pack would be incomplete.
  const conditions = build.diagnostics.filter(
    (d) => d.code === 'DL-PACK-WHEN-FAILED' && d.severity === 'error' && (!/\(incident [^)]*\)/.test(d.message) || ids.some((id) => d.message.includes(`(incident ${id})`))),
  );
  const skipped = build.skippedIncidents.filter((f) => selected.some((t) => t.file === f));
  if (failed.length === 0 && conditions.length === 0 && skipped.length === 0) return undefined;
  const what = [
    ...failed.map((f) => `${f.organisation}/${f.incident === null ? '' : `${f.incident}/`}${f.document}`),
    ...conditions.map((d) => `the condition of ${d.field}`),
    ...skipped,
  ];
  return {
    ok: false,
    problem: 'build',
    message: `${what.length === 1 ? 'a document' : `${what.length} documents`} of the selection could not be made: ${what.join(', ')}; no pack was written`,
    diagnostics: sortDiagnostics([...failed.flatMap((f) => f.diagnostics), ...conditions]),
  };
}

function emptyMessage(c: SelectionCriteria, triaged: readonly TriagedIncident[]): string {
  const n = normaliseCriteria(c);
  const orgs = new Set(triaged.map((t) => t.organisation.id));
  const ids = new Set(triaged.map((t) => t.incident.id));
  const hints: string[] = [];
  const unknownOrgs = n.organisations.filter((o) => !orgs.has(o));
  const unknownIds = n.incidents.filter((i) => !ids.has(i));
  if (unknownOrgs.length) hints.push(`no incidents of ${unknownOrgs.map((o) => `"${o}"`).join(', ')} (organisations with incidents: ${[...orgs].sort(compareText).join(', ') || 'none'})`);
  if (unknownIds.length) hints.push(`no incident with id ${unknownIds.map((i) => `"${i}"`).join(', ')}`);
  if (!hints.length) hints.push('no incident matches all criteria together');
  return `nothing to pack: no incident matches ${describeCriteria(c)}; ${hints.join('; ')}`;
}
