import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { parseCommandArgs, helpText, UsageError, type CommandSpec } from '../args.js';
import type { Command } from '../command.js';
import { EXIT } from '../io.js';
import { openProject, projectArgs } from '../project-options.js';
import { readSources } from '../../load/sources.js';
import { newIncidentYaml, nextIncidentId } from '../../incident/new-incident.js';
import { timeZoneFor } from '../../triage/deadline.js';

const spec: CommandSpec = {
  name: 'new',
  summary: 'Start a new incident file with the next free id, ready to fill in.',
  usage: 'new [--org ID] [--title TEXT] [--id ID]',
  options: {
    org: { type: 'string', description: 'organisation id (folder name under templates/); needed when there are several' },
    title: { type: 'string', description: 'short title of the incident' },
    id: { type: 'string', description: 'use this id instead of the next free YYYY-NNN' },
  },
};

export const newCommand: Command = {
  spec,
  async run(argv, io) {
    const parsed = parseCommandArgs(spec, argv);
    if (parsed.values['help']) return io.out(helpText(spec) + '\n'), EXIT.ok;
    if (parsed.positionals.length > 0) throw new UsageError(`unexpected argument "${parsed.positionals[0]}"\n\n${helpText(spec)}`);
    const args = projectArgs(parsed, io);
    const project = await openProject(args);
    const orgs = project.validation.organisations.map((o) => o.organisation);
    const wanted = parsed.values['org'];
    const ids = orgs.map((o) => o.id).join(', ') || '(none)';
    const org = typeof wanted === 'string' ? orgs.find((o) => o.id === wanted) : orgs.length === 1 ? orgs[0] : undefined;
    if (!org) {
      if (orgs.length === 0) {
        io.err('datalek new: no valid organisation found. Create templates/<org>/organisation.yaml first (see README), or run `datalek validate` to see what is wrong with it.\n');
        return EXIT.problems;
      }
      throw new UsageError(
        typeof wanted === 'string' ? `unknown organisation "${wanted}"; known: ${ids}` : `several organisations exist; choose one with --org (${ids})`,
      );
    }
    // Every id in use, also in files that do not validate, so a broken file never causes a clash.
    const { sources } = await readSources(args.root);
    const used = new Set<string>();
    for (const s of sources) {
      if (s.kind !== 'incident') continue;
      used.add(path.basename(s.file).replace(/\.ya?ml$/, ''));
      try {
        const doc: unknown = parse(s.text, { maxAliasCount: 50 });
        if (doc && typeof doc === 'object' && 'id' in doc) used.add(String((doc as { id: unknown }).id));
      } catch {
        /* unparsable files are reported by validate */
      }
    }
    const zone = timeZoneFor(org);
    const year = Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric' }).format(args.now));
    const id = typeof parsed.values['id'] === 'string' ? parsed.values['id'] : nextIncidentId(used, year);
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(id) || id.includes('..')) {
      throw new UsageError(`--id must be letters, digits, dots, dashes or underscores (got "${id}")`);
    }
    if (used.has(id)) {
      io.err(`datalek new: id ${id} is already in use; choose another --id or leave it out to get the next free one.\n`);
      return EXIT.problems;
    }
    const dir = path.join(args.root, 'incidents', org.id);
    const file = path.join(dir, `${id}.yaml`);
    const schemaRef = path.relative(dir, path.join(args.root, 'schemas', 'incident.schema.json')).split(path.sep).join('/');
    const reporter = org.contacts.breach_officer;
    const text = newIncidentYaml({
      id,
      organisation: org.id,
      now: args.now,
      zone,
      schemaRef,
      reporter: { name: reporter.name, email: reporter.email, phone: reporter.phone, ...(reporter.function ? { function: reporter.function } : {}) },
      ...(typeof parsed.values['title'] === 'string' ? { title: parsed.values['title'] } : {}),
    });
    await mkdir(dir, { recursive: true });
    try {
      await writeFile(file, text, { flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
        io.err(`datalek new: ${path.relative(io.cwd, file)} already exists; nothing was written.\n`);
        return EXIT.problems;
      }
      throw e;
    }
    const rel = path.relative(io.cwd, file) || file;
    io.out(
      `Created ${rel} (incident ${id} of ${org.name}).\n` +
        `Next: fill in the fields marked [in te vullen], check the times, then run \`datalek validate ${rel}\` and \`datalek triage ${rel}\`.\n` +
        `The 72 hours run from timeline.aware_at.\n`,
    );
    return EXIT.ok;
  },
};
