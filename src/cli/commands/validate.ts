import { parseCommandArgs, helpText, type CommandSpec } from '../args.js';
import type { Command } from '../command.js';
import { EXIT } from '../io.js';
import { openProject, projectArgs } from '../project-options.js';
import { disclose, formatDiagnostic, hasErrors } from '../../diagnostics/format.js';
import { plural } from '../text.js';
import { lintOrganisationPacks, loadOrganisationPacks } from '../../project/packs.js';
import { unusedOverrides } from '../../packs/overrides.js';
import { sortDiagnostics } from '../../diagnostics/format.js';

const spec: CommandSpec = {
  name: 'validate',
  summary: 'Check incidents, organisation configs and template packs; print every problem as file:line:column.',
  usage: 'validate [paths...] [--json]',
  options: {
    json: { type: 'boolean', description: 'print the problems as a JSON array on stdout' },
  },
};

export const validateCommand: Command = {
  spec,
  async run(argv, io) {
    const parsed = parseCommandArgs(spec, argv);
    if (parsed.values['help']) return io.out(helpText(spec) + '\n'), EXIT.ok;
    const args = projectArgs(parsed, io);
    const project = await openProject(args);
    // Template packs are checked too: each organisation's resolved pack, linted against the fields documents provide.
    const packs = await loadOrganisationPacks(args.root, project.validation.organisations);
    const lint = await lintOrganisationPacks(packs.packs.values());
    // ... and office templates that no longer override anything (say, after a federation pack upgrade).
    const unused = [...packs.packs.values()].flatMap((p) => unusedOverrides(p.chain));
    const diagnostics = sortDiagnostics([...project.diagnostics, ...packs.diagnostics, ...lint, ...unused]);
    const failed = hasErrors(diagnostics);
    if (parsed.values['json']) {
      io.out(JSON.stringify(diagnostics.map(disclose), null, 2) + '\n');
      return failed ? EXIT.problems : EXIT.ok;
    }
    for (const d of diagnostics) io.err(formatDiagnostic(d) + '\n');
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.length - errors;
    const { incidents, organisations } = project.validation;
    const files = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file)).size;
    const valid = `${plural(incidents.length, 'incident')} and ${plural(organisations.length, 'organisation')}`;
    const summary = failed
      ? `${plural(errors, 'error')} in ${plural(files, 'file')}, ${plural(warnings, 'warning')}; ${valid} valid.`
      : `All valid: ${valid}${warnings ? `, ${plural(warnings, 'warning')}` : ''}.`;
    io.out(summary + '\n');
    return failed ? EXIT.problems : EXIT.ok;
  },
};
