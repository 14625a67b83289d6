// Builds a line that a CI's own regex matches, for the simple patterns the registry is full of
// (`job-name \S+ : SUCCESS`, `Build succeeded`, `SUCCESS`). Anything fancier returns undefined and
// the generator falls back to common message forms.

/** Where the inverted text holds a URL (from `\S+`). */
export const URL_SLOT = '\u0000';

export function invertPattern(pattern: string): string | undefined {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    const next = pattern[i + 1];
    const repeated = next === '+' || next === '*';
    if (char === '\\') {
      const escaped = pattern[i + 1];
      if (escaped === undefined) return undefined;
      i++;
      const many = pattern[i + 1] === '+' || pattern[i + 1] === '*';
      if (many) i++;
      if (escaped === 'S') out += many ? URL_SLOT : 'x';
      else if (escaped === 's') out += ' ';
      else if (escaped === 'd') out += many ? '42' : '4';
      else if (escaped === 'w') out += many ? 'job' : 'a';
      else if (/[^A-Za-z0-9]/.test(escaped)) out += escaped;
      else return undefined;
    } else if (char === '.') {
      if (repeated) {
        i++;
        if (next === '+') out += 'x';
      } else out += '.';
    } else if ('+*?'.includes(char)) {
      // `a+`, `a*`, `a?`: the single `a` already written matches all three.
      continue;
    } else if ('()[]{}|^$'.includes(char)) {
      return undefined;
    } else out += char;
  }
  return out.length > 0 ? out : undefined;
}
