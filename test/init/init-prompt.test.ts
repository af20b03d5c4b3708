/** `datalek init` on a terminal: questions for what the flags leave open, answers checked and asked again. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { cleanTemp, tempDir } from '../cli/helpers.js';
import { createInitCommand } from '../../src/cli/commands/init.js';
import { readlinePrompter, scriptedPrompter } from '../../src/init/prompt.js';
import { PassThrough } from 'node:stream';
import { slugify } from '../../src/init/questions.js';
import type { Io } from '../../src/cli/io.js';

function io(cwd: string) {
  const captured = { out: '', err: '' };
  const value: Io = { out: (t) => void (captured.out += t), err: (t) => void (captured.err += t), isTty: true, cwd };
  return { io: value, captured };
}

describe('init on a terminal', () => {
  afterAll(() => cleanTemp());

  it('asks for what is missing, with defaults in brackets, and asks again after a wrong answer', async () => {
    const dir = tempDir('datalek-init-tty-');
    const questions: string[] = [];
    const answers = [
      'Boekhouding Peeters BV', // name
      '', // org: the default, from the name
      'be', // country, tidied to BE
      'accountancy', // sector
      '12345678', // a Dutch number: refused for BE
      '0123.456.789', // enterprise number
      'Kerkstraat 5', // street
      '9000', // postcode
      'Gent', // city
      'info@peeters.example', // e-mail
      '09 555 01 00', // phone
      '', // website: none
      'An Peeters', // breach officer
      '', // their e-mail: the office's
      '', // their phone: the office's
      'Jan Peeters', // management
      '', // professional secrecy: the default for accountancy (no)
      'fr', // language (asked for BE)
      '', // extends: none
    ];
    const command = createInitCommand({ interactive: () => true, prompter: () => scriptedPrompter(answers, questions) });
    const { io: fake, captured } = io(dir);
    const code = await command.run([], fake);
    expect(captured.err).toContain('a Belgian enterprise number has ten digits');
    expect(code).toBe(0);
    expect(questions[0]).toMatch(/^Name of the office/);
    expect(questions[1]).toContain('[boekhouding-peeters]');
    expect(questions.some((q) => q.includes('Wft'))).toBe(false); // only for Dutch financial intermediaries
    expect(questions.find((q) => q.startsWith('Their e-mail'))).toContain('[info@peeters.example]');
    const org = parseYaml(readFileSync(path.join(dir, 'templates/boekhouding-peeters/organisation.yaml'), 'utf8'));
    expect(org).toMatchObject({
      id: 'boekhouding-peeters',
      country: 'BE',
      authority: 'GBA',
      chamber_of_commerce: '0123.456.789',
      language: 'fr',
      time_zone: 'Europe/Brussels',
      professional_secrecy: false,
      contacts: { breach_officer: { name: 'An Peeters', email: 'info@peeters.example' }, management: { name: 'Jan Peeters' } },
    });
    expect(org.extends).toBeUndefined();
  });

  it('stops without writing when the input ends', async () => {
    const dir = tempDir('datalek-init-tty-');
    const command = createInitCommand({ interactive: () => true, prompter: () => scriptedPrompter(['Kantoor Y']) });
    const { io: fake, captured } = io(dir);
    expect(await command.run([], fake)).toBe(1);
    expect(captured.err).toContain('nothing was written');
    expect(existsSync(path.join(dir, 'package.json'))).toBe(false);
  });

  it('derives the organisation id from the name', () => {
    expect(slugify('Van Dam Advocaten B.V.')).toBe('van-dam-advocaten');
    expect(slugify('Société Générale de Conseil SRL')).toBe('societe-generale-de-conseil');
    expect(slugify('CV Partners')).toBe('cv-partners');
  });

  it('reads answers with node:readline, keeping lines that arrive before their question', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = '';
    output.on('data', (b: Buffer) => void (shown += b.toString()));
    const p = readlinePrompter(input, output);
    input.write('eerste\ntweede\n');
    // Let readline take both lines in before the first question, however busy the machine is.
    for (let i = 0; i < 200 && input.readableLength > 0; i++) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 20));
    expect(await p.ask('Een? ')).toBe('eerste');
    expect(await p.ask('Twee? ')).toBe('tweede');
    const third = p.ask('Drie? ');
    input.end('derde\n');
    expect(await third).toBe('derde');
    expect(await p.ask('Vier? ')).toBeNull();
    p.close();
    expect(shown).toContain('Een? ');
    expect(shown).toContain('Twee? tweede\n'); // a line read ahead is shown with its question
    expect(shown).toContain('Drie? ');
  });
});
