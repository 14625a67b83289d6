import { QueryError } from './query-error.ts';

export interface Term {
  operator: string;
  value: string;
}

/**
 * `a:b c:"d e" AND f:{g h}` → terms. Only conjunctions: OR, NOT, `-` and parentheses are refused
 * with 400 rather than silently misread.
 */
export function tokenizeQuery(query: string): Term[] {
  const terms: Term[] = [];
  let i = 0;
  while (i < query.length) {
    if (/\s/.test(query[i]!)) {
      i++;
      continue;
    }
    const word = /^[^\s:"{}()]+/.exec(query.slice(i))?.[0] ?? '';
    if (word === 'AND') {
      // AND only joins two terms; Gerrit's parser refuses it anywhere else.
      const next = query.slice(i + 3).trimStart();
      if (terms.length === 0 || next === '' || /^AND(?![^\s:"{}()])/.test(next)) {
        throw new QueryError(`Unsupported query: AND must join two terms: ${query}`);
      }
      i += 3;
      continue;
    }
    if (
      word === '' ||
      word === 'OR' ||
      word === 'NOT' ||
      word.startsWith('-') ||
      query[i + word.length] !== ':'
    ) {
      const rest = query.slice(i).split(/\s/)[0];
      throw new QueryError(
        `Unsupported query: ${rest} (the simulator knows only operator:value terms joined by AND)`,
      );
    }
    i += word.length + 1;
    const open = query[i];
    let value: string;
    if (open === '"' || open === '{') {
      const close = open === '"' ? '"' : '}';
      const end = query.indexOf(close, i + 1);
      if (end < 0) throw new QueryError(`line 1:${i} missing ${close} at end of query`);
      value = query.slice(i + 1, end);
      i = end + 1;
    } else {
      const bare = /^\S*/.exec(query.slice(i))![0];
      value = bare;
      i += bare.length;
    }
    terms.push({ operator: word.toLowerCase(), value });
  }
  return terms;
}
