import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '../../src/render/markdown.js';

describe('markdownToHtml', () => {
  it('renders headings, tables and lists', () => {
    const html = markdownToHtml('# Kop\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- x\n- y\n');
    expect(html).toContain('<h1>Kop</h1>');
    expect(html).toContain('<table>');
    expect(html).toContain('<thead>');
    expect(html).toContain('<li>x</li>');
  });

  it('shows raw HTML written in a template as text', () => {
    const html = markdownToHtml('Tekst <script>alert(1)</script> en <img src="http://127.0.0.1/x.png">\n\n<div onclick="x()">blok</div>\n');
    expect(html).not.toMatch(/<script|<img|<div/);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('&lt;div onclick=');
  });

  it('drops images that would have to be fetched, keeps embedded ones', () => {
    expect(markdownToHtml('![logo](http://127.0.0.1/logo.png)')).not.toContain('<img');
    expect(markdownToHtml('![logo](file:///etc/passwd)')).not.toContain('<img');
    expect(markdownToHtml('![logo](data:image/png;base64,iVBORw0KGgo=)')).toContain('<img src="data:image/png;base64,iVBORw0KGgo="');
  });

  it('keeps web and mail links, turns other schemes into text', () => {
    expect(markdownToHtml('[site](https://kantoor.example)')).toContain('<a href="https://kantoor.example">site</a>');
    expect(markdownToHtml('[x](javascript:alert(1))')).not.toContain('<a');
  });
});
