import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCommandArgs, helpText, UsageError, type CommandSpec, type OptionSpec } from '../args.js';
import type { Command } from '../command.js';
import { EXIT, type Io } from '../io.js';
import { formatDiagnostic, hasErrors } from '../../diagnostics/format.js';
import { validateSources } from '../../validate/index.js';
import { mergeDocuments, splitSpec, DEFAULT_PACK_NAME, type PackChain } from '../../packs/index.js';
import { loadPack } from '../../packs/pack-source.js';
import { QUESTIONS, problemWith, tidyValue, type InitValues, type Question } from '../../init/questions.js';
import { officeFiles, type DocumentInfo } from '../../init/files.js';
import { existingFiles, isGitRepository, useHooksPath, writeOffice } from '../../init/write.js';
import { readlinePrompter, type Prompter } from '../../init/prompt.js';

/** The datalek checkout or package this program runs from (src/cli/commands and dist/cli/commands are three levels down). */
const PACKAGE_ROOT = path.resolve(fileURLToPath(new URL('../../../', import.meta.url)));

const NPM_NAME = /^(@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;

const questionOptions: Record<string, OptionSpec> = Object.fromEntries(
  QUESTIONS.map((q) => [q.flag, { type: 'string' as const, description: q.hint ? `${q.label} (${q.hint})` : q.label }]),
);

const spec: CommandSpec = {
  name: 'init',
  summary: 'Create a repository for an office: organisation, templates folder, incidents, editor settings, git hook and CI.',
  usage: 'init [dir] [--org ID --name NAME --country NL|BE --sector S --kvk N --street S --postcode P --city C --email E --phone T --breach-officer NAME ...] [--yes]',
  options: {
    ...questionOptions,
    'datalek-spec': { type: 'string', description: 'how package.json names datalek (default: file:<this datalek folder>); e.g. ^0.1.0 or a git URL' },
    yes: { type: 'boolean', short: 'y', description: 'ask nothing: defaults for everything optional; fail if something needed is missing' },
  },
};

export interface InitDeps {
  /** Whether questions can be asked (a terminal on stdin). */
  interactive(): boolean;
  prompter(): Prompter;
}

const defaultDeps: InitDeps = {
  interactive: () => Boolean(process.stdin.isTTY),
  prompter: () => readlinePrompter(),
};

/** The files whose names do not depend on the answers: checked before asking anything. */
const FIXED_FILES = ['package.json', 'README.md', '.gitignore', '.gitlab-ci.yml', '.github/workflows/datalek.yml', '.githooks/pre-commit', '.vscode/settings.json'];

export function createInitCommand(deps: InitDeps = defaultDeps): Command {
  return {
    spec,
    async run(argv, io) {
      const parsed = parseCommandArgs(spec, argv);
      if (parsed.values['help']) return io.out(helpText(spec) + '\n'), EXIT.ok;
      if (parsed.positionals.length > 1) throw new UsageError(`init takes one folder (got ${parsed.positionals.join(', ')})\n\n${helpText(spec)}`);
      const rootFlag = parsed.values['root'];
      if (typeof rootFlag === 'string' && parsed.positionals.length) throw new UsageError('give the folder either as an argument or with --root, not both');
      const dir = path.resolve(io.cwd, parsed.positionals[0] ?? (typeof rootFlag === 'string' ? rootFlag : '.'));
      const shownDir = path.relative(io.cwd, dir) || '.';
      const yes = Boolean(parsed.values['yes']);
      const interactive = !yes && deps.interactive();

      // Refuse early, before any question, when the fixed files exist.
      const early = await existingFiles(dir, new Map(FIXED_FILES.map((f) => [f, { text: '' }])));
      if (early.length) return refuse(io, shownDir, early);

      // -- the values: flags first, then answers, then defaults
      const values: Partial<InitValues> = {};
      const flagProblems: string[] = [];
      const missing: Question[] = [];
      let prompter: Prompter | undefined;
      try {
        for (const q of QUESTIONS) {
          const given = parsed.values[q.flag];
          if (typeof given === 'string') {
            const value = tidyValue(q, given, values);
            const problem = problemWith(q, value, values);
            if (problem) flagProblems.push(`--${q.flag}: ${problem} (got "${given}")`);
            values[q.key] = value as never;
            continue;
          }
          const relevant = q.askIf ? q.askIf(values) : true;
          if (interactive && relevant && flagProblems.length === 0) {
            prompter ??= deps.prompter();
            const answer = await askUntilValid(q, values, prompter, io);
            if (answer === null) {
              io.err('\ndatalek init: stopped; nothing was written.\n');
              return EXIT.problems;
            }
            values[q.key] = answer as never;
            continue;
          }
          const fallback = q.fallback ? q.fallback(values) : '';
          // A value with a default (the id from the name) is not asked for separately.
          if (q.required && fallback === '' && !q.fallback) missing.push(q);
          values[q.key] = fallback as never;
        }
      } finally {
        prompter?.close();
      }
      if (flagProblems.length) throw new UsageError(`some values cannot be used:\n  ${flagProblems.join('\n  ')}`);
      if (missing.length) {
        throw new UsageError(
          `these values are needed${deps.interactive() ? '' : ' (no terminal to ask them on)'}:\n` +
            missing.map((q) => `  --${q.flag.padEnd(16)} ${q.label}${q.hint ? ` (${q.hint})` : ''}`).join('\n') +
            `\n\nExample:\n  datalek init ${shownDir} --name "Kantoor De Vries B.V." --country NL --sector legal --kvk 12345678 \\\n` +
            '    --street "Voorbeeldstraat 12" --postcode "1234 AB" --city Utrecht --email info@devries.example \\\n' +
            '    --phone "030-555 0100" --breach-officer "Eva Bakker"',
        );
      }
      const v = values as InitValues;

      // -- the files
      const schemas: Record<string, string> = {};
      for (const name of (await readdir(path.join(PACKAGE_ROOT, 'schemas'))).filter((n) => n.endsWith('.schema.json')).sort()) {
        schemas[name] = await readFile(path.join(PACKAGE_ROOT, 'schemas', name), 'utf8');
      }
      const { documents, packs, note } = await documentsFor(v, dir);
      const datalekSpec = typeof parsed.values['datalek-spec'] === 'string' ? parsed.values['datalek-spec'] : `file:${PACKAGE_ROOT}`;
      const packDependency = await npmDependency(v.extends, dir, v.org);
      const files = officeFiles({ values: v, datalekSpec, schemas, documents, packs, ...(packDependency ? { packDependency } : {}) });

      // The organisation must be valid as generated (a fault of ours if not).
      const orgFile = `templates/${v.org}/organisation.yaml`;
      const check = validateSources([{ file: orgFile, text: files.get(orgFile)!.text, kind: 'organisation' }], { now: new Date() });
      if (hasErrors(check.diagnostics)) {
        for (const d of check.diagnostics) io.err(formatDiagnostic(d) + '\n');
        io.err('datalek init: the organisation file would not be valid with these values; nothing was written.\n');
        return EXIT.problems;
      }

      const result = await writeOffice(dir, files);
      if (!result.ok) return refuse(io, shownDir, result.existing);

      const lines = [`Created an office repository for ${v.name} in ${shownDir}/ (${result.written.length} files):`];
      for (const f of result.written) lines.push(`  ${f}`);
      lines.push('');
      if (note) lines.push(note, '');
      if (await isGitRepository(dir)) {
        const hook = await useHooksPath(dir);
        lines.push(
          hook.ok
            ? 'Git will run .githooks/pre-commit (datalek validate) before each commit (core.hooksPath is set).'
            : `Could not point git at .githooks/ (${hook.reason}); run: git config core.hooksPath .githooks`,
        );
      } else {
        lines.push(`${shownDir} is not a git repository yet. Run \`git init\` there; \`npm install\` then sets core.hooksPath to .githooks, so the pre-commit hook runs datalek validate.`);
      }
      if (datalekSpec.startsWith('file:')) {
        lines.push(`package.json refers to datalek as ${datalekSpec}: fine on this computer; for CI, set a version or git URL (--datalek-spec).`);
      }
      lines.push(
        '',
        'Next:',
        ...(shownDir === '.' ? [] : [`  cd ${shownDir}`]),
        '  npm install',
        '  npx datalek validate',
        `  npx datalek new --title "Korte omschrijving"     # the first incident, in incidents/${v.org}/`,
      );
      io.out(lines.join('\n') + '\n');
      return EXIT.ok;
    },
  };
}

export const initCommand = createInitCommand();

function refuse(io: Io, shownDir: string, existing: string[]): number {
  io.err(
    `datalek init: these files exist already in ${shownDir}/ and would be overwritten:\n` +
      existing.map((f) => `  ${f}\n`).join('') +
      'Nothing was written. Move them away, or choose an empty folder: datalek init <folder>.\n',
  );
  return EXIT.problems;
}

async function askUntilValid(q: Question, values: Partial<InitValues>, prompter: Prompter, io: Io): Promise<string | null> {
  for (;;) {
    const fallback = q.fallback ? q.fallback(values) : '';
    const question = `${q.label}${q.hint ? ` (${q.hint})` : ''}${fallback ? ` [${fallback}]` : ''}: `;
    const answer = await prompter.ask(question);
    if (answer === null) return null;
    const value = tidyValue(q, answer, values);
    const problem = problemWith(q, value, values);
    if (!problem) return value;
    io.err(`  ${problem}\n`);
  }
}

/** The documents the office gets: from its federation pack when that can be found already, else from the default. */
async function documentsFor(v: InitValues, dir: string): Promise<{ documents: DocumentInfo[]; packs: string[]; note?: string }> {
  let chain: PackChain | undefined;
  let note: string | undefined;
  if (v.extends) {
    const loaded = await loadPack(v.extends, { projectRoot: dir, cwd: dir, language: v.language });
    if (loaded.chain) chain = loaded.chain;
    else note = `The template pack ${v.extends} is not installed yet; templates/${v.org}/README.md lists the built-in documents. Run \`npx datalek templates check\` after npm install.`;
  }
  if (!chain) chain = (await loadPack(DEFAULT_PACK_NAME, { projectRoot: dir, cwd: dir, language: v.language })).chain;
  if (!chain) return { documents: [], packs: [] };
  const label = (i: number) => {
    const p = chain!.layers[i]!.pack;
    return p.version ? `${p.name} ${p.version}` : p.name;
  };
  const documents = mergeDocuments(chain).map((d) => ({ id: d.id, title: d.title, templates: d.templates, from: label(d.origin.index) }));
  return { documents, packs: chain.layers.map((_, i) => label(i)), ...(note ? { note } : {}) };
}

/** `extends` naming an npm package (not a folder) becomes a dependency with its range. */
async function npmDependency(spec: string, dir: string, org: string): Promise<{ name: string; range: string } | undefined> {
  if (!spec) return undefined;
  const { target, range } = splitSpec(spec);
  if (target === DEFAULT_PACK_NAME || !NPM_NAME.test(target) || target.startsWith('.')) return undefined;
  // A folder of that name next to the organisation or in the project is a folder, not a package.
  for (const base of [path.join(dir, 'templates', org), dir]) {
    try {
      await readdir(path.join(base, target));
      return undefined;
    } catch {
      /* not a folder */
    }
  }
  return { name: target, range: range ?? '*' };
}
