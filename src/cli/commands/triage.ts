import { parseCommandArgs, helpText, type CommandSpec } from '../args.js';
import type { Command } from '../command.js';
import { EXIT } from '../io.js';
import { openProject, projectArgs } from '../project-options.js';
import type { TriagedIncident } from '../../project/load.js';
import { formatDiagnostic, hasErrors } from '../../diagnostics/format.js';
import { localTime, hoursText } from '../time.js';
import { timeZoneFor } from '../../triage/deadline.js';
import { plural, yesNo } from '../text.js';

const spec: CommandSpec = {
  name: 'triage',
  summary: 'Decide per incident: breach or not, notify the authority, inform the people, with the decision path.',
  usage: 'triage [paths...] [--json]',
  options: {
    json: { type: 'boolean', description: 'print the outcomes as a JSON array on stdout (the contract in DESIGN.md)' },
    path: { type: 'boolean', description: 'show the full decision path of each incident (default when one incident is shown)' },
  },
};

export const triageCommand: Command = {
  spec,
  async run(argv, io) {
    const parsed = parseCommandArgs(spec, argv);
    if (parsed.values['help']) return io.out(helpText(spec) + '\n'), EXIT.ok;
    const project = await openProject(projectArgs(parsed, io));
    for (const d of project.diagnostics) io.err(formatDiagnostic(d) + '\n');
    const failed = hasErrors(project.diagnostics);
    if (parsed.values['json']) {
      io.out(JSON.stringify(project.triaged.map((t) => t.outcome), null, 2) + '\n');
      return failed ? EXIT.problems : EXIT.ok;
    }
    const showPath = Boolean(parsed.values['path']) || project.triaged.length === 1;
    io.out(`Risk policy: ${project.policy.id} ${project.policy.version}\n\n`);
    for (const t of project.triaged) io.out(describe(t, showPath) + '\n');
    const notify = project.triaged.filter((t) => t.outcome.notifyAuthority).length;
    const inform = project.triaged.filter((t) => t.outcome.notifyDataSubjects).length;
    const late = project.triaged.filter((t) => t.outcome.notifyAuthority && t.outcome.authority.late).length;
    io.out(
      `${plural(project.triaged.length, 'incident')} triaged: ${notify} to notify to the authority (${late} late), ${inform} where the people must be informed.` +
        (failed ? ` Files with errors were skipped; see above.` : '') +
        (showPath ? '' : ' Add --path to see each decision path.') +
        '\n',
    );
    return failed ? EXIT.problems : EXIT.ok;
  },
};

function describe({ incident, organisation, outcome: o }: TriagedIncident, showPath: boolean): string {
  const zone = timeZoneFor(organisation);
  const lines: string[] = [];
  lines.push(`${o.id}  ${organisation.name}: ${incident.title}`);
  lines.push(`  file: ${o.file}`);
  const s = o.risk.suggested;
  const who = o.risk.source === 'assessed' ? `assessed by ${o.risk.assessedBy ?? 'a named person'}` : 'suggested only: a named person must still assess it';
  lines.push(
    `  personal data: ${yesNo(o.personalData)}   breach: ${yesNo(o.breach)}   risk: ${o.risk.level} (${who}; suggestion ${s.level}, ENISA ${s.enisa.score} ${s.enisa.band})`,
  );
  const a = o.authority;
  if (o.notifyAuthority) {
    const when = a.notifiedAt
      ? `notified ${localTime(a.notifiedAt, zone)}${a.hoursUsed !== null ? ` after ${hoursText(a.hoursUsed)}` : ''}${a.late ? ', LATE' : ', in time'}`
      : a.late
        ? 'NOT NOTIFIED, deadline passed'
        : 'not yet notified';
    lines.push(`  authority ${a.code}: notify by ${localTime(a.deadline, zone)}; ${when}${a.lateReasonRequired ? (incident.authority?.late_reasons ? ' (reasons for the delay recorded)' : ' (reasons for the delay REQUIRED)') : ''}`);
  } else {
    lines.push(`  authority ${a.code}: no notification required (register only)`);
  }
  lines.push(
    `  data subjects: ${o.notifyDataSubjects ? 'must be informed' : o.dataSubjectsExemption ? `not informed: exemption ${o.dataSubjectsExemption}` : 'no duty to inform'}`,
  );
  if (showPath) {
    lines.push('  decision path:');
    for (const p of o.path) lines.push(`    ${p.step}. ${p.question} ${p.answer}: ${p.reason} [${p.basis}]`);
    if (s.factors.length > 0) {
      lines.push('  risk factors:');
      for (const f of s.factors) lines.push(`    - ${f}`);
    }
  }
  for (const w of o.warnings) lines.push(`  warning: ${w}`);
  return lines.join('\n');
}
