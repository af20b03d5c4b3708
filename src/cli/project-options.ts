/** Shared handling of --root, --now and positional paths for commands that read a project. */
import path from 'node:path';
import { nowFrom, type Parsed } from './args.js';
import type { Io } from './io.js';
import { loadProject, type Project } from '../project/load.js';

export interface ProjectArgs {
  root: string;
  paths: string[] | undefined;
  now: Date;
}

export function projectArgs(parsed: Parsed, io: Io): ProjectArgs {
  const root = path.resolve(io.cwd, typeof parsed.values['root'] === 'string' ? parsed.values['root'] : '.');
  const paths = parsed.positionals.length > 0 ? parsed.positionals.map((p) => path.resolve(io.cwd, p)) : undefined;
  return { root, paths, now: nowFrom(parsed.values) };
}

export function openProject(args: ProjectArgs): Promise<Project> {
  return loadProject({ root: args.root, now: args.now, ...(args.paths ? { paths: args.paths } : {}) });
}
