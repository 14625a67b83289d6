// Where sync clones a project's matrices from. The registry is changed by pull requests: a path there could
// name a repository committed in the pull request itself (whose config runs programs), and anything else git
// accepts could smuggle in an option ("-oProxyCommand=…") or a transport. So the registry names an https://
// URL, and a local path is only ever given on the command line (`sync --git PATH`).

/** Why `text` is not an upstream repository the registry may name; undefined when it is one. */
export function upstreamGitProblem(text: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  if (text !== text.trim() || /[\s\u0000-\u001f\u007f]/.test(text))
    return 'holds spaces or control characters';
  let url: URL;
  try {
    url = new URL(text);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return 'is not a URL';
  }
  if (url.protocol !== 'https:') return `uses "${url.protocol}", not https:`;
  if (url.hostname === '') return 'names no host';
  if (url.username !== '' || url.password !== '') return 'holds credentials (every field is published)';
  return undefined;
}

export const UPSTREAM_GIT_HINT =
  'write the https:// URL of the project\'s repository, e.g. "https://opendev.org/openstack/cinder"; read a local clone with `driverlog sync --git PATH`';
