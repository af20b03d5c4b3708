/**
 * Finding and starting Chromium for the PDF route (see DESIGN.md, "Chromium for PDFs").
 *
 * Order: PUPPETEER_EXECUTABLE_PATH when set (it must exist), else Debian's headless shell
 * (/usr/bin/chromium-headless-shell, `headless: 'shell'`, ~2.4x faster), else the full
 * /usr/bin/chromium (`headless: true`). We always use puppeteer-core and hand it the binary;
 * nothing is ever downloaded.
 */
import { existsSync, openSync, readSync, closeSync, rmSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { PdfError } from './errors.js';
import { commandLine, processIds } from '../../processes.js';

export type HeadlessMode = 'shell' | true;

export interface ChromiumBinary {
  executablePath: string;
  headless: HeadlessMode;
  /** Where the choice came from. */
  source: 'PUPPETEER_EXECUTABLE_PATH' | 'system';
}

export const HEADLESS_SHELL_PATH = '/usr/bin/chromium-headless-shell';
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** The system binaries tried after PUPPETEER_EXECUTABLE_PATH, in order. */
export const DEFAULT_CANDIDATES: readonly { executablePath: string; headless: HeadlessMode }[] = [
  { executablePath: HEADLESS_SHELL_PATH, headless: 'shell' },
  { executablePath: CHROMIUM_PATH, headless: true },
];

const INSTALL_HINT =
  'Install the headless shell (`apt-get install chromium-headless-shell`, or `chromium`), ' +
  'or set PUPPETEER_EXECUTABLE_PATH to a Chromium or Chrome binary.';

/** A binary named like the headless shell runs in 'shell' mode; anything else as new headless. */
function headlessModeFor(executablePath: string): HeadlessMode {
  return /headless[-_]shell/i.test(path.basename(executablePath)) ? 'shell' : true;
}

/**
 * Pick the Chromium binary to use. Throws `DL-CHROMIUM-MISSING` when PUPPETEER_EXECUTABLE_PATH
 * names a file that does not exist, or when no candidate exists.
 */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  candidates: readonly { executablePath: string; headless: HeadlessMode }[] = DEFAULT_CANDIDATES,
): ChromiumBinary {
  const fromEnv = env.PUPPETEER_EXECUTABLE_PATH?.trim();
  if (fromEnv) {
    if (!existsSync(fromEnv)) {
      throw new PdfError(
        'DL-CHROMIUM-MISSING',
        `PUPPETEER_EXECUTABLE_PATH is set to "${fromEnv}", but no file exists there, so PDFs cannot be made.`,
        { hint: `Point PUPPETEER_EXECUTABLE_PATH at an existing Chromium binary, or unset it to use the system one. ${INSTALL_HINT}` },
      );
    }
    return { executablePath: fromEnv, headless: headlessModeFor(fromEnv), source: 'PUPPETEER_EXECUTABLE_PATH' };
  }
  for (const c of candidates) {
    if (existsSync(c.executablePath)) return { ...c, source: 'system' };
  }
  const tried = candidates.map((c) => c.executablePath).join(', ');
  throw new PdfError(
    'DL-CHROMIUM-MISSING',
    `No Chromium found (tried ${tried || 'nothing'}); it is needed to make PDFs. ` +
      `Install it with \`apt-get install chromium-headless-shell\`, or set PUPPETEER_EXECUTABLE_PATH.`,
    { hint: INSTALL_HINT },
  );
}

/**
 * Debian's /usr/bin/chromium-headless-shell is a two-line `#!/bin/sh` wrapper that runs
 * /usr/lib/chromium/chromium-headless-shell as a *child* (no `exec`). Launched through it,
 * puppeteer's process is the shell: killing it leaves Chromium running, and a dead browser is
 * not noticed. So a launcher script whose only command runs one absolute path with "$@" (with or
 * without exec) is replaced by that path. Anything more elaborate (Debian's /usr/bin/chromium,
 * which sets flags and does exec) is launched as it is.
 */
export function unwrapLauncherScript(executablePath: string): string {
  let head: string;
  try {
    if (statSync(executablePath).size > 4096) return executablePath;
    const fd = openSync(executablePath, 'r');
    try {
      const buf = Buffer.alloc(4096);
      head = buf.subarray(0, readSync(fd, buf, 0, buf.length, 0)).toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch {
    return executablePath;
  }
  if (!head.startsWith('#!')) return executablePath;
  const commands = head
    .split('\n')
    .slice(1)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const m = commands.length === 1 ? /^(?:exec\s+)?(\/[^\s"'$;&|<>]+)\s+"\$@"$/.exec(commands[0]!) : null;
  const target = m?.[1];
  return target && target !== executablePath && existsSync(target) ? target : executablePath;
}

/**
 * Arguments added to puppeteer's defaults. The network is closed in three layers: request
 * interception in the renderer (renderer.ts); every host name and IP address resolves to
 * NOTFOUND (`--host-resolver-rules`); and all traffic, loopback included, is sent to a proxy
 * that cannot be reached. The last two matter: Chromium makes some requests outside the page's
 * interception (measured: `<link rel=prefetch>` reached a local server with interception alone).
 */
export function chromiumArgs(userDataDir: string, opts: { blackholeProxy?: boolean } = {}): string[] {
  const args = [
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
    '--disable-extensions',
    '--disable-default-apps',
    '--mute-audio',
    '--font-render-hinting=none',
    '--no-pings',
    '--dns-prefetch-disable',
    `--user-data-dir=${userDataDir}`,
  ];
  if (process.getuid?.() === 0) args.unshift('--no-sandbox');
  if (opts.blackholeProxy !== false) {
    args.push('--host-resolver-rules=MAP * ~NOTFOUND', '--proxy-server=http://127.0.0.1:9', '--proxy-bypass-list=<-loopback>');
  }
  return args;
}

export interface LaunchedChromium {
  browser: Browser;
  binary: ChromiumBinary;
  userDataDir: string;
  /** Close the browser (or kill it when it does not answer) and remove the profile directory. */
  close(): Promise<void>;
}

export interface LaunchChromiumOptions {
  binary?: ChromiumBinary;
  env?: NodeJS.ProcessEnv;
  /** Resolve nothing and route all traffic to a dead proxy (default true). Tests turn it off to test interception alone. */
  blackholeProxy?: boolean;
  /** Time allowed for the browser to start (default 30 s). */
  launchTimeoutMs?: number;
}

/**
 * Kills Chromium and its helpers: puppeteer starts it as the leader of its own process group.
 * Without a group (none was made, or it is gone) the process alone, if `alive` says it may still
 * run (a reaped id may belong to another process by now). Never throws.
 */
function killGroup(pid: number, alive: () => boolean = () => true): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    try {
      if (alive()) process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** How long an exiting build waits for its killed Chromium before removing the profile, ms. */
const EXIT_WAIT_MS = 150;

/** Start one Chromium with a fresh temporary profile under os.tmpdir(), removed on close. */
export async function launchChromium(opts: LaunchChromiumOptions = {}): Promise<LaunchedChromium> {
  const binary = opts.binary ?? findChromium(opts.env);
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'datalek-chromium-'));
  // When the process exits without closing the browser (a signal, process.exit), even while it
  // starts: stop Chromium and remove its profile then, synchronously (nothing asynchronous runs
  // after 'exit'). Puppeteer also kills the browser it started on exit.
  let browser: Browser | undefined;
  const onExit = (): void => {
    // While it starts, puppeteer has not handed us the process yet (and its own exit hook runs
    // after this one): find it by its profile, as Chromium would otherwise recreate the folder.
    const own = browser?.process()?.pid;
    const leaders = own !== undefined ? [own] : processIds().filter((pid) => commandLine(pid)?.includes(`--user-data-dir=${userDataDir}`));
    for (const pid of leaders) killGroup(pid);
    // The processes die a moment later, and a dying one may still write into its profile: wait
    // for them (nothing asynchronous runs after 'exit', so a blocking wait) before removing it.
    if (leaders.length > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, EXIT_WAIT_MS);
    try {
      rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
    } catch {
      // An exit hook must not throw; a profile left behind is only a few megabytes in the temp folder.
    }
  };
  process.once('exit', onExit);
  try {
    // Loaded here, not at the top: compiling puppeteer takes about 170 ms, which commands and
    // builds that print no PDF (validate, triage, a rebuild with nothing to do) need not pay.
    const { default: puppeteer } = await import('puppeteer-core');
    browser = await puppeteer.launch({
      executablePath: unwrapLauncherScript(binary.executablePath),
      headless: binary.headless,
      // CDP over a pipe: no debugging port is opened.
      pipe: true,
      args: chromiumArgs(userDataDir, { blackholeProxy: opts.blackholeProxy }),
      timeout: opts.launchTimeoutMs ?? 30_000,
      protocolTimeout: 120_000,
      defaultViewport: null,
      // Signals belong to the program, not to a library: puppeteer's own handlers close the
      // browser on SIGTERM and SIGHUP but leave the process running (and the renderer would then
      // start a new browser). The command line exits on them (src/cli/signals.ts); the exit hook
      // above then stops this browser.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (cause) {
    process.off('exit', onExit);
    await rm(userDataDir, { recursive: true, force: true }).catch(() => {});
    throw new PdfError(
      'DL-CHROMIUM-LAUNCH',
      `Chromium at ${binary.executablePath} did not start: ${(cause as Error)?.message ?? String(cause)}`,
      { cause, hint: 'Check that the binary runs (`' + binary.executablePath + ' --version`); as root it needs --no-sandbox, which is added automatically.' },
    );
  }
  const started = browser;
  let closed: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closed ??= (async () => {
      process.off('exit', onExit);
      const proc = started.process();
      if (started.connected) {
        // A hung browser must not hang the build: give it a moment, then kill it.
        await Promise.race([started.close().catch(() => {}), new Promise((r) => setTimeout(r, 5_000).unref())]);
      }
      if (proc?.pid !== undefined) killGroup(proc.pid, () => proc.exitCode === null && proc.signalCode === null);
      await rm(userDataDir, { recursive: true, force: true, maxRetries: 3, retryDelay: 50 }).catch(() => {});
    })());
  return { browser: started, binary, userDataDir, close };
}
