import path from 'node:path';
import { parseCommandArgs, helpText, type CommandSpec } from '../args.js';
import type { Command } from '../command.js';
import { EXIT, type Io } from '../io.js';
import { projectArgs } from '../project-options.js';
import { disclose, formatDiagnostic, hasErrors } from '../../diagnostics/format.js';
import { runBuild, type BuildResult } from '../../build/run.js';
import { collectGarbage, collectIfGrown } from '../heap.js';
import { plural } from '../text.js';

const spec: CommandSpec = {
  name: 'build',
  summary: 'Render every document that applies (letters, authority summaries, registers) as DOCX and PDF into output/.',
  usage: 'build [paths...] [--org ID] [--out DIR] [--json]',
  options: {
    org: { type: 'string', multiple: true, description: 'only this organisation (repeat for several)' },
    out: { type: 'string', description: 'output folder (default: output/ in the project)' },
    json: { type: 'boolean', description: 'print the build report as JSON on stdout' },
    force: { type: 'boolean', description: 'rebuild every document, also those already up to date' },
  },
};

function bar(done: number, total: number): string {
  const width = 28;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} documents`;
}

export const buildCommand: Command = {
  spec,
  async run(argv, io) {
    const parsed = parseCommandArgs(spec, argv);
    if (parsed.values['help']) return io.out(helpText(spec) + '\n'), EXIT.ok;
    const args = projectArgs(parsed, io);
    const outDir = path.resolve(io.cwd, typeof parsed.values['out'] === 'string' ? parsed.values['out'] : path.join(args.root, 'output'));
    const json = Boolean(parsed.values['json']);
    const progress = !json ? io.progress : undefined;
    let result: BuildResult;
    try {
      result = await runBuild({
        root: args.root,
        outDir,
        now: args.now,
        ...(args.paths ? { paths: args.paths } : {}),
        force: Boolean(parsed.values['force']),
        afterLoading: collectGarbage,
        whileLoading: collectIfGrown,
        ...(Array.isArray(parsed.values['org']) ? { orgs: parsed.values['org'] as string[] } : {}),
        ...(progress ? { onProgress: (d: number, t: number) => progress(bar(d, t)) } : {}),
      });
    } catch (e) {
      const err = e as Error & { code?: string };
      if (err.code === 'DL-BUILD-LOCKED' || err.code === 'ENOSPC' || err.code === 'EACCES' || err.code === 'EROFS') {
        const code = err.code.startsWith('DL-') ? err.code : `DL-BUILD-${err.code}`;
        const message = describeFault(err, outDir);
        if (json) io.out(JSON.stringify({ error: { code, message } }, null, 2) + '\n');
        else io.err(`datalek build: ${message} (error ${code})\n`);
        return EXIT.problems;
      }
      throw e;
    } finally {
      if (progress) progress('');
    }
    if (json) {
      const counts = { written: result.written.length, upToDate: result.upToDate.length, notApplicable: result.notApplicable, failed: result.failed.length, removed: result.removed.length };
      const shown = { ...result, diagnostics: result.diagnostics.map(disclose), failed: result.failed.map((f) => ({ ...f, diagnostics: f.diagnostics.map(disclose) })) };
      io.out(JSON.stringify({ counts, ...shown }, null, 2) + '\n');
    } else {
      report(result, io, outDir);
    }
    return hasErrors(result.diagnostics) ? EXIT.problems : EXIT.ok;
  },
};

function describeFault(err: Error & { code?: string }, outDir: string): string {
  if (err.code === 'ENOSPC') return `the disk is full while writing to ${outDir}; free some space and build again (no half-written file was left behind).`;
  if (err.code === 'EACCES' || err.code === 'EROFS') return `cannot write to ${outDir} (${err.code}); choose another folder with --out or fix its permissions.`;
  return err.message;
}

function report(result: BuildResult, io: Io, outDir: string): void {
  for (const d of result.diagnostics) io.err(formatDiagnostic(d) + '\n');
  const rel = path.relative(io.cwd, outDir) || '.';
  const byFormat = (f: string) => result.written.filter((w) => w.format === f).length;
  const lines = [
    `Wrote ${plural(result.written.length, 'file')} to ${rel}/ (${byFormat('docx')} DOCX, ${byFormat('pdf')} PDF, ${byFormat('csv')} CSV); ${result.upToDate.length} already up to date.`,
    `${result.notApplicable} document${result.notApplicable === 1 ? '' : 's'} not needed under the triage; ${plural(result.skippedIncidents.length, 'incident')} skipped for errors; ${plural(result.failed.length, 'document')} failed.`,
  ];
  if (result.cacheIgnored) lines.push(`The build cache was ${result.cacheIgnored} and was ignored: everything was rebuilt.`);
  if (result.removed.length > 0) lines.push(`Removed ${plural(result.removed.length, 'file')} that no longer apply: ${result.removed.join(', ')}.`);
  if (!result.registers) lines.push('Registers were not rebuilt, because only some incidents were built; run `datalek build` without paths to rebuild them.');
  if (result.pdf) lines.push(`Chromium: ${result.pdf.documents} PDFs, ${result.pdf.blockedRequests} network requests blocked.`);
  io.out(lines.join('\n') + '\n');
}
