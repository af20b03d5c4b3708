import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { parseCommandArgs, helpText, UsageError, type CommandSpec } from '../args.js';
import type { Command } from '../command.js';
import { EXIT } from '../io.js';
import { FIELD_SCOPES, templateFields, type FieldScope } from '../../fields/reference.js';
import { fieldsMarkdown } from '../../fields/markdown.js';
import { writeFileAtomic } from '../../build/write.js';

const spec: CommandSpec = {
  name: 'fields',
  summary: 'List every field a template can use, with its type and description (and write docs/fields.md).',
  usage: 'fields [--scope incident|register] [--json] [--markdown [--out FILE | --check FILE]]',
  options: {
    scope: { type: 'string', description: 'only the fields of incident documents (incident) or of the register (register)' },
    json: { type: 'boolean', description: 'print the fields as a JSON array on stdout' },
    markdown: { type: 'boolean', description: 'the full reference (template fields and YAML fields) as Markdown, as in docs/fields.md' },
    out: { type: 'string', description: 'with --markdown: write it to this file instead of stdout' },
    check: { type: 'string', description: 'with --markdown: exit 1 when this file differs from the generated text' },
  },
};

export const fieldsCommand: Command = {
  spec,
  async run(argv, io) {
    const parsed = parseCommandArgs(spec, argv);
    if (parsed.values['help']) return io.out(helpText(spec) + '\n'), EXIT.ok;
    if (parsed.positionals.length > 0) throw new UsageError(`unexpected argument "${parsed.positionals[0]}"\n\n${helpText(spec)}`);
    const scopeValue = parsed.values['scope'];
    if (scopeValue !== undefined && !FIELD_SCOPES.includes(scopeValue as FieldScope)) {
      throw new UsageError(`--scope must be one of: ${FIELD_SCOPES.join(', ')} (got "${String(scopeValue)}")`);
    }
    const scope = scopeValue as FieldScope | undefined;
    const out = parsed.values['out'];
    const check = parsed.values['check'];
    if (parsed.values['markdown']) {
      if (scope || parsed.values['json']) throw new UsageError('--markdown writes the whole reference; leave out --scope and --json');
      const text = fieldsMarkdown();
      if (typeof check === 'string') {
        const file = path.resolve(io.cwd, check);
        let current = '';
        try {
          current = await readFile(file, 'utf8');
        } catch {
          /* missing: differs */
        }
        if (current === text) {
          io.out(`${check} is up to date.\n`);
          return EXIT.ok;
        }
        io.err(`datalek fields: ${check} is out of date with the schemas and the document fields; run \`npm run docs:fields\` and commit the result.\n`);
        return EXIT.problems;
      }
      if (typeof out === 'string') {
        await writeFileAtomic(path.resolve(io.cwd, out), text);
        io.err(`Wrote ${out}.\n`);
        return EXIT.ok;
      }
      io.out(text);
      return EXIT.ok;
    }
    if (typeof out === 'string' || typeof check === 'string') throw new UsageError('--out and --check go with --markdown');
    const fields = templateFields(scope);
    if (parsed.values['json']) {
      io.out(JSON.stringify(fields, null, 2) + '\n');
      return EXIT.ok;
    }
    const width = Math.min(48, Math.max(...fields.map((f) => f.field.length)));
    const typeWidth = Math.max(...fields.map((f) => typeText(f.type, f.empty).length));
    for (const s of scope ? [scope] : FIELD_SCOPES) {
      const list = fields.filter((f) => f.scope === s);
      io.out(
        `${s === 'incident' ? 'Incident documents (scope: incident)' : 'The register (scope: organisation)'}: ${list.length} fields\n`,
      );
      for (const f of list) io.out(`  ${f.field.padEnd(width)}  ${typeText(f.type, f.empty).padEnd(typeWidth)}  ${f.description}\n`);
      io.out('\n');
    }
    io.out('Inside {#list}…{/list} write an item field without the list name: {#beslispad}{reden}{/beslispad}.\n');
    io.out('The fields of the YAML files (for `when` conditions) are in docs/fields.md, or: datalek fields --markdown.\n');
    return EXIT.ok;
  },
};

function typeText(type: string, empty: boolean): string {
  return empty ? `${type}, kan leeg zijn` : type;
}
