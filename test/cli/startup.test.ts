/**
 * Puppeteer is loaded only when a PDF is to be printed: compiling it takes about 170 ms, which
 * validate, triage, status and a rebuild with nothing to do would pay on every run. A loader hook
 * (test/fixtures/startup/refuse-puppeteer.mjs) makes any import of it fail.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOW, REPO, cleanTemp, ensureBuilt, spawnCli, tempDir, type RunResult } from './helpers.js';
import { spawnDatalek } from '../fixtures/build/support.js';

beforeAll(() => ensureBuilt());
afterAll(() => cleanTemp());

const HOOK = path.join(REPO, 'test/fixtures/startup/refuse-puppeteer.mjs');

const withoutPuppeteer = (args: string[]): Promise<RunResult> => spawnDatalek(args, { nodeArgs: ['--import', HOOK] });

describe('puppeteer is loaded only to print', () => {
  it.each([
    ['validate', ['validate']],
    ['triage --json', ['triage', '--json', '--now', NOW]],
    ['status', ['status', '--now', NOW]],
  ])('%s runs without it', async (_name, args) => {
    const r = await withoutPuppeteer(args);
    expect(r.err).not.toContain('puppeteer was imported');
    expect(r.code).toBe(0);
  });

  it('a rebuild with nothing to print runs without it; a build that prints cannot (the hook works)', async () => {
    const out = tempDir('datalek-startup-out-');
    const first = await spawnCli(['build', '--out', out, '--now', NOW]);
    expect(first.code).toBe(0);
    const again = await withoutPuppeteer(['build', '--out', out, '--now', NOW]);
    expect(again.err).not.toContain('puppeteer was imported');
    expect(again.code).toBe(0);
    const fresh = await withoutPuppeteer(['build', '--out', tempDir('datalek-startup-out-'), '--now', NOW]);
    expect(fresh.code).not.toBe(0);
    expect(fresh.err).toContain('puppeteer was imported');
  });
});
