/** The page people open for a change, or one of its patch sets: `<base>/c/<project>/+/<number>[/<patch set>]`. */
export function changeUrl(baseUrl: string, project: string, number: number, patchSet?: number): string {
  return `${baseUrl.replace(/\/+$/, '')}/c/${project}/+/${number}${patchSet === undefined ? '' : `/${patchSet}`}`;
}

/** Gerrit's web search for a CI account's comments on a project (the same search check-ci makes). */
export function commentSearchUrl(baseUrl: string, project: string, ciId: string): string {
  const term = (s: string) => encodeURIComponent(s).replace(/%2F/gi, '/');
  return `${baseUrl.replace(/\/+$/, '')}/q/project:${term(project)}+commentby:${term(ciId)}`;
}
