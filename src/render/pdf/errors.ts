/**
 * Typed errors of the PDF back end. Each carries a stable `code` (for the diagnostics catalogue
 * and the CLI's exit code), a message that says what happened and why, a `hint` saying what to
 * do, and the underlying `cause` where there is one. Nothing here prints.
 */
export type PdfErrorCode =
  /** No Chromium binary found (or PUPPETEER_EXECUTABLE_PATH points at nothing). */
  | 'DL-CHROMIUM-MISSING'
  /** A Chromium binary exists but would not start. */
  | 'DL-CHROMIUM-LAUNCH'
  /** One document took longer than its timeout. */
  | 'DL-PDF-TIMEOUT'
  /** Chromium crashed or disconnected, and the one relaunch-and-retry failed too. */
  | 'DL-PDF-BROWSER-CRASHED'
  /** Any other failure while printing a document. */
  | 'DL-PDF-RENDER'
  /** render() called after close(). */
  | 'DL-PDF-CLOSED'
  /** SOURCE_DATE_EPOCH is set but is not a whole number of seconds. */
  | 'DL-SOURCE-DATE-EPOCH';

export class PdfError extends Error {
  override readonly name = 'PdfError';
  readonly code: PdfErrorCode;
  readonly hint: string | undefined;

  constructor(code: PdfErrorCode, message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.hint = options.hint;
  }
}

export function isPdfError(e: unknown, code?: PdfErrorCode): e is PdfError {
  return e instanceof PdfError && (code === undefined || e.code === code);
}
