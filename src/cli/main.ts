/**
 * The datalek command line. Only this module (and the command modules it dispatches to) prints
 * and chooses exit codes: 0 success, 1 user-fixable problems, 2 usage errors, 70 internal faults.
 */
import { UsageError } from './args.js';
import { validateCommand } from './commands/validate.js';
import { triageCommand } from './commands/triage.js';
import { statusCommand } from './commands/status.js';
import { newCommand } from './commands/new.js';
import { buildCommand } from './commands/build.js';
import { packCommand } from './commands/pack.js';
import { templatesCommand } from './commands/templates.js';
import { fieldsCommand } from './commands/fields.js';
import { initCommand } from './commands/init.js';
import type { Command } from './command.js';
import { EXIT, type Io, processIo } from './io.js';
import { VERSION } from '../version.js';
import { setRedaction } from '../diagnostics/format.js';
import { printable } from './text.js';

export { limitHeapGrowth } from './heap.js';
export { exitOnSignals } from './signals.js';

const COMMANDS: Command[] = [validateCommand, triageCommand, statusCommand, buildCommand, packCommand, newCommand, initCommand, templatesCommand, fieldsCommand];

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.spec.name.length));
  return [
    `datalek ${VERSION}: personal-data breach incidents as YAML, triaged under the GDPR (AVG).`,
    '',
    'Usage: datalek <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.spec.name.padEnd(width)}  ${c.spec.summary}`),
    '',
    'Run `datalek <command> --help` for the options of one command.',
  ].join('\n');
}

export async function main(argv: string[], rawIo: Io = processIo()): Promise<number> {
  // Everything printed passes through `printable`: values from incident files reach the terminal.
  const io: Io = { ...rawIo, out: (t) => rawIo.out(printable(t)), err: (t) => rawIo.err(printable(t)) };
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(mainHelp() + '\n');
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-V') {
    io.out(`${VERSION}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.spec.name === name);
  if (!command) {
    io.err(`datalek: unknown command "${name}"\n\n${mainHelp()}\n`);
    return EXIT.usage;
  }
  const verbose = rest.includes('--verbose') || rest.includes('-v');
  // Diagnostics name files, lines and fields; they quote what an incident says only with --verbose.
  setRedaction(!verbose);
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`datalek ${name}: ${e.message}\n`);
      return EXIT.usage;
    }
    const err = e as Error & { code?: string };
    io.err(
      `datalek ${name}: internal error${err.code ? ` ${err.code}` : ''}: ${err.message}\n` +
        (verbose ? `${err.stack ?? ''}\n` : 'Run again with --verbose to see where it happened, and please report it.\n'),
    );
    return EXIT.internal;
  }
}
