/**
 * A build interrupted from outside (Ctrl-C, `kill`, a closed terminal) exits at once with the
 * shell's code for the signal, stops its Chromium and removes the browser's profile; the next
 * build then runs normally. Puppeteer's own handlers used to close the browser on SIGTERM and
 * SIGHUP but keep the build running, which then started a new browser.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, NOW, REPO, cleanTemp, ensureBuilt, spawnCli, tempDir } from './helpers.js';
import { processesMentioning } from '../processes.js';

beforeAll(() => ensureBuilt());
afterAll(() => cleanTemp());

const profiles = (tmp: string): string[] => readdirSync(tmp).filter((n) => n.startsWith('datalek-chromium-'));

async function interruptedBuild(signal: NodeJS.Signals, out: string, tmp: string): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }> {
  const child = spawn(process.execPath, [BIN, 'build', '--out', out, '--now', NOW], { cwd: REPO, env: { ...process.env, NO_COLOR: '1', TMPDIR: tmp }, stdio: 'ignore' });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, sig) => resolve({ code, signal: sig })));
  // Wait until Chromium runs (its profile folder exists), then interrupt.
  const deadline = Date.now() + 60_000;
  while (profiles(tmp).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  expect(profiles(tmp)).toHaveLength(1);
  const t0 = Date.now();
  child.kill(signal);
  const result = await exited;
  return { ...result, ms: Date.now() - t0 };
}

describe('a build interrupted by a signal', () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
    ['SIGINT', 130],
  ] as const)('%s: exits with %d, stops Chromium and removes its profile', async (signal, code) => {
    const out = tempDir('datalek-signal-out-');
    const tmp = tempDir('datalek-signal-tmp-');
    const r = await interruptedBuild(signal, out, tmp);
    expect(r.code).toBe(code);
    expect(r.ms).toBeLessThan(10_000);
    expect(profiles(tmp)).toEqual([]);
    // Chromium's processes die with their group; give the kernel a moment to reap them.
    for (let i = 0; i < 50 && processesMentioning(tmp).length > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(processesMentioning(tmp)).toEqual([]);
  }, 90_000);

  it('leaves nothing that stops the next build', async () => {
    const out = tempDir('datalek-signal-out-');
    const tmp = tempDir('datalek-signal-tmp-');
    await interruptedBuild('SIGTERM', out, tmp);
    const again = await spawnCli(['build', '--out', out, '--now', NOW]);
    expect(again.err).not.toMatch(/DL-BUILD-LOCKED|another datalek build/);
    expect(again.code).toBe(0);
    expect(existsSync(path.join(out, 'van-dam-advocaten', 'register.pdf'))).toBe(true);
    expect(readdirSync(out, { recursive: true }).filter((n) => String(n).endsWith('.datalek-tmp'))).toEqual([]);
  }, 180_000);
});
