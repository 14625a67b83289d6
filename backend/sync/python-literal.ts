// The values of Python literal tokens, as Python 3 reads them. Each function takes one token's text, as the
// parser delimited it, and returns undefined for anything Python would not make a str or a number of.

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

const isOctal = (char: string | undefined) => char !== undefined && char >= '0' && char <= '7';
const isDigit = (char: string | undefined) => char !== undefined && char >= '0' && char <= '9';
const isHex = (char: string | undefined) =>
  char !== undefined && (isDigit(char) || (char >= 'a' && char <= 'f') || (char >= 'A' && char <= 'F'));

/**
 * The str a string literal token (`'x'`, `"""x"""`, `r'x'`, `u'x'`) stands for; undefined for bytes (`b'x'`),
 * f-strings, and escapes whose value needs Python's tables (`\N{...}`) or that Python refuses.
 */
export function stringLiteralValue(token: string): string | undefined {
  let start = 0;
  let raw = false;
  while (start < token.length && token[start] !== "'" && token[start] !== '"') {
    const prefix = token[start]!.toLowerCase();
    if (prefix === 'r') raw = true;
    else if (prefix !== 'u') return undefined; // b: bytes; f: an f-string; anything else is not a literal
    start++;
  }
  const quote = token[start];
  if (quote === undefined) return undefined;
  const triple = token.startsWith(quote.repeat(3), start);
  const width = triple ? 3 : 1;
  if (token.length < start + 2 * width || !token.endsWith(quote.repeat(width))) return undefined;
  // Python reads a source file's line ends as \n, in string literals too.
  const body = token.slice(start + width, token.length - width).replace(/\r\n?/g, '\n');
  return raw ? body : unescape(body);
}

function unescape(body: string): string | undefined {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const char = body[i]!;
    if (char !== '\\') {
      out += char;
      continue;
    }
    const next = body[i + 1];
    if (next === undefined) return undefined;
    if (next === '\n') {
      i++;
      continue;
    }
    if (Object.hasOwn(SIMPLE_ESCAPES, next)) {
      out += SIMPLE_ESCAPES[next];
      i++;
      continue;
    }
    if (isOctal(next)) {
      let digits = '';
      while (digits.length < 3 && isOctal(body[i + 1 + digits.length])) digits += body[i + 1 + digits.length];
      out += String.fromCodePoint(parseInt(digits, 8));
      i += digits.length;
      continue;
    }
    const hexLength = next === 'x' ? 2 : next === 'u' ? 4 : next === 'U' ? 8 : 0;
    if (hexLength > 0) {
      const digits = body.slice(i + 2, i + 2 + hexLength);
      if (digits.length !== hexLength || ![...digits].every(isHex)) return undefined;
      const code = parseInt(digits, 16);
      if (code > 0x10ffff) return undefined;
      out += String.fromCodePoint(code);
      i += 1 + hexLength;
      continue;
    }
    if (next === 'N') return undefined;
    // Python keeps an unknown escape as written, backslash and all.
    out += char;
  }
  return out;
}

/** The number a Python 3 number token stands for; undefined for imaginary numbers and Python 2 forms. */
export function numberLiteralValue(token: string): number | undefined {
  if (token.length === 0 || token.startsWith('_') || token.endsWith('_') || token.includes('__'))
    return undefined;
  const text = token.replace(/_/g, '');
  const last = text[text.length - 1]!;
  if (last === 'j' || last === 'J' || last === 'l' || last === 'L') return undefined;
  const radix = { x: 16, o: 8, b: 2 }[text[1]?.toLowerCase() ?? ''];
  if (text[0] === '0' && radix !== undefined) {
    const digits = text.slice(2);
    if (digits === '' || ![...digits].every((d) => Number.isFinite(parseInt(d, radix)))) return undefined;
    return parseInt(digits, radix);
  }
  let i = 0;
  while (isDigit(text[i])) i++;
  const integerDigits = text.slice(0, i);
  if (i === text.length) {
    // "0777" was Python 2's octal; Python 3 refuses a decimal integer with a leading zero.
    if (integerDigits.length > 1 && integerDigits[0] === '0' && /[1-9]/.test(integerDigits)) return undefined;
    return Number(integerDigits);
  }
  if (text[i] === '.') {
    i++;
    while (isDigit(text[i])) i++;
  }
  if (text[i] === 'e' || text[i] === 'E') {
    i++;
    if (text[i] === '+' || text[i] === '-') i++;
    const from = i;
    while (isDigit(text[i])) i++;
    if (i === from) return undefined;
  }
  if (i !== text.length || text === '.') return undefined;
  return Number(text);
}
