import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGerritTimestamp } from '../../../backend/gerrit/time.ts';
import type { ChangeInfo } from '../../../backend/gerrit/types.ts';
import type { SimChange } from '../../../dev/gerrit-simulator/types.ts';
import { startGerritSimulator, type GerritSimulator } from '../../../dev/gerrit-simulator/server.ts';
import { BASE, change, HOUR, PASSWORD, smallDataset } from '../../helpers/small-dataset.ts';

const dataset = smallDataset(20);
// Two changes updated at the same instant: Gerrit breaks the tie by number, highest first.
dataset.changes.push(change(30, BASE + 5 * HOUR), change(31, BASE + 5 * HOUR));
const gerritOrder = (a: SimChange, b: SimChange) =>
  parseGerritTimestamp(b.updated) - parseGerritTimestamp(a.updated) || b._number - a._number;

let sim: GerritSimulator;
beforeAll(async () => {
  sim = await startGerritSimulator({ dataset, maxLimit: 50 });
});
afterAll(async () => {
  await sim.close();
});

async function get(path: string, init?: RequestInit) {
  const response = await fetch(`${sim.url}${path}`, init);
  return { status: response.status, headers: response.headers, body: await response.text() };
}

async function changes(query: string, extra = ''): Promise<ChangeInfo[]> {
  const { status, body } = await get(`/changes/?q=${encodeURIComponent(query)}${extra}`);
  expect(status, body).toBe(200);
  expect(body.startsWith(")]}'\n")).toBe(true);
  return JSON.parse(body.slice(5)) as ChangeInfo[];
}

const numbers = (list: ChangeInfo[]) => list.map((c) => c._number);

describe('GET /changes/', () => {
  it('sorts by updated, newest first, ties by number', async () => {
    const all = await changes('');
    expect(numbers(all).slice(0, 3)).toEqual([1019, 1018, 1017]);
    expect(numbers(all).slice(14, 18)).toEqual([1031, 1030, 1005, 1004]);
  });

  it('pages with n and S (or start), marking only the last element while more exist', async () => {
    const first = await changes('project:openstack/cinder', '&n=4');
    expect(first).toHaveLength(4);
    expect(first.map((c) => c._more_changes)).toEqual([undefined, undefined, undefined, true]);
    const second = await changes('project:openstack/cinder', '&n=4&S=4');
    const viaStart = await changes('project:openstack/cinder', '&n=4&start=4');
    expect(numbers(second)).toEqual(numbers(viaStart));
    const last = await changes('project:openstack/cinder', '&n=4&S=8');
    expect(last.at(-1)!._more_changes).toBeUndefined();
    const cinder = dataset.changes.filter((c) => c.project === 'openstack/cinder').sort(gerritOrder);
    expect(numbers([...first, ...second, ...last])).toEqual(cinder.map((c) => c._number));
  });

  it('caps n at maxLimit', async () => {
    const page = await changes('', '&n=1000');
    expect(page).toHaveLength(22);
  });

  // The oracle reads the dataset directly: what Gerrit's documented operator meaning selects.
  const at = (text: string) => Date.parse(text);
  const updated = (c: SimChange) => parseGerritTimestamp(c.updated);
  const commented = (c: SimChange, id: number) => c.messages.some((m) => m.author === id);
  it.each<[string, (c: SimChange) => boolean]>([
    ['status:merged', (c) => c.status === 'MERGED'],
    ['is:open', (c) => c.status === 'NEW'],
    ['status:open AND project:openstack/nova', (c) => c.status === 'NEW' && c.project === 'openstack/nova'],
    ['p:openstack/nova branch:master', (c) => c.project === 'openstack/nova' && c.branch === 'master'],
    ['branch:refs/heads/stable/2024.1', (c) => c.branch === 'stable/2024.1'],
    ['after:"2024-05-01 20:00:00"', (c) => updated(c) >= at('2024-05-01T20:00:00Z')],
    [
      'since:{2024-05-01 20:00:00.000} until:2024-05-02',
      (c) => updated(c) >= at('2024-05-01T20:00:00Z') && updated(c) <= at('2024-05-02T00:00:00Z'),
    ],
    ['before:"2024-05-01 14:00:00"', (c) => updated(c) <= at('2024-05-01T14:00:00Z')],
    ['after:2024-05-02', (c) => updated(c) >= at('2024-05-02T00:00:00Z')],
    ['commentby:acme-ci', (c) => commented(c, 1000100)],
    ['commentby:1000101', (c) => commented(c, 1000101)],
    [
      'commentby:acme-ci status:merged project:openstack/cinder after:"2024-05-01 20:00:00 +0200"',
      (c) =>
        commented(c, 1000100) &&
        c.status === 'MERGED' &&
        c.project === 'openstack/cinder' &&
        updated(c) >= at('2024-05-01T18:00:00Z'),
    ],
  ])('%s', async (query, oracle) => {
    const expected = dataset.changes
      .filter(oracle)
      .sort(gerritOrder)
      .map((c) => c._number);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(dataset.changes.length);
    expect(numbers(await changes(query, '&n=50'))).toEqual(expected);
  });

  it('includes messages only with o=MESSAGES and account details only with o=DETAILED_ACCOUNTS', async () => {
    const [bare] = await changes('project:openstack/cinder', '&n=1');
    expect(bare!.messages).toBeUndefined();
    expect(bare!.owner).toEqual({ _account_id: 1000010 });
    const [full] = await changes('project:openstack/cinder', '&n=1&o=MESSAGES&o=DETAILED_ACCOUNTS');
    expect(full!.owner).toMatchObject({ username: 'adev', name: 'Ana Developer', email: 'adev@example.org' });
    expect(full!.messages!.map((m) => m.author?.username)).toEqual(['adev', 'acme-ci', 'zuul']);
    expect(full!.id).toBe('openstack%2Fcinder~1018');
    const [idsOnly] = await changes('project:openstack/cinder', '&n=1&o=MESSAGES');
    expect(idsOnly!.messages![1]!.author).toEqual({ _account_id: 1000100 });
  });

  it.each([
    ['reviewer:acme-ci', 'Unsupported operator reviewer:acme-ci'],
    ['commentby:nobody', "Account 'nobody' not found"],
    ['commentby:old-ci', "Account 'old-ci' only matches inactive accounts"],
    ['status:bogus', 'Unrecognized value: bogus'],
    ['after:"yesterday"', 'Invalid date: yesterday'],
    ['status:merged OR status:open', 'Unsupported query: OR'],
  ])('refuses %s with a plain-text 400', async (query, message) => {
    const { status, body, headers } = await get(`/changes/?q=${encodeURIComponent(query)}`);
    expect(status).toBe(400);
    expect(headers.get('content-type')).toMatch(/^text\/plain/);
    expect(body).toContain(message);
    expect(body.startsWith(")]}'")).toBe(false);
  });

  it('refuses unknown o= values and bad numbers', async () => {
    expect((await get('/changes/?q=is:open&o=NOPE')).status).toBe(400);
    expect((await get('/changes/?q=is:open&n=ten')).status).toBe(400);
  });
});

describe('authentication on /a/', () => {
  const basic = (user: string, password: string) => ({
    headers: { Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` },
  });

  it('accepts the account HTTP password and rejects everything else with 401 + WWW-Authenticate', async () => {
    expect((await get('/a/changes/?q=is:open', basic('adev', PASSWORD))).status).toBe(200);
    for (const init of [undefined, basic('adev', 'nope'), basic('acme-ci', ''), basic('old-ci', 'x')]) {
      const { status, headers } = await get('/a/changes/?q=is:open', init);
      expect(status).toBe(401);
      expect(headers.get('www-authenticate')).toMatch(/^Basic realm=/);
    }
  });
});

describe('GET /accounts/', () => {
  const accounts = async (query: string, extra = '&o=DETAILS') => {
    const { status, body } = await get(`/accounts/?q=${encodeURIComponent(query)}${extra}`);
    expect(status, body).toBe(200);
    return JSON.parse(body.slice(5)) as Array<Record<string, unknown>>;
  };

  it('matches active accounts unless the query names the state, like Gerrit', async () => {
    expect(await accounts('username:acme-ci')).toEqual([
      { _account_id: 1000100, name: 'Acme CI', username: 'acme-ci' },
    ]);
    expect(await accounts('username:old-ci')).toEqual([]);
    expect(await accounts('username:old-ci is:inactive')).toMatchObject([
      { _account_id: 1000101, inactive: true },
    ]);
    expect(await accounts('username:acme-ci is:inactive')).toEqual([]);
    expect(await accounts('username:acme-ci', '')).toEqual([{ _account_id: 1000100 }]);
  });
});

describe('other requests', () => {
  it('404 for unknown paths, 405 for other methods, the version for /config/server/version', async () => {
    expect((await get('/projects/')).status).toBe(404);
    expect((await get('/changes/', { method: 'POST' })).status).toBe(405);
    expect((await get('/config/server/version')).body).toBe(')]}\'\n"3.10.0"\n');
  });

  it('counts requests and bytes per path', async () => {
    sim.resetStats();
    const { body } = await get('/changes/?q=is:open');
    await get('/nowhere');
    expect(sim.stats.requests).toBe(2);
    expect(sim.stats.byPath).toEqual({ '/changes/': 1, '/nowhere': 1 });
    expect(sim.stats.bytes).toBe(Buffer.byteLength(body) + Buffer.byteLength('Not Found\n'));
  });

  it('keeps the order when changes are added or gain messages', async () => {
    sim.upsertChange(change(40, BASE + 100 * HOUR));
    expect(numbers(await changes('', '&n=2'))).toEqual([1040, 1019]);
    sim.addMessage(1000, {
      id: 'late',
      author: 1000100,
      date: '2024-05-20 00:00:00.000000000',
      message: 'recheck',
      _revision_number: 1,
    });
    const [top] = await changes('', '&n=1&o=MESSAGES');
    expect(top!._number).toBe(1000);
    expect(top!.updated).toBe('2024-05-20 00:00:00.000000000');
    expect(top!.messages!.at(-1)!.id).toBe('late');
  });
});

describe('GET /c/<project>/+/<number> (the web UI address DriverLog links to)', () => {
  it('shows the change and its comments, escaped', async () => {
    const target = dataset.changes.find((c) => c._number === 1010)!;
    target.subject = 'Fix <script>alert(1)</script>';
    const { status, headers, body } = await get(`/c/${target.project}/+/1010`);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toContain('text/html');
    expect(body).toContain('acme-ci');
    expect(body).toContain('- acme-tempest https://ci.example.org/1 : SUCCESS in 1h 02m 03s');
    expect(body).toContain('Fix &#60;script&#62;alert(1)&#60;/script&#62;');
    expect(body).not.toContain('<script>');
  });

  it('answers 404 for an unknown change or the wrong project', async () => {
    expect((await get('/c/openstack/cinder/+/999999')).status).toBe(404);
    expect((await get('/c/openstack/not-this-one/+/1010')).status).toBe(404);
  });
});
