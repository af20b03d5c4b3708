/** Templates: one tag syntax, one expression parser, one set of filters for .docx and Markdown. */
export { renderText, prepareTextTemplate, type TextRenderContext } from './text.js';
export { escapeMarkdown } from './escape.js';
export { listTags, type TemplateTag, type TemplateTags, type TagKind } from './tags.js';
export { createParser, analyzeExpression, type ExpressionInfo } from './expressions.js';
export { createFilters, FILTER_NAMES, DEFAULT_ZONE, type Filter, type FilterSet, type FilterName } from './filters.js';
export {
  TemplateError,
  isTemplateError,
  toDiagnostics,
  type TemplateErrorCode,
  type TemplateProblem,
} from './errors.js';
