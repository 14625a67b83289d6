/** The page people open for a change: `<base>/c/<project>/+/<number>`. */
export function changeUrl(baseUrl: string, project: string, number: number): string {
  return `${baseUrl.replace(/\/+$/, '')}/c/${project}/+/${number}`;
}

/** Gerrit's web search for a CI account's comments on a project (the same search check-ci makes). */
export function commentSearchUrl(baseUrl: string, project: string, ciId: string): string {
  const term = (s: string) => encodeURIComponent(s).replace(/%2F/gi, '/');
  return `${baseUrl.replace(/\/+$/, '')}/q/project:${term(project)}+commentby:${term(ciId)}`;
}
