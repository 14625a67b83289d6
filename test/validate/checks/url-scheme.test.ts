import { describe, expect, it } from 'vitest';
import { ParsedOrigins, urlProblem } from '../../../backend/common/url-problem.ts';

// urlProblem parses each "scheme://authority" once per run. It must judge every link exactly as parsing the
// whole link would.
function reference(text: string): string | undefined {
  if (text.trim() === '') return 'is empty';
  let url: URL;
  try {
    url = new URL(text);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return `${JSON.stringify(text)} is not an absolute URL`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return `${JSON.stringify(text)} uses "${url.protocol}", not http or https`;
  if (text !== text.trim()) return `${JSON.stringify(text)} has surrounding spaces`;
  return undefined;
}

const SCHEMES = [
  'https://',
  'http://',
  'HTTPS://',
  'ftp://',
  'foo://',
  'https:',
  'https:///',
  'javascript:',
  'data:',
  ' https://',
  '',
];
const AUTHORITIES = [
  'example.org',
  'exa mple.com',
  '[::1]',
  '[::1',
  '999.1.1.1',
  '1.2.3.4',
  'host:99999',
  'host:8080',
  'user:pw@host',
  '%41.org',
  '%zz',
  '-',
  '',
  'a..b',
  'ex\tample.org',
  'ex\\ample.org',
];
const RESTS = ['', '/', '/a b', '/x\ty', '?q=1', '#frag', '\\path', '/%zz', ' ', '/ok/', '?', '#'];

describe('urlProblem', () => {
  it('judges every combination of scheme, authority and rest as a full parse does', () => {
    // One set of origins for all: each link continues the one before it, as a field's links do.
    const parsed = new ParsedOrigins();
    let checked = 0;
    for (const scheme of SCHEMES)
      for (const authority of AUTHORITIES)
        for (const rest of RESTS) {
          const text = scheme + authority + rest;
          expect(urlProblem(text, parsed), JSON.stringify(text)).toBe(reference(text));
          checked++;
        }
    expect(checked).toBe(SCHEMES.length * AUTHORITIES.length * RESTS.length);
  });

  it('parses links that share an origin once', () => {
    const parsed = new ParsedOrigins();
    for (let change = 1; change <= 1000; change++) {
      expect(urlProblem(`https://review.opendev.org/c/openstack/cinder/+/${change}`, parsed)).toBeUndefined();
    }
    expect([...parsed.urls.keys()]).toEqual(['https://review.opendev.org']);
  });
});
