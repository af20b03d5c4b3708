import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileHistory, gitAvailability } from '../../src/audit/index.js';
import { cleanTemps, git, GIT_ENV, tempDir } from './helpers.js';

afterAll(cleanTemps);

const ALICE = { name: 'Alice de Vries', email: 'alice@example.org', date: '2026-06-08T11:05:00+02:00' };
const BOB = { name: 'Bob Janssens', email: 'bob@example.org', date: '2026-06-10T14:30:00+02:00' };
const FILE = 'incidents/org/2026-004.yaml';

describe('git history of an incident file', () => {
  it('lists every commit, newest first, with author, e-mail, date and subject; then notices uncommitted changes', async () => {
    const root = tempDir();
    git(root, ['init', '-q']);
    mkdirSync(path.join(root, 'incidents/org'), { recursive: true });
    writeFileSync(path.join(root, FILE), 'id: "2026-004"\n');
    git(root, ['add', '.']);
    git(root, ['commit', '-q', '-m', 'Incident 2026-004 vastgelegd'], ALICE);
    appendFileSync(path.join(root, FILE), 'title: Melding gedaan\n');
    git(root, ['commit', '-q', '-am', 'Melding aan de AP gedaan'], BOB);

    const availability = await gitAvailability(root, { env: GIT_ENV });
    expect(availability).toEqual({ inGit: true });
    const history = await fileHistory(root, FILE, availability, { env: GIT_ENV });
    expect(history.state).toBe('committed');
    expect(history.note).toBeNull();
    expect(history.commits.map(({ hash, ...c }) => ({ ...c, hash: /^[0-9a-f]{40}$/.test(hash) }))).toEqual([
      { hash: true, authorName: BOB.name, authorEmail: BOB.email, authorDate: BOB.date, subject: 'Melding aan de AP gedaan' },
      { hash: true, authorName: ALICE.name, authorEmail: ALICE.email, authorDate: ALICE.date, subject: 'Incident 2026-004 vastgelegd' },
    ]);

    appendFileSync(path.join(root, FILE), 'closed: true\n');
    const modified = await fileHistory(root, FILE, availability, { env: GIT_ENV });
    expect(modified.state).toBe('modified');
    expect(modified.commits).toHaveLength(2);
    expect(modified.note).toMatch(/nog niet in git/);

    writeFileSync(path.join(root, 'incidents/org/2026-005.yaml'), 'id: "2026-005"\n');
    const untracked = await fileHistory(root, 'incidents/org/2026-005.yaml', availability, { env: GIT_ENV });
    expect(untracked).toMatchObject({ state: 'untracked', commits: [] });
  });

  it('says so outside a git work tree', async () => {
    const root = tempDir();
    const availability = await gitAvailability(root, { env: GIT_ENV });
    expect(availability).toMatchObject({ inGit: false, state: 'not-in-git' });
    const history = await fileHistory(root, FILE, availability, { env: GIT_ENV });
    expect(history).toEqual({ state: 'not-in-git', commits: [], note: expect.stringMatching(/niet in een git-repository/) });
  });

  it('reports git as unavailable when it cannot run', async () => {
    const availability = await gitAvailability(tempDir(), { env: { ...GIT_ENV, PATH: '/nonexistent' } });
    expect(availability).toMatchObject({ inGit: false, state: 'unavailable', note: expect.stringMatching(/git is niet geïnstalleerd/) });
  });
});
