/** The PDF route's back end: HTML in, PDF bytes out (see renderer.ts). */
export { PdfError, isPdfError, type PdfErrorCode } from './errors.js';
export {
  findChromium,
  launchChromium,
  chromiumArgs,
  unwrapLauncherScript,
  DEFAULT_CANDIDATES,
  type ChromiumBinary,
  type HeadlessMode,
  type LaunchedChromium,
} from './chromium.js';
export {
  PdfRenderer,
  pageCss,
  withPageCss,
  cssString,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_CONCURRENCY,
  MAX_DOCUMENTS_PER_PAGE,
  PAGE_MARGINS,
  type PdfRendererOptions,
  type PdfRenderOptions,
  type PdfRendererStats,
} from './renderer.js';
export { normalisePdf, pdfInstant, type NormaliseResult } from './normalise.js';
export { fontFaceCss, footerFontFaceCss, FONT_FAMILY, FONT_STACK } from './fonts.js';
export { BASE_CSS, pdfCss } from './base-css.js';
export { htmlDocument, escapeHtml, CONTENT_SECURITY_POLICY, type HtmlDocumentInput } from './html-page.js';
