/**
 * Strict UTF-8 decoding of file contents (pure): incident files and Markdown templates must be
 * UTF-8; what is not is reported at the first bad byte, as a line and column, with a guess at
 * what the file was saved as. Used by the loader, the build and the template lint.
 */

/**
 * Offset of the first byte that does not belong to a well-formed UTF-8 sequence, or -1.
 * (TextDecoder's fatal mode says only that the input is bad, not where.)
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let len: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) (len = 2), (min = 0x80);
    else if (b >= 0xe0 && b <= 0xef) (len = 3), (min = 0x800);
    else if (b >= 0xf0 && b <= 0xf4) (len = 4), (min = 0x10000);
    else return i;
    if (i + len > n) return i;
    let cp = b & (0xff >> (len + 1));
    for (let k = 1; k < len; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += len;
  }
  return -1;
}

/**
 * UTF-16 without a byte-order mark: ASCII text then has a NUL byte in every other position. Such
 * a file is valid UTF-8 (NUL is a character) and would be read as one line of letters and NULs.
 */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  return Math.max(even, odd) >= (n / 2) * 0.4;
}

export type Decoded = { ok: true; text: string } | { ok: false; line: number; column: number; detail: string };

/** Decode UTF-8 strictly; strip a byte-order mark; say where the first bad byte is. */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || looksLikeUtf16(bytes)) {
    return { ok: false, line: 0, column: 0, detail: ': it looks like UTF-16' };
  }
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    // ignoreBOM: true keeps a second BOM visible; the first one was taken off above.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body) };
  } catch {
    const at = Math.max(0, firstInvalidUtf8(body));
    const before = new TextDecoder('utf-8').decode(body.subarray(0, at));
    const lines = before.split('\n');
    const last = lines[lines.length - 1] ?? '';
    const byte = body[at] ?? 0;
    return {
      ok: false,
      line: lines.length,
      column: [...last].length + 1,
      detail: ` (byte 0x${byte.toString(16).padStart(2, '0').toUpperCase()}; perhaps saved as Windows-1252 or Latin-1)`,
    };
  }
}
