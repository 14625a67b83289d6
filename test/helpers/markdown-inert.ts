import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { expect } from 'vitest';

/** Names a pull request could choose to make Markdown act: emphasis, code, links, images, mentions, ... */
export const HOSTILE_NAMES = [
  '*bold* and **strong**',
  '`code` and ``more``',
  '[x](https://evil.example/login)',
  '![](https://evil.example/pixel.png)',
  '@someone and @org/team',
  '<!-- hidden --> and <b>html</b>',
  'fixes #123 and org/repo#2',
  'www.evil.example/login and https://evil.example/',
  'a | b _under_ ~~strike~~ $x$ \\ end',
];

const PLACEHOLDER = 'Placeholder';

/** GitHub-flavoured Markdown as HTML, raw HTML kept as GitHub keeps what its sanitizer allows. */
export function renderGfm(markdown: string): string {
  return micromark(markdown, {
    allowDangerousHtml: true,
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()],
  });
}

const html = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Asserts that each hostile name, put where `markdownWith` puts a name, renders as its own text and nothing
 * else: the HTML is the one a plain name gives, with the name's text in its place, and no mention, issue
 * reference or bare link GitHub would add after rendering.
 */
export async function expectInert(markdownWith: (name: string) => string | Promise<string>): Promise<void> {
  const plain = renderGfm(await markdownWith(PLACEHOLDER)).replaceAll('\u200b', '');
  for (const name of HOSTILE_NAMES) {
    const rendered = renderGfm(await markdownWith(name));
    expect(rendered, name).not.toMatch(/@someone|@org|#123|#2\b|www\.evil|:\/\/evil/);
    expect(rendered.replaceAll('\u200b', '').replaceAll(html(name), PLACEHOLDER), name).toBe(plain);
  }
}
