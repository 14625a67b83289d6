// RFC 6901 JSON pointers: how every problem names the value it is about.

export function appendPointer(pointer: string, key: string | number): string {
  const text = String(key);
  return `${pointer}/${text.includes('~') || text.includes('/') ? text.replace(/~/g, '~0').replace(/\//g, '~1') : text}`;
}

export function pointerOf(...keys: Array<string | number>): string {
  return keys.reduce<string>((pointer, key) => appendPointer(pointer, key), '');
}

/** The reference tokens of a pointer, unescaped. */
export function splitPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((token) => (token.includes('~') ? token.replace(/~1/g, '/').replace(/~0/g, '~') : token));
}
