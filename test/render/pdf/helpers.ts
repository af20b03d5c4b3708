/** Helpers for the PDF tests: poppler tools on bytes, and whether Chromium is here at all. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findChromium, type ChromiumBinary } from '../../../src/render/pdf/chromium.js';

export const FIXTURES = path.join(import.meta.dirname, '../../fixtures/render-pdf');
export const fixture = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');

/** The Chromium the tests will use, or undefined (with the reason) when there is none. */
export function chromiumForTests(): { binary?: ChromiumBinary; reason?: string } {
  try {
    return { binary: findChromium() };
  } catch (e) {
    const reason = `Chromium tests skipped: ${(e as Error).message}`;
    console.warn(reason);
    return { reason };
  }
}

function withPdfFile<T>(bytes: Uint8Array, fn: (file: string) => T): T {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'datalek-pdf-test-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    writeFileSync(file, bytes);
    return fn(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function pdftotext(bytes: Uint8Array, layout = true): string {
  return withPdfFile(bytes, (f) => execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', f, '-'], { encoding: 'utf8' }));
}

/** pdfinfo's fields; throws when poppler complains on stderr (a broken xref, say). */
export function pdfinfo(bytes: Uint8Array, isoDates = false): Record<string, string> {
  return withPdfFile(bytes, (f) => {
    const r = execFileSync('pdfinfo', [...(isoDates ? ['-isodates'] : []), f], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const fields: Record<string, string> = {};
    for (const line of r.split('\n')) {
      const m = /^([^:]+):\s*(.*)$/.exec(line);
      if (m) fields[m[1]!] = m[2]!;
    }
    return fields;
  });
}

/** What poppler writes on stderr while reading the whole file (syntax errors after a bad byte edit). */
export function popplerComplaints(bytes: Uint8Array): string {
  return withPdfFile(bytes, (f) => {
    const r = spawnSync('pdftotext', [f, '/dev/null'], { encoding: 'utf8' });
    return `${r.status === 0 ? '' : `exit ${r.status} `}${r.stderr}`.trim();
  });
}

export const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));
