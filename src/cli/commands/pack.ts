import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseCommandArgs, helpText, UsageError, type CommandSpec, type Parsed } from '../args.js';
import type { Command } from '../command.js';
import { EXIT, type Io } from '../io.js';
import { projectArgs } from '../project-options.js';
import { plural } from '../text.js';
import { disclose, formatDiagnostic } from '../../diagnostics/format.js';
import { sourceDateEpoch } from '../../build/document-date.js';
import { writeFileAtomic } from '../../build/write.js';
import { buildAuditPack, criteriaProblems, describeCriteria, normaliseCriteria, selectionName, verifyPack, type AuditPack, type SelectionCriteria, type VerifyReport } from '../../audit/index.js';

const spec: CommandSpec = {
  name: 'pack',
  summary: 'Build an audit pack (a zip with incidents, triage, documents, registers, history and a manifest), or check one with --verify.',
  usage: 'pack [--incident ID] [--org ID] [--from DATE] [--to DATE] [--out FILE] [--json] | pack --verify FILE [--json]',
  options: {
    incident: { type: 'string', multiple: true, description: 'only this incident id (repeat for several)' },
    org: { type: 'string', multiple: true, description: 'only incidents of this organisation (repeat for several)' },
    from: { type: 'string', description: 'only incidents the office became aware of on or after this day (YYYY-MM-DD, its own time zone)' },
    to: { type: 'string', description: 'only incidents the office became aware of on or before this day (YYYY-MM-DD, inclusive)' },
    out: { type: 'string', description: 'the zip to write (default: output/audit/<selection>.zip in the project)' },
    verify: { type: 'string', description: 'check this audit pack against its manifest instead of building one' },
    json: { type: 'boolean', description: 'print the result as JSON on stdout' },
  },
};

function bar(done: number, total: number): string {
  const width = 28;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} documents`;
}

const strings = (v: Parsed['values'][string]): string[] | undefined => (Array.isArray(v) ? v : typeof v === 'string' ? [v] : undefined);

export const packCommand: Command = {
  spec,
  async run(argv, io) {
    const parsed = parseCommandArgs(spec, argv);
    if (parsed.values['help']) return io.out(helpText(spec) + '\n'), EXIT.ok;
    const json = Boolean(parsed.values['json']);
    if (typeof parsed.values['verify'] === 'string') return verify(parsed, io, json);
    if (parsed.positionals.length > 0) {
      throw new UsageError(`pack takes no paths (got ${parsed.positionals.join(' ')}); choose incidents with --incident, --org, --from and --to`);
    }
    const criteria: SelectionCriteria = {
      ...(strings(parsed.values['incident']) ? { incidents: strings(parsed.values['incident'])! } : {}),
      ...(strings(parsed.values['org']) ? { organisations: strings(parsed.values['org'])! } : {}),
      ...(typeof parsed.values['from'] === 'string' ? { from: parsed.values['from'] } : {}),
      ...(typeof parsed.values['to'] === 'string' ? { to: parsed.values['to'] } : {}),
    };
    const problems = criteriaProblems(criteria);
    if (problems.length > 0) throw new UsageError(problems.join('\n'));
    const args = projectArgs(parsed, io);
    try {
      sourceDateEpoch(process.env);
    } catch (e) {
      io.err(`datalek pack: ${(e as Error).message}\n`);
      return EXIT.problems;
    }
    const out = path.resolve(io.cwd, typeof parsed.values['out'] === 'string' ? parsed.values['out'] : path.join(args.root, 'output', 'audit', `${selectionName(criteria)}.zip`));
    const progress = !json ? io.progress : undefined;
    let result;
    try {
      result = await buildAuditPack({
        root: args.root,
        now: args.now,
        criteria,
        ...(progress ? { onProgress: (d: number, t: number) => progress(bar(d, t)) } : {}),
      });
    } finally {
      if (progress) progress('');
    }
    if (!result.ok) {
      if (json) {
        io.out(JSON.stringify({ ok: false, problem: result.problem, message: result.message, diagnostics: result.diagnostics.map(disclose) }, null, 2) + '\n');
      } else {
        for (const d of result.diagnostics) io.err(formatDiagnostic(d) + '\n');
        io.err(`datalek pack: ${result.message}\n`);
      }
      return EXIT.problems;
    }
    try {
      await writeFileAtomic(out, result.pack.bytes);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (err.code === 'ENOSPC' || err.code === 'EACCES' || err.code === 'EROFS' || err.code === 'EISDIR' || err.code === 'ENOTDIR' || err.code === 'EEXIST') {
        io.err(`datalek pack: cannot write ${out} (${err.code}); choose another file with --out (nothing was written).\n`);
        return EXIT.problems;
      }
      throw e;
    }
    const shown = path.relative(io.cwd, out) || out;
    if (json) {
      io.out(JSON.stringify(packJson(result.pack, shown, criteria), null, 2) + '\n');
    } else {
      for (const d of result.pack.validation) io.err(formatDiagnostic(d) + '\n');
      io.out(packSummary(result.pack, shown, criteria) + '\n');
    }
    return EXIT.ok;
  },
};

function packJson(pack: AuditPack, file: string, criteria: SelectionCriteria): unknown {
  const errors = pack.validation.filter((d) => d.severity === 'error').length;
  return {
    ok: true,
    file,
    bytes: pack.bytes.length,
    sha256: pack.sha256,
    manifestSha256: pack.manifestSha256,
    created: pack.created,
    selection: normaliseCriteria(criteria),
    incidents: pack.incidents,
    organisations: pack.organisations,
    counts: pack.counts,
    validation: { errors, warnings: pack.validation.length - errors },
    entries: pack.entries,
  };
}

function packSummary(pack: AuditPack, file: string, criteria: SelectionCriteria): string {
  const errors = pack.validation.filter((d) => d.severity === 'error').length;
  const warnings = pack.validation.length - errors;
  const inGit = pack.incidents.filter((i) => i.history === 'committed' || i.history === 'modified').length;
  const modified = pack.incidents.filter((i) => i.history === 'modified').map((i) => i.id);
  const ids = pack.incidents.map((i) => i.id);
  const lines = [
    `Audit pack of ${describeCriteria(criteria)}: ${plural(pack.counts.incidents, 'incident')} (${ids.length > 8 ? `${ids.slice(0, 8).join(', ')}, ...` : ids.join(', ')}) of ${plural(pack.organisations.length, 'organisation')} (${pack.organisations.join(', ')}).`,
    `In it: ${plural(pack.counts.documents, 'document file')}, ${plural(pack.counts.registers, 'register file')}, ${plural(pack.counts.incidents, 'triage outcome')}, git history for ${inGit} of ${plural(pack.counts.incidents, 'incident file')}, validation: ${errors === 0 && warnings === 0 ? 'no problems' : `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`}.`,
  ];
  if (modified.length) lines.push(`Note: ${modified.join(', ')} ${modified.length === 1 ? 'has' : 'have'} changes not yet committed to git; the pack holds the current files.`);
  lines.push(`Wrote ${file} (${plural(pack.counts.files, 'file')}, ${pack.bytes.length} bytes, dated ${pack.created}).`);
  lines.push(`SHA-256 of the pack: ${pack.sha256}`);
  lines.push(`SHA-256 of its manifest.json: ${pack.manifestSha256}`);
  return lines.join('\n');
}

async function verify(parsed: Parsed, io: Io, json: boolean): Promise<number> {
  const clashing = ['incident', 'org', 'from', 'to', 'out'].filter((k) => parsed.values[k] !== undefined);
  if (clashing.length > 0 || parsed.positionals.length > 0) {
    throw new UsageError(`--verify checks an existing pack; it takes no ${[...clashing.map((k) => `--${k}`), ...(parsed.positionals.length ? ['paths'] : [])].join(', ')}`);
  }
  const file = path.resolve(io.cwd, parsed.values['verify'] as string);
  const shown = path.relative(io.cwd, file) || file;
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'it is a folder' : `it cannot be read (${code})`;
    if (json) io.out(JSON.stringify({ file: shown, ok: false, error: why }, null, 2) + '\n');
    else io.err(`datalek pack: cannot verify ${shown}: ${why}.\n`);
    return EXIT.problems;
  }
  const report = verifyPack(bytes);
  if (json) io.out(JSON.stringify({ file: shown, ...report }, null, 2) + '\n');
  else io.out(verifyText(report, shown) + '\n');
  return report.ok ? EXIT.ok : EXIT.problems;
}

export function verifyText(r: VerifyReport, file: string): string {
  if (r.notZip !== null) return `${file}: NOT an audit pack: ${r.notZip}.`;
  const lines: string[] = [];
  const origin = r.manifest.status === 'ok' ? ` (made by ${r.manifest.tool ?? 'an unknown tool'}, dated ${r.manifest.created ?? 'unknown'})` : '';
  if (r.ok) return `${file}: intact. All ${plural(r.matching, 'file')} match manifest.json${origin}.`;
  const counts = [
    r.manifest.status !== 'ok' ? `manifest.json ${r.manifest.status}` : '',
    r.changed.length ? `${r.changed.length} changed` : '',
    r.missing.length ? `${r.missing.length} missing` : '',
    r.added.length ? `${r.added.length} added` : '',
    r.damaged.length ? `${r.damaged.length} damaged` : '',
    r.duplicates.length ? `${r.duplicates.length} duplicated` : '',
  ].filter(Boolean);
  lines.push(`${file}: NOT intact: ${counts.join(', ')}${origin}.`);
  if (r.manifest.status !== 'ok') lines.push(`  manifest.json ${r.manifest.status}: ${r.manifest.problem ?? ''}; the files cannot be checked against it.`);
  for (const c of r.changed) {
    lines.push(`  changed:   ${c.path}`);
    lines.push(`             expected sha256 ${c.expected.sha256} (${c.expected.bytes} bytes)`);
    lines.push(`             actual   sha256 ${c.actual.sha256} (${c.actual.bytes} bytes)`);
  }
  for (const m of r.missing) lines.push(`  missing:   ${m} (listed in manifest.json, not in the zip)`);
  for (const a of r.added) lines.push(`  added:     ${a} (in the zip, not in manifest.json)`);
  for (const d of r.damaged) lines.push(`  damaged:   ${d.path}: ${d.reason}`);
  for (const d of r.duplicates) lines.push(`  duplicate: ${d} (the zip holds this name more than once)`);
  if (r.matching > 0) lines.push(`  ${plural(r.matching, 'other file')} match${r.matching === 1 ? 'es' : ''} the manifest.`);
  return lines.join('\n');
}
