import { isUtf8 } from 'node:buffer';
import { positionFinder } from './position.ts';
import { parseJsonSource, type JsonSource } from './source.ts';

/**
 * A file's bytes as text and parsed. Bytes that are not UTF-8 are a syntax error at their line and column: a
 * rewrite of the decoded text would replace them with U+FFFD, so they must be fixed where they are.
 */
export function parseJsonBytes(bytes: Uint8Array): { text: string; source: JsonSource } {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return { text, source: isUtf8(bytes) ? parseJsonSource(text) : notUtf8(bytes) };
}

function notUtf8(bytes: Uint8Array): JsonSource {
  const offset = firstInvalidUtf8(bytes);
  const before = Buffer.from(bytes.subarray(0, offset)).toString('utf8');
  const byte = bytes[offset]!.toString(16).toUpperCase().padStart(2, '0');
  return {
    ok: false,
    error: {
      position: positionFinder(before)(before.length),
      message: `byte 0x${byte} is not UTF-8: the file must be UTF-8 encoded`,
      hint: 'retype the character here, or re-save the file as UTF-8 (rewriting it would replace the byte with U+FFFD)',
    },
  };
}

/**
 * Byte offset of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629: no overlong forms, no
 * surrogates, nothing past U+10FFFF), or -1 when every byte is well-formed.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    // The allowed range of the second byte depends on the lead; later bytes are always 80..BF.
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    if (i + length > bytes.length) return i;
    const second = bytes[i + 1]!;
    if (second < low || second > high) return i;
    for (let k = 2; k < length; k++) {
      const next = bytes[i + k]!;
      if (next < 0x80 || next > 0xbf) return i;
    }
    i += length;
  }
  return -1;
}
