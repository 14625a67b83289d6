/** The page people open for a change: `<base>/c/<project>/+/<number>`. */
export function changeUrl(baseUrl: string, project: string, number: number): string {
  return `${baseUrl.replace(/\/+$/, '')}/c/${project}/+/${number}`;
}
