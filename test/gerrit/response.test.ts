import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentPatchSet } from '../../backend/gerrit/current-patch-set.ts';
import { GerritError } from '../../backend/gerrit/errors.ts';
import { parseGerritBody } from '../../backend/gerrit/response.ts';
import { parseGerritTimestamp } from '../../backend/gerrit/time.ts';
import type { AccountInfo, ChangeInfo, ChangeMessageInfo } from '../../backend/gerrit/types.ts';

const request = { method: 'GET', url: 'https://review.example.org/changes/?q=status:merged' };
const fixtures = path.resolve(import.meta.dirname, '../../../shared/fixtures/gerrit');

describe('parseGerritBody', () => {
  it("strips the )]}' line", () => {
    expect(parseGerritBody(")]}'\n[1,2]\n", request)).toEqual([1, 2]);
  });

  it('calls a body without the prefix what it probably is, and shows its start', () => {
    const html = '<!DOCTYPE html><html><head><title>Sign in</title></head>' + 'x'.repeat(500);
    try {
      parseGerritBody(html, request);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(GerritError);
      expect(error).toMatchObject({ code: 'NO_PREFIX', url: request.url, bodyStart: html.slice(0, 200) });
      expect((error as Error).message).toContain(
        `GET ${request.url} failed: not a Gerrit REST response — often a login or proxy page`,
      );
      expect((error as Error).message).toContain('<title>Sign in</title>');
      expect((error as Error).message.length).toBeLessThan(450);
    }
  });

  it('reports invalid JSON with the start of the body and the parser error as cause', () => {
    try {
      parseGerritBody(')]}\'\n[{"_number": 1,', request);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'BAD_JSON' });
      expect((error as Error).message).toContain('[{"_number": 1,');
      expect((error as Error).cause).toBeInstanceOf(SyntaxError);
    }
  });
});

describe.skipIf(!existsSync(fixtures))('the example Gerrit bodies', () => {
  const read = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');
  const parse = (name: string) =>
    name.endsWith('.raw') ? parseGerritBody(read(name), request) : JSON.parse(read(name));

  it('parses every REST example, with and without the prefix', () => {
    const names = readdirSync(fixtures).filter((n) => /^(SYNTHETIC_|gerrit-docs_).*\.(raw|json)$/.test(n));
    expect(names.length).toBeGreaterThanOrEqual(4);
    for (const name of names) expect(Array.isArray(parse(name))).toBe(true);
  });

  it('reads a change query with messages and detailed accounts', () => {
    const changes = parse('SYNTHETIC_query-merged-o-MESSAGES-DETAILED_ACCOUNTS.raw') as ChangeInfo[];
    expect(changes.map((c) => c._number)).toEqual([912345, 911002]);
    expect(changes.at(-1)!._more_changes).toBe(true);
    expect(changes[0]!._more_changes).toBeUndefined();
    expect(currentPatchSet(changes[0]!)).toBe(2);
    const ci = changes[0]!.messages!.filter((m) => m.author?.username === 'acme-storage-ci');
    expect(ci.map((m) => m._revision_number)).toEqual([1, 2]);
    for (const message of changes.flatMap((c) => c.messages ?? [])) {
      expect(Number.isFinite(parseGerritTimestamp(message.date))).toBe(true);
    }
  });

  it('reads the documentation examples', () => {
    const changes = parse('gerrit-docs_query-changes.json') as ChangeInfo[];
    expect(changes.at(-1)!._more_changes).toBe(true);
    expect(changes.map(currentPatchSet)).toEqual([2, 2]);
    const messages = parse('gerrit-docs_list-change-messages.json') as ChangeMessageInfo[];
    expect(parseGerritTimestamp(messages[0]!.date)).toBe(Date.UTC(2013, 2, 23, 21, 34, 2, 419));
    const accounts = parse('SYNTHETIC_accounts-query-username.raw') as AccountInfo[];
    expect(accounts[0]).toMatchObject({ username: 'acme-storage-ci', _account_id: 1000040 });
  });
});
