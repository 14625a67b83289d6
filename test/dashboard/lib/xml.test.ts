import { describe, expect, it } from 'vitest';
import { xmlText } from '../../../dashboard/src/lib/xml.ts';

describe('xmlText', () => {
  it('escapes markup and replaces the characters XML 1.0 forbids', () => {
    expect(xmlText(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    expect(xmlText('a\u0000b\u001bc\td\ne')).toBe('a\uFFFDb\uFFFDc\td\ne');
    expect(xmlText('lone \uD800 high, pair \uD83D\uDE00 kept')).toBe(
      'lone \uFFFD high, pair \uD83D\uDE00 kept',
    );
  });

  it('takes linear time on a long text', () => {
    const long = '<'.repeat(1_000_000) + '\uDC00'.repeat(1000);
    expect(xmlText(long)).toHaveLength(4_000_000 + 1000);
  });
});
