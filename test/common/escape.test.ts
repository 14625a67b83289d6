import { describe, expect, it } from 'vitest';
import { printable, printableLines } from '../../backend/common/escape.ts';

describe('printable', () => {
  it('writes control characters as visible escapes, so text stays on its one line', () => {
    expect(printable('ok\n✅ All checks passed')).toBe('ok\\n✅ All checks passed');
    expect(printable('\u001b[2Jred\u001b[0m')).toBe('\\u001b[2Jred\\u001b[0m');
    expect(printable('a\tb\rc\u0000d\u007fe\u0085f')).toBe('a\\tb\\rc\\u0000d\\u007fe\\u0085f');
  });

  it('shows bidirectional overrides and Unicode line separators instead of obeying them', () => {
    expect(printable('\u202eemcA')).toBe('\\u202eemcA');
    expect(printable('x\u2028y\u2029z\u2066w\u2069')).toBe('x\\u2028y\\u2029z\\u2066w\\u2069');
  });

  it('leaves every other character alone', () => {
    const text = 'Acme iSCSI — Zürich 東京 \\S+ : SUCCESS 🚀';
    expect(printable(text)).toBe(text);
  });

  it('never lets a line start with "::", which a GitHub Actions log obeys as a workflow command', () => {
    expect(printable('::error file=default_data.json::forged')).toBe(
      '\\u003a:error file=default_data.json::forged',
    );
    expect(printable('   ::warning::x')).toBe('   \\u003a:warning::x');
    expect(printable('\u3000::set-output name=x::y')).toBe('\u3000\\u003a:set-output name=x::y');
    expect(printable('a ::error::x')).toBe('a ::error::x');
    expect(printable(printable('::x'))).toBe(printable('::x'));
  });

  it('escapes each line of a message of several', () => {
    expect(printableLines('first\n  ::error::forged\n    hint: \u001b[2J')).toBe(
      'first\n  \\u003a:error::forged\n    hint: \\u001b[2J',
    );
  });
});
