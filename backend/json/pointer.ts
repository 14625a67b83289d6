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

/**
 * The offset a reference token names among a container's members (by key) or items (by index: "0" or a number
 * without leading zeros, as RFC 6901 says); undefined when it names nothing.
 */
export function memberAt(
  children: Map<string, number> | number[] | undefined,
  token: string,
): number | undefined {
  if (!Array.isArray(children)) return children?.get(token);
  return /^(?:0|[1-9]\d*)$/.test(token) ? children[Number(token)] : undefined;
}
