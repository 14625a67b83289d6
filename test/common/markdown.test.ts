import { describe, expect, it } from 'vitest';
import { markdownCell, markdownCode, markdownLink } from '../../backend/common/markdown.ts';
import { renderGfm } from '../helpers/markdown-inert.ts';

describe('markdownCode', () => {
  it('shows text with backticks exactly, as one code span', () => {
    for (const text of ['plain', 'a `b` c', '`starts', 'ends`', 'x ``` y']) {
      expect(renderGfm(markdownCode(text))).toBe(`<p><code>${text}</code></p>`);
    }
    expect(markdownCode('two\nlines\u001b')).toBe('`two lines\\u001b`');
  });
});

describe('markdownCell', () => {
  it('keeps a table row one row, whatever the text holds', () => {
    const row = `| ${markdownCell('a | b\nc')} | ${markdownCell('<td>')} |`;
    const html = renderGfm(`| x | y |\n| --- | --- |\n${row}\n`);
    expect(html.match(/<td>/g)).toHaveLength(2);
    expect(html).toContain('<td>a | b c</td>');
  });
});

describe('markdownLink', () => {
  it('links http(s) URLs, encoding what would end the link, and gives other text as text', () => {
    expect(markdownLink('run', 'https://ci.example.org/a(1)|x')).toBe(
      '[run](https://ci.example.org/a%281%29%7Cx)',
    );
    expect(markdownLink('run', 'javascript:alert(1)')).toBe('run');
  });
});
