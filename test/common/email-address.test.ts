import { describe, expect, it } from 'vitest';
import { findEmailAddress } from '../../backend/common/email-address.ts';
import { random } from '../helpers/random.ts';

// The scanner replaces this expression, which is quadratic on long runs of word characters.
const ADDRESS = /[\w.%+-]+@[a-z\d-]+(?:\.[a-z\d-]+)+/i;

describe('findEmailAddress', () => {
  it.each([
    ['Ada Lovelace <ada@acme.example>', 'ada@acme.example'],
    ['mail first.last+ci@sub.acme-corp.example.org.', 'first.last+ci@sub.acme-corp.example.org'],
    ['no domain dot: ada@localhost', undefined],
    ['@acme.example', undefined],
    ['a@b@c.example', 'b@c.example'],
    ['x@_bad.example', undefined],
    ['ADA@ACME.EXAMPLE', 'ADA@ACME.EXAMPLE'],
    ['', undefined],
  ])('finds the address in %j', (text, address) => {
    expect(findEmailAddress(text)).toBe(address);
  });

  it('finds what the regular expression finds, on 20,000 generated texts', () => {
    const next = random(7);
    const pieces = [...'aZ9_.%+-@ -<>é', '.example', 'acme', '@@', '..'];
    for (let i = 0; i < 20_000; i++) {
      let text = '';
      const length = Math.floor(next() * 16);
      for (let k = 0; k < length; k++) text += pieces[Math.floor(next() * pieces.length)];
      expect(findEmailAddress(text), JSON.stringify(text)).toBe(ADDRESS.exec(text)?.[0]);
    }
  });

  it('reads a megabyte of word characters, and one of "@", to the end', () => {
    expect(findEmailAddress('A'.repeat(1_000_000))).toBeUndefined();
    expect(findEmailAddress('a@'.repeat(500_000))).toBeUndefined();
    expect(findEmailAddress('A'.repeat(1_000_000) + '@acme.example')).toBe(
      'A'.repeat(1_000_000) + '@acme.example',
    );
  });
});
