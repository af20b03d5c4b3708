import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseCommandArgs, helpText, UsageError, type CommandSpec } from '../args.js';
import type { Command } from '../command.js';
import { EXIT, type Io } from '../io.js';
import { openProject, projectArgs } from '../project-options.js';
import { formatDiagnostic, hasErrors, sortDiagnostics } from '../../diagnostics/format.js';
import { lintOrganisationPacks, loadOrganisationPacks } from '../../project/packs.js';
import { FIELD_DOCS } from '../../documents/index.js';
import { lintPack, mergeDocuments, packVersions, type PackChain } from '../../packs/index.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { loadPack } from '../../packs/pack-source.js';
import { unusedOverrides } from '../../packs/overrides.js';
import { diffSnapshots, snapshotPack, touchedTemplateNames, type PackDiff } from '../../packs/pack-diff.js';
import { focusLines } from '../../packs/line-diff.js';
import { plural } from '../text.js';

const spec: CommandSpec = {
  name: 'templates',
  summary: 'Check a template pack, or show what changed between two versions of one.',
  usage: 'templates check [pack] [--org ID] [--language nl|fr] [--json]  |  templates diff <old> <new> [--json]',
  options: {
    org: { type: 'string', multiple: true, description: 'check: only the pack chain of this organisation (repeat for several)' },
    language: { type: 'string', description: 'check <pack>: the office language to check the pack for (default nl)' },
    json: { type: 'boolean', description: 'print the result as JSON on stdout' },
  },
};

const USAGE_MORE = `
  templates check            lint every organisation's templates: its folder, the federation pack it
                             extends and the default; warns about override files that no longer
                             override anything (e.g. after a federation update)
  templates check <pack>     lint one pack (a folder, or an npm package in node_modules, with an
                             optional @range) as a federation pack over the default
  templates diff <old> <new> what changed between two versions of a pack (folders or packages):
                             documents added, removed and changed, the fields each template reads,
                             and its wording; plus the office overrides in this project it touches`;

const knownOptions = {
  knownFields: new Set(Object.keys(FIELD_DOCS.incident)) as ReadonlySet<string>,
  knownFieldsByScope: { organisation: new Set(Object.keys(FIELD_DOCS.register)) as ReadonlySet<string> },
};

export const templatesCommand: Command = {
  spec,
  async run(argv, io) {
    const parsed = parseCommandArgs(spec, argv);
    if (parsed.values['help']) return io.out(helpText(spec) + '\n' + USAGE_MORE + '\n'), EXIT.ok;
    const [sub, ...rest] = parsed.positionals;
    const json = Boolean(parsed.values['json']);
    if (sub === 'check') {
      if (rest.length > 1) throw new UsageError(`templates check takes at most one pack (got ${rest.length})`);
      // projectArgs reads the positionals as incident paths: hand it none.
      const args = projectArgs({ ...parsed, positionals: [] }, io);
      if (rest.length === 1) return checkOnePack(rest[0]!, args.root, parsed.values, io, json);
      return checkProject(args, parsed.values, io, json);
    }
    if (sub === 'diff') {
      if (rest.length !== 2) throw new UsageError(`templates diff needs two packs, the old and the new version\n\n${helpText(spec)}`);
      const args = projectArgs({ ...parsed, positionals: [] }, io);
      return diffPacks(rest[0]!, rest[1]!, args.root, io, json);
    }
    throw new UsageError(`${sub === undefined ? 'say what to do' : `unknown subcommand "${sub}"`}: check or diff\n\n${helpText(spec)}${USAGE_MORE}`);
  },
};

type Values = Record<string, string | boolean | string[] | undefined>;

function chainLine(chain: PackChain): string {
  return packVersions(chain)
    .map((p) => `${p.name}${p.version ? ` ${p.version}` : ''}`)
    .join(' -> ');
}

function printDiagnostics(list: readonly Diagnostic[], io: Io): void {
  for (const d of list) io.err(formatDiagnostic(d) + '\n');
}

function counts(list: readonly Diagnostic[]): string {
  const errors = list.filter((d) => d.severity === 'error').length;
  return `${plural(errors, 'error')}, ${plural(list.length - errors, 'warning')}`;
}

async function checkOnePack(given: string, root: string, values: Values, io: Io, json: boolean): Promise<number> {
  const language = typeof values['language'] === 'string' ? values['language'] : 'nl';
  if (!/^[a-z]{2}$/.test(language)) throw new UsageError(`--language must be a two-letter language code such as nl or fr (got "${language}")`);
  const loaded = await loadPack(given, { projectRoot: root, cwd: io.cwd, language });
  const diagnostics = [...loaded.diagnostics];
  if (loaded.ok && loaded.chain) diagnostics.push(...(await lintPack(loaded.chain, knownOptions)));
  const sorted = sortDiagnostics(diagnostics);
  const failed = !loaded.ok || hasErrors(sorted);
  const docs = loaded.chain ? mergeDocuments(loaded.chain) : [];
  if (json) {
    io.out(
      JSON.stringify(
        { pack: given, ok: !failed, layers: loaded.chain ? packVersions(loaded.chain) : [], documents: docs.map((d) => d.id), diagnostics: sorted },
        null,
        2,
      ) + '\n',
    );
    return failed ? EXIT.problems : EXIT.ok;
  }
  printDiagnostics(sorted, io);
  if (!loaded.chain) {
    io.out(`The pack ${given} could not be loaded: ${counts(sorted)}.\n`);
    return EXIT.problems;
  }
  io.out(`${chainLine(loaded.chain)}: ${plural(docs.length, 'document')} (${docs.map((d) => d.id).join(', ')}); ${counts(sorted)}.\n`);
  return failed ? EXIT.problems : EXIT.ok;
}

async function checkProject(args: ReturnType<typeof projectArgs>, values: Values, io: Io, json: boolean): Promise<number> {
  const project = await openProject(args);
  const wanted = Array.isArray(values['org']) ? (values['org'] as string[]) : undefined;
  const organisations = project.validation.organisations.filter((o) => !wanted || wanted.includes(o.organisation.id));
  if (wanted) {
    const known = new Set(project.validation.organisations.map((o) => o.organisation.id));
    const unknown = wanted.filter((w) => !known.has(w));
    if (unknown.length) throw new UsageError(`unknown organisation ${unknown.map((u) => `"${u}"`).join(', ')}; known: ${[...known].join(', ') || '(none)'}`);
  }
  // Problems of organisation files matter here (an invalid one has no packs); incidents do not.
  const orgProblems = project.diagnostics.filter((d) => /^templates\//.test(d.file));
  const packs = await loadOrganisationPacks(args.root, organisations);
  const lint = await lintOrganisationPacks(packs.packs.values());
  const overrides = [...packs.packs.values()].flatMap((p) => unusedOverrides(p.chain));
  const diagnostics = sortDiagnostics([...orgProblems, ...packs.diagnostics, ...lint, ...overrides]);
  const failed = hasErrors(diagnostics);
  const summary = [...packs.packs.values()].map((p) => ({
    organisation: p.organisation.id,
    layers: packVersions(p.chain),
    documents: p.documents.map((d) => d.id),
  }));
  if (json) {
    io.out(JSON.stringify({ ok: !failed, organisations: summary, diagnostics }, null, 2) + '\n');
    return failed ? EXIT.problems : EXIT.ok;
  }
  printDiagnostics(diagnostics, io);
  if (organisations.length === 0) {
    io.out('No valid organisation found (templates/<org>/organisation.yaml); run `datalek validate` to see why.\n');
    return EXIT.problems;
  }
  for (const p of packs.packs.values()) {
    io.out(`${p.organisation.id}: ${chainLine(p.chain)}; ${plural(p.documents.length, 'document')} (${p.documents.map((d) => d.id).join(', ')})\n`);
  }
  const notLoaded = organisations.filter((o) => !packs.packs.has(o.organisation.id)).map((o) => o.organisation.id);
  if (notLoaded.length) io.out(`Packs not loaded for: ${notLoaded.join(', ')} (see the errors above).\n`);
  io.out(`Templates checked: ${counts(diagnostics)}.\n`);
  return failed ? EXIT.problems : EXIT.ok;
}

/** Override files in the project's organisation folders that the change touches (by template name). */
async function touchedOverrides(root: string, diff: PackDiff): Promise<{ file: string; reason: string }[]> {
  const names = touchedTemplateNames(diff);
  if (names.size === 0) return [];
  let orgs: string[] = [];
  try {
    orgs = (await readdir(path.join(root, 'templates'), { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  } catch {
    return [];
  }
  const out: { file: string; reason: string }[] = [];
  for (const org of orgs) {
    for (const [name, reason] of names) {
      try {
        if ((await stat(path.join(root, 'templates', org, ...name.split('/')))).isFile()) out.push({ file: `templates/${org}/${name}`, reason });
      } catch {
        /* no such override */
      }
    }
  }
  return out;
}

const MAX_LINES = 8;
const clip = (s: string, n = 110): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

async function diffPacks(oldSpec: string, newSpec: string, root: string, io: Io, json: boolean): Promise<number> {
  const [a, b] = await Promise.all([loadPack(oldSpec, { projectRoot: root, cwd: io.cwd }), loadPack(newSpec, { projectRoot: root, cwd: io.cwd })]);
  if (!a.chain || !b.chain) {
    printDiagnostics(sortDiagnostics([...a.diagnostics, ...b.diagnostics].filter((d) => d.severity === 'error')), io);
    io.err(`datalek templates diff: ${!a.chain ? oldSpec : newSpec} could not be loaded as a template pack.\n`);
    return EXIT.problems;
  }
  const diff = diffSnapshots(await snapshotPack(a.chain), await snapshotPack(b.chain));
  const touched = await touchedOverrides(root, diff);
  if (json) {
    io.out(JSON.stringify({ ...diff, overridesTouched: touched }, null, 2) + '\n');
    return EXIT.ok;
  }
  const v = (x: PackDiff['old']) => `${x.name}${x.version ? ` ${x.version}` : ''}`;
  const lines: string[] = [];
  lines.push(`Template pack ${diff.old.name === diff.new.name ? `${diff.old.name}: ${diff.old.version ?? '?'} -> ${diff.new.version ?? '?'}` : `${v(diff.old)} -> ${v(diff.new)}`}`);
  lines.push(`  old: ${diff.old.dir} (${diff.old.layers.join(' -> ')})`);
  lines.push(`  new: ${diff.new.dir} (${diff.new.layers.join(' -> ')})`);
  if (diff.old.extends !== diff.new.extends) lines.push(`  extends: ${diff.old.extends ?? '(default)'} -> ${diff.new.extends ?? '(default)'}`);
  lines.push('');
  const docLine = (d: PackDiff['added'][number]) => `  ${d.id}: ${d.title} (${d.scope}; ${d.formats.join(', ')}; ${d.templates.join(', ')})`;
  if (diff.removed.length) lines.push(`Documents removed (${diff.removed.length}):`, ...diff.removed.map(docLine), '');
  if (diff.added.length) lines.push(`Documents added (${diff.added.length}):`, ...diff.added.map(docLine), '');
  if (diff.changed.length) {
    lines.push(`Documents changed (${diff.changed.length}):`);
    for (const d of diff.changed) {
      lines.push(`  ${d.id}: ${d.title}`);
      for (const k of d.keys) lines.push(`    ${k.key}: ${k.old} -> ${k.new}`);
      for (const t of d.templates) {
        const where = t.status === 'removed' ? `removed (was ${t.old!.name} from ${t.old!.pack ?? 'nowhere'})` : t.status === 'added' ? `added: ${t.new!.name} from ${t.new!.pack ?? 'nowhere (missing)'}` : `${t.new!.name} from ${t.new!.pack ?? 'nowhere (missing)'}${t.old!.name !== t.new!.name || t.old!.packName !== t.new!.packName ? ` (was ${t.old!.name} from ${t.old!.pack ?? 'nowhere'})` : ''}`;
        lines.push(`    template ${t.language} ${t.format}: ${where}`);
        if (t.fieldsAdded.length) lines.push(`      fields added: ${t.fieldsAdded.join(', ')}`);
        if (t.fieldsRemoved.length) lines.push(`      fields removed: ${t.fieldsRemoved.join(', ')}`);
        if (t.wording) {
          lines.push(`      wording: ${plural(t.wording.added, 'line')} added, ${t.wording.removed} removed`);
          const shown = focusLines(t.wording.lines);
          for (const l of shown.slice(0, MAX_LINES)) lines.push(`        ${clip(l)}`);
          if (shown.length > MAX_LINES) lines.push(`        … and ${shown.length - MAX_LINES} more (--json shows all)`);
        }
        if (!t.fieldsAdded.length && !t.fieldsRemoved.length && !t.wording && t.status === 'changed') lines.push('      same fields and wording (layout or formatting changed)');
      }
    }
    lines.push('');
  }
  if (!diff.added.length && !diff.removed.length && !diff.changed.length) lines.push('No differences in documents or templates.', '');
  if (diff.unchanged.length) lines.push(`Unchanged (${diff.unchanged.length}): ${diff.unchanged.join(', ')}`, '');
  if (touched.length) {
    lines.push('Overrides in this project that the change touches (review them before upgrading):');
    for (const t of touched) lines.push(`  ${t.file}: ${t.reason}`);
    lines.push('');
  }
  io.out(lines.join('\n'));
  return EXIT.ok;
}
