import type { CommandSpec } from './args.js';
import type { Io } from './io.js';

export interface Command {
  spec: CommandSpec;
  run(argv: string[], io: Io): Promise<number>;
}
