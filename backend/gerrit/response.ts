import { GerritError, bodyExcerpt } from './errors.ts';

export const JSON_PREFIX = ")]}'";

/** Strip Gerrit's `)]}'` line and parse; NO_PREFIX or BAD_JSON (with the body's start) otherwise. */
export function parseGerritBody(body: string, request: { method: string; url: string }): unknown {
  if (!body.startsWith(JSON_PREFIX)) {
    throw new GerritError(
      `not a Gerrit REST response — often a login or proxy page (the body does not start with ${JSON_PREFIX}); it starts: "${bodyExcerpt(body)}"`,
      { code: 'NO_PREFIX', ...request, bodyStart: body.slice(0, 200) },
    );
  }
  const json = body.slice(JSON_PREFIX.length);
  try {
    return JSON.parse(json);
  } catch (error) {
    throw new GerritError(`the body is not valid JSON: "${bodyExcerpt(json)}"`, {
      code: 'BAD_JSON',
      ...request,
      bodyStart: body.slice(0, 200),
      cause: error,
    });
  }
}
