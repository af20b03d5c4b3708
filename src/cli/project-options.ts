/** Shared handling of --root, --now and positional paths for commands that read a project. */
import { statSync } from 'node:fs';
import path from 'node:path';
import { nowFrom, UsageError, type Parsed } from './args.js';
import type { Io } from './io.js';
import { loadProject, type Project } from '../project/load.js';
import { collectIfGrown } from './heap.js';

export interface ProjectArgs {
  root: string;
  paths: string[] | undefined;
  now: Date;
}

export function projectArgs(parsed: Parsed, io: Io): ProjectArgs {
  const root = path.resolve(io.cwd, typeof parsed.values['root'] === 'string' ? parsed.values['root'] : '.');
  // A mistyped --root must not read as "all valid: 0 incidents" (exit 0), nor as an internal fault.
  let isFolder = false;
  try {
    isFolder = statSync(root).isDirectory();
  } catch {
    /* missing or unreadable: reported below */
  }
  if (!isFolder) throw new UsageError(`--root must be the project folder (the one holding incidents/ and templates/), but there is no folder at ${root}`);
  const paths = parsed.positionals.length > 0 ? parsed.positionals.map((p) => path.resolve(io.cwd, p)) : undefined;
  return { root, paths, now: nowFrom(parsed.values) };
}

export function openProject(args: ProjectArgs): Promise<Project> {
  return loadProject({ root: args.root, now: args.now, checkpoint: collectIfGrown, ...(args.paths ? { paths: args.paths } : {}) });
}
