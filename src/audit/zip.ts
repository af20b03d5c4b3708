/**
 * Reading and writing audit-pack zips with pizzip (pure: bytes in, bytes out).
 *
 * Writing is deterministic: entries in sorted order (plain code-unit order), no folder entries,
 * DEFLATE at a fixed level, DOS attributes, no comment, and one fixed date on every entry. pizzip
 * writes an entry's date from the local-time fields of a JavaScript Date, which would make the
 * bytes depend on the machine's time zone (and cannot express a wall-clock time that a
 * daylight-saving change skips), so the date and time fields are written afterwards, straight
 * into the local and central headers, from the UTC fields of the chosen instant.
 *
 * Reading never throws for a damaged entry: each entry comes back with its bytes or the reason it
 * could not be read, so a verification can name every damaged file.
 */
import { crc32 } from 'node:zlib';
import PizZip from 'pizzip';
import { compareText } from '../compare-text.js';

/** DEFLATE level used for every entry; fixed, because it is part of what makes the bytes. */
export const COMPRESSION_LEVEL = 9;

export function writeZip(entries: ReadonlyMap<string, Uint8Array>, date: Date): Buffer {
  const zip = new PizZip();
  // A placeholder date in local time; the real one is written below.
  const placeholder = new Date(2000, 0, 1, 12, 0, 0);
  for (const name of [...entries.keys()].sort(compareText)) {
    zip.file(name, entries.get(name)!, { binary: true, date: placeholder, createFolders: false, compression: 'DEFLATE', compressionOptions: { level: COMPRESSION_LEVEL } });
  }
  const bytes = zip.generate({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: COMPRESSION_LEVEL }, platform: 'DOS' });
  setEntryDates(bytes, date);
  return bytes;
}

/** The DOS date and time fields for an instant, from its UTC fields (2-second resolution, 1980-2107). */
export function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2107);
  const clamped = year !== date.getUTCFullYear();
  const time = clamped ? 0 : (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);
  const day = clamped ? 1 : date.getUTCDate();
  const month = clamped ? 1 : date.getUTCMonth() + 1;
  return { time, date: ((year - 1980) << 9) | (month << 5) | day };
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Position of the end-of-central-directory record, or -1. */
function findEnd(buf: Buffer): number {
  for (let p = buf.length - 22; p >= 0 && p >= buf.length - 22 - 0xffff; p--) {
    if (buf.readUInt32LE(p) === EOCD) return p;
  }
  return -1;
}

/** Writes one date into every local and central header of a zip made by writeZip. */
function setEntryDates(buf: Buffer, when: Date): void {
  const { time, date } = dosDateTime(when);
  const end = findEnd(buf);
  if (end < 0) throw new Error('zip without an end-of-central-directory record');
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== CENTRAL) throw new Error(`unexpected bytes in the central directory at ${p}`);
    buf.writeUInt16LE(time, p + 12);
    buf.writeUInt16LE(date, p + 14);
    const local = buf.readUInt32LE(p + 42);
    if (buf.readUInt32LE(local) !== LOCAL) throw new Error(`unexpected bytes at local header ${local}`);
    buf.writeUInt16LE(time, local + 10);
    buf.writeUInt16LE(date, local + 12);
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
}

export interface ReadEntry {
  bytes?: Uint8Array;
  /** Why the entry could not be read (bad compressed data, CRC-32 mismatch). */
  error?: string;
}

export type ReadZipResult =
  | { ok: true; entries: Map<string, ReadEntry>; /** Names that occur more than once in the central directory. */ duplicates: string[] }
  | { ok: false; reason: string };

export function readZip(bytes: Uint8Array): ReadZipResult {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 22 || findEnd(buf) < 0) return { ok: false, reason: 'it is not a zip file (no end-of-central-directory record)' };
  let zip: PizZip;
  try {
    zip = new PizZip(buf, { checkCRC32: false });
  } catch (e) {
    return { ok: false, reason: `it is not a readable zip file: ${message(e)}` };
  }
  const entries = new Map<string, ReadEntry>();
  for (const name of Object.keys(zip.files).sort(compareText)) {
    const file = zip.files[name]!;
    if (file.dir) continue;
    try {
      const content = file.asUint8Array();
      const stored = (file as unknown as { _data?: { crc32?: number } })._data?.crc32;
      if (typeof stored === 'number' && stored >>> 0 !== crc32(content) >>> 0) {
        entries.set(name, { error: 'its CRC-32 does not match its content (the zip is damaged at this entry)' });
      } else {
        entries.set(name, { bytes: content });
      }
    } catch (e) {
      const why = message(e);
      entries.set(name, {
        error: /size mismatch/i.test(why)
          ? 'its decompressed size differs from the size the zip records (the zip is damaged at this entry)'
          : `its content cannot be decompressed (${why})`,
      });
    }
  }
  const declared = buf.readUInt16LE(findEnd(buf) + 10);
  const duplicates = declared > Object.keys(zip.files).length ? duplicateNames(buf) : [];
  return { ok: true, entries, duplicates };
}

/** Names that occur more than once in the central directory (pizzip keeps only the last). */
function duplicateNames(buf: Buffer): string[] {
  const end = findEnd(buf);
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (let i = 0; i < count && p + 46 <= buf.length && buf.readUInt32LE(p) === CENTRAL; i++) {
    const n = buf.readUInt16LE(p + 28);
    const name = buf.subarray(p + 46, p + 46 + n).toString('utf8');
    if (seen.has(name)) dup.add(name);
    seen.add(name);
    p += 46 + n + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return [...dup].sort(compareText);
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
