import { parseCommandArgs, helpText, UsageError, type CommandSpec } from '../args.js';
import type { Command } from '../command.js';
import { EXIT } from '../io.js';
import { openProject, projectArgs } from '../project-options.js';
import { formatDiagnostic, hasErrors } from '../../diagnostics/format.js';
import { isOpen, openDuties, type Duty } from '../../status/duties.js';
import { localTime, hoursText } from '../time.js';
import { timeZoneFor } from '../../triage/deadline.js';
import { plural } from '../text.js';
import { writeDutiesCalendar } from '../../ics/status.js';

const spec: CommandSpec = {
  name: 'status',
  summary: 'List open incidents and their duties: overdue, due within 24 hours, hours left.',
  usage: 'status [paths...] [--json] [--ics FILE]',
  options: {
    json: { type: 'boolean', description: 'print the open duties as a JSON array on stdout' },
    ics: { type: 'string', description: 'also write the open duties to this iCalendar file (deadlines as events with alarms, other steps as tasks)' },
  },
};

export const statusCommand: Command = {
  spec,
  async run(argv, io) {
    const parsed = parseCommandArgs(spec, argv);
    if (parsed.values['help']) return io.out(helpText(spec) + '\n'), EXIT.ok;
    const args = projectArgs(parsed, io);
    const project = await openProject(args);
    for (const d of project.diagnostics) io.err(formatDiagnostic(d) + '\n');
    const failed = hasErrors(project.diagnostics);
    const duties = openDuties(project.triaged, args.now);
    const ics = parsed.values['ics'];
    if (typeof ics === 'string') {
      // A file only: stdout passes through the terminal filter, which would escape iCalendar's CRLF.
      if (ics === '' || ics === '-') throw new UsageError('--ics needs a file name, e.g. --ics deadlines.ics');
      const written = await writeDutiesCalendar(ics, duties, project.triaged, args.now, io);
      if (!written.ok) {
        io.err(`datalek status: ${written.message}\n`);
        return EXIT.problems;
      }
      (parsed.values['json'] ? io.err : io.out)(written.message + '\n');
    }
    if (parsed.values['json']) {
      io.out(JSON.stringify(duties, null, 2) + '\n');
      return failed ? EXIT.problems : EXIT.ok;
    }
    const open = project.triaged.filter((t) => isOpen(t.incident));
    const zones = new Map(project.triaged.map((t) => [t.incident.id, timeZoneFor(t.organisation)]));
    const titles = new Map(project.triaged.map((t) => [t.incident.id, `${t.organisation.name}: ${t.incident.title}`]));
    if (open.length === 0) {
      io.out('No open incidents.\n');
      return failed ? EXIT.problems : EXIT.ok;
    }
    let current = '';
    for (const d of groupByIncident(duties)) {
      if (d.incidentId !== current) {
        current = d.incidentId;
        io.out(`\n${d.incidentId}  ${titles.get(d.incidentId) ?? ''}\n  file: ${d.file}\n`);
      }
      io.out(`  ${label(d).padEnd(10)} ${d.what}${deadlineText(d, zones.get(d.incidentId) ?? 'Europe/Amsterdam')}\n`);
    }
    const overdue = duties.filter((d) => d.urgency === 'overdue').length;
    const soon = duties.filter((d) => d.urgency === 'due_within_24h').length;
    const withoutDuties = open.length - new Set(duties.map((d) => d.incidentId)).size;
    io.out(
      `\n${plural(open.length, 'open incident')}: ${overdue} overdue, ${soon} due within 24 h, ${plural(duties.length, 'open duty', 'open duties')} in all` +
        (withoutDuties > 0 ? `; ${withoutDuties} with nothing left but closing (set timeline.closed_at)` : '') +
        ` (as of ${localTime(args.now.toISOString(), 'Europe/Amsterdam')}).\n`,
    );
    return failed ? EXIT.problems : EXIT.ok;
  },
};

/** Keeps the urgency order, but lists all duties of one incident together. */
function groupByIncident(duties: Duty[]): Duty[] {
  const order = [...new Set(duties.map((d) => d.incidentId))];
  return order.flatMap((id) => duties.filter((d) => d.incidentId === id));
}

function label(d: Duty): string {
  return d.urgency === 'overdue' ? 'OVERDUE' : d.urgency === 'due_within_24h' ? 'DUE <24h' : 'open';
}

function deadlineText(d: Duty, zone: string): string {
  if (d.deadline === null || d.hoursLeft === null) return '';
  return d.hoursLeft < 0
    ? `: deadline was ${localTime(d.deadline, zone)}, ${hoursText(d.hoursLeft)} ago`
    : `: by ${localTime(d.deadline, zone)}, ${hoursText(d.hoursLeft)} left`;
}
