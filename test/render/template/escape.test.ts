import fc from 'fast-check';
import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../../src/render/template/escape.js';

const marked = new Marked({ gfm: true });
const toHtml = (md: string): string => marked.parse(md, { async: false });

/** The text a browser would show for marked's HTML: tags out, entities decoded. */
function textOf(html: string): string {
  return html
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
      return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' } as Record<string, string>)[e] ?? m;
    });
}

const tagsOf = (html: string): string[] => [...html.matchAll(/<\/?([a-zA-Z][\w-]*)[^>]*>/g)].map((m) => m[0]);

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const squash = (s: string): string => s.replace(CONTROL, '').replace(/\s+/g, '');

/** What marked may produce around an escaped value: the paragraph and line breaks, nothing else. */
const ALLOWED_TAGS = new Set(['<p>', '</p>', '<br>']);

interface Context {
  before: string;
  after: string;
  /** The text the template itself contributes, as shown. */
  shown: string;
  /** Tags the template itself produces. */
  tags?: string[];
}

/** The value alone, or between `before` and `after` in a template. */
function expectLiteral(s: string, ctx: Context = { before: '', after: '', shown: '' }): void {
  const html = toHtml(ctx.before + escapeMarkdown(s) + ctx.after);
  expect(squash(textOf(html))).toBe(squash(ctx.shown) === '' ? squash(s) : squashAround(ctx.shown, s));
  const allowed = new Set([...ALLOWED_TAGS, ...(ctx.tags ?? [])]);
  for (const tag of tagsOf(html)) expect(allowed.has(tag), `unexpected ${tag} in ${html}`).toBe(true);
}

/** `shown` holds "%" where the value goes. */
const squashAround = (shown: string, s: string): string => squash(shown.replace('%', () => s));

describe('escapeMarkdown', () => {
  it.each([
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '{#x}',
    '{x}',
    '**bold**',
    '__bold__',
    '*em* _em_',
    '[a](http://x)',
    '![img](http://x/i.png)',
    '<http://x.nl>',
    'http://x.nl',
    'www.example.com',
    'jan@example.nl',
    '# kop',
    '## kop',
    '> citaat',
    '- item',
    '+ item',
    '* item',
    '1. item',
    '12) item',
    '---',
    '===',
    '***',
    '```js\ncode\n```',
    '~~~\ncode\n~~~',
    '`code`',
    '~~weg~~',
    '| a | b |\n|---|---|\n| 1 | 2 |',
    '    vier spaties',
    '\tt',
    'regel 1\nregel 2',
    'alinea 1\n\nalinea 2',
    'a\\',
    '\\*niet vet\\*',
    '&amp; &lt; &#x41; &copy;',
    'A & B <c> "d" \'e\'',
    '[^1]: voetnoot',
    '[ref]: http://x',
    '<!-- commentaar -->',
    '<div>\nblok\n</div>',
    'Tekst  \nmet harde breuk',
    'Dé Ĳssel — € 1.250,00',
  ])('%j shows literally after marked', (s) => {
    expectLiteral(s);
  });

  it('keeps line breaks as hard breaks, never as a new paragraph', () => {
    expect(toHtml(escapeMarkdown('regel 1\nregel 2'))).toBe('<p>regel 1<br>regel 2</p>\n');
    expect(toHtml(escapeMarkdown('a\n\nb'))).toBe('<p>a<br><br>b</p>\n');
    expect(toHtml(escapeMarkdown('a\r\nb\rc'))).toBe('<p>a<br>b<br>c</p>\n');
    expect(escapeMarkdown('\n\n  a  \n\n')).toBe('a');
  });

  it('neutralises block markers at the start of every line', () => {
    expect(escapeMarkdown('# kop')).toBe('\\# kop');
    expect(escapeMarkdown('> x')).toBe('&gt; x');
    expect(escapeMarkdown('- x\n1. y')).toBe('\\- x\\\n1\\. y');
  });

  it('drops control characters', () => {
    expect(escapeMarkdown('a\u0000b\u0007c\u007f')).toBe('abc');
  });

  it('property: any string shows literally (modulo whitespace) and adds no tags', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => {
        expectLiteral(s);
      }),
      { numRuns: 1500 },
    );
  });

  it('property: Markdown-heavy strings too', () => {
    const md = fc.constantFrom(
      '*', '_', '`', '#', '>', '-', '+', '=', '|', '~', '[', ']', '(', ')', '!', '<', '>', '&', ';', ':', '/', '.',
      '\\', '"', "'", '{', '}', '1', '1.', ' ', '  ', '    ', '\t', '\n', '\n\n', 'a', 'www.', 'http://', '@', 'x.nl',
      '<b>', '</p>', '&amp;', '&#60;', 'script',
    );
    fc.assert(
      fc.property(fc.array(md, { maxLength: 40 }).map((a) => a.join('')), (s) => {
        expectLiteral(s);
      }),
      { numRuns: 3000 },
    );
  });

  it('property: also inside a sentence, a list item and a table cell of a template (one line)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 60 }).map((x) => x.replace(/[\r\n]/g, ' ')), (s) => {
        expectLiteral(s, { before: 'Beste ', after: ', welkom.', shown: 'Beste %, welkom.' });
        expectLiteral(s, {
          before: 'Gegevens:\n\n- ',
          after: '\n- tweede\n',
          shown: 'Gegevens: % tweede',
          tags: ['<ul>', '</ul>', '<li>', '</li>'],
        });
        expectLiteral(s, {
          before: '| Veld | Waarde |\n|---|---|\n| naam | ',
          after: ' |\n',
          shown: 'Veld Waarde naam %',
          tags: ['<table>', '</table>', '<thead>', '</thead>', '<tbody>', '</tbody>', '<tr>', '</tr>', '<th>', '</th>', '<td>', '</td>'],
        });
      }),
      { numRuns: 800 },
    );
  });
});
