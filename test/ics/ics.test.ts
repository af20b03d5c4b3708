/**
 * `datalek status --ics`: the open duties as iCalendar (RFC 5545), read back with a small parser:
 * CRLF line ends, folding at 75 octets (never inside a UTF-8 character), TEXT escaping, the
 * deadline as a UTC instant, alarms 24 h and 1 h before, stable UIDs, DTSTAMP from --now.
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemp, NOW, run, tempDir, tempProject } from '../cli/helpers.js';
import { escapeText, foldLine, utcDateTime } from '../../src/ics/text.js';

interface Component {
  name: string;
  props: { name: string; params: string; value: string }[];
  children: Component[];
}

const utf8 = new TextEncoder();
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

/** Physical lines: every one ends in CRLF, none is longer than 75 octets, none splits a character. */
function physicalLines(text: string): string[] {
  expect(text.endsWith('\r\n')).toBe(true);
  const lines = text.slice(0, -2).split('\r\n');
  for (const l of lines) {
    expect(l, 'no bare CR or LF').not.toMatch(/[\r\n]/);
    const bytes = utf8.encode(l);
    expect(bytes.length, l).toBeLessThanOrEqual(75);
    expect(() => strictDecoder.decode(bytes)).not.toThrow();
  }
  return lines;
}

function unescapeText(v: string): string {
  return v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

function parseIcs(text: string): Component {
  const logical: string[] = [];
  for (const l of physicalLines(text)) {
    if (l.startsWith(' ') || l.startsWith('\t')) logical[logical.length - 1] += l.slice(1);
    else logical.push(l);
  }
  const root: Component = { name: '', props: [], children: [] };
  const stack = [root];
  for (const l of logical) {
    const colon = l.indexOf(':');
    const head = l.slice(0, colon);
    const value = l.slice(colon + 1);
    const [name, ...params] = head.split(';');
    if (name === 'BEGIN') {
      const c: Component = { name: value, props: [], children: [] };
      stack[stack.length - 1]!.children.push(c);
      stack.push(c);
    } else if (name === 'END') {
      expect(stack.pop()!.name).toBe(value);
    } else {
      stack[stack.length - 1]!.props.push({ name: name!, params: params.join(';'), value });
    }
  }
  expect(stack.length).toBe(1);
  expect(root.children.length).toBe(1);
  return root.children[0]!;
}

const prop = (c: Component, name: string) => c.props.find((p) => p.name === name);
const val = (c: Component, name: string) => prop(c, name)?.value;

const ORG = 'van-dam-advocaten';
const INCIDENT = `incidents/${ORG}/2026-007.yaml`;
const TITLE = 'Aanmaningen, verkeerd; geadresseerd \\ map "Incasso" — één brief ü 😀 met een heel lange titel die zeker gevouwen moet worden';

function project(): string {
  const root = tempProject([ORG], [INCIDENT]);
  const file = path.join(root, INCIDENT);
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, `title: ${JSON.stringify(TITLE)}`));
  return root;
}

describe('iCalendar text', () => {
  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(escapeText('a,b;c\\d\ne\r\nf')).toBe('a\\,b\\;c\\\\d\\ne\\nf');
    expect(escapeText('tab\tstays, bell\u0007 goes')).toBe('tab\tstays\\, bell goes');
  });

  it('folds at 75 octets without splitting a UTF-8 character', () => {
    const line = `SUMMARY:${'é'.repeat(50)}${'😀'.repeat(20)}`;
    const folded = foldLine(line);
    const text = `${folded}\r\n`;
    const lines = physicalLines(text);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(lines.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(line);
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
  });

  it('writes instants in UTC', () => {
    expect(utcDateTime('2026-11-23T15:30:00+01:00')).toBe('20261123T143000Z');
    expect(utcDateTime('2026-03-30T11:00:00+02:00')).toBe('20260330T090000Z');
  });
});

describe('datalek status --ics', () => {
  afterAll(() => cleanTemp());

  it('writes the deadline as a UTC event with two alarms and the other duties as tasks', async () => {
    const root = project();
    const target = path.join(root, 'agenda', 'deadlines.ics');
    const r = await run(['status', '--root', root, '--now', NOW, '--ics', target], root);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Wrote agenda\/deadlines\.ics: 1 deadline \(alarms 24 h and 1 h before\) and \d+ open steps as tasks\.$/m);
    // atomically: nothing but the calendar in its folder
    expect(readdirSync(path.join(root, 'agenda'))).toEqual(['deadlines.ics']);

    const text = readFileSync(target, 'utf8');
    const cal = parseIcs(text);
    expect(cal.name).toBe('VCALENDAR');
    expect(val(cal, 'VERSION')).toBe('2.0');
    expect(val(cal, 'PRODID')).toMatch(/^-\/\/datalek\/\/datalek \S+\/\/EN$/);

    const events = cal.children.filter((c) => c.name === 'VEVENT');
    const todos = cal.children.filter((c) => c.name === 'VTODO');
    const duties = JSON.parse((await run(['status', '--root', root, '--now', NOW, '--json'], root)).out) as { deadline: string | null }[];
    expect(events.length).toBe(duties.filter((d) => d.deadline !== null).length);
    expect(todos.length).toBe(duties.filter((d) => d.deadline === null).length);
    expect(todos.length).toBeGreaterThan(0);

    const [deadline] = events;
    // aware 2026-11-20 15:30 +01:00, deadline 72 h later: 2026-11-23 15:30 CET = 14:30 UTC
    expect(val(deadline!, 'DTSTART')).toBe('20261123T143000Z');
    expect(prop(deadline!, 'DTSTART')!.params).toBe('');
    expect(val(deadline!, 'DTSTAMP')).toBe('20261122T110000Z'); // --now
    expect(val(deadline!, 'UID')).toBe(`notify_authority.2026-007.${ORG}@datalek`);
    expect(unescapeText(val(deadline!, 'SUMMARY')!)).toBe(`Deadline: notify the AP (Sanne Verbeek) – 2026-007 ${TITLE}`);
    expect(val(deadline!, 'SUMMARY')).toContain('Aanmaningen\\, verkeerd\\; geadresseerd \\\\ map');
    const description = unescapeText(val(deadline!, 'DESCRIPTION')!);
    expect(description.split('\n')).toContain(`Incident file: ${INCIDENT}`);
    expect(description).toContain('Deadline: 2026-11-23 15:30 CET, 72 hours after the office became aware (2026-11-20 15:30 CET)');
    const alarms = deadline!.children.filter((c) => c.name === 'VALARM');
    expect(alarms.map((a) => [val(a, 'ACTION'), prop(a, 'TRIGGER')!.params, val(a, 'TRIGGER')])).toEqual([
      ['DISPLAY', 'RELATED=START', '-PT24H'],
      ['DISPLAY', 'RELATED=START', '-PT1H'],
    ]);
    for (const a of alarms) expect(val(a, 'DESCRIPTION')).toBeTruthy();

    for (const t of todos) {
      expect(prop(t, 'DTSTART')).toEqual({ name: 'DTSTART', params: 'VALUE=DATE', value: '20261120' });
      expect(val(t, 'STATUS')).toBe('NEEDS-ACTION');
      expect(val(t, 'DUE')).toBeUndefined();
    }
    const uids = cal.children.map((c) => val(c, 'UID'));
    expect(new Set(uids).size).toBe(uids.length);
    expect(uids).toContain(`checklist-improve.2026-007.${ORG}@datalek`);

    // Same inputs, same bytes.
    await run(['status', '--root', root, '--now', NOW, '--ics', target], root);
    expect(readFileSync(target, 'utf8')).toBe(text);
  });

  it('keeps the UIDs when exported again later, and marks a passed deadline', async () => {
    const root = project();
    const file = path.join(root, 'deadlines.ics');
    await run(['status', '--root', root, '--now', NOW, '--ics', file], root);
    const a = readFileSync(file, 'utf8');
    const later = await run(['status', '--root', root, '--now', '2026-11-25T12:00:00+01:00', '--ics', file, '--json'], root);
    expect(later.code).toBe(0);
    expect(JSON.parse(later.out)).toBeInstanceOf(Array); // with --json, stdout holds the JSON only
    expect(later.err).toContain('Wrote deadlines.ics');
    const b = readFileSync(file, 'utf8');
    const first = parseIcs(a);
    const second = parseIcs(b);
    expect(second.children.map((c) => val(c, 'UID'))).toEqual(first.children.map((c) => val(c, 'UID')));
    const event = second.children.find((c) => c.name === 'VEVENT')!;
    expect(val(event, 'DTSTAMP')).toBe('20261125T110000Z');
    expect(val(event, 'DTSTART')).toBe('20261123T143000Z');
    expect(unescapeText(val(event, 'SUMMARY')!)).toMatch(/^OVERDUE: notify the AP and give the reasons for the delay/);
  });

  it('fails cleanly when the file cannot be written', async () => {
    const root = project();
    mkdirSync(path.join(root, 'taken.ics'));
    const r = await run(['status', '--root', root, '--now', NOW, '--ics', path.join(root, 'taken.ics')], root);
    expect(r.code).toBe(1);
    expect(r.err).toContain('cannot write the calendar to');
    const dash = await run(['status', '--root', root, '--now', NOW, '--ics', '-'], root);
    expect(dash.code).toBe(2);
    expect(dash.err).toContain('--ics needs a file name');
  });
});
