import { describe, expect, it } from 'vitest';
import { QueryError } from '../../../dev/gerrit-simulator/query-error.ts';
import { parseQueryDate } from '../../../dev/gerrit-simulator/query-date.ts';
import { tokenizeQuery } from '../../../dev/gerrit-simulator/tokens.ts';

describe('tokenizeQuery', () => {
  it('splits operator:value terms, quoted with "…" or {…}, joined by spaces or AND', () => {
    expect(
      tokenizeQuery('project:openstack/cinder AND after:"2024-05-09 16:41:07" since:{2024-05-09 10:00}'),
    ).toEqual([
      { operator: 'project', value: 'openstack/cinder' },
      { operator: 'after', value: '2024-05-09 16:41:07' },
      { operator: 'since', value: '2024-05-09 10:00' },
    ]);
    expect(tokenizeQuery('  ')).toEqual([]);
  });

  it.each([
    'a:b OR c:d',
    'NOT a:b',
    '-is:open',
    '(a:b)',
    'cinder',
    'after:"2024-05-09',
    'a:b AND',
    'AND a:b',
    'a:b AND AND c:d',
  ])('refuses %s', (query) => {
    expect(() => tokenizeQuery(query)).toThrow(QueryError);
  });
});

describe('parseQueryDate', () => {
  it('reads the forms after:/before: accept, as UTC unless a zone is given', () => {
    expect(parseQueryDate('2024-05-09')).toBe(Date.UTC(2024, 4, 9));
    expect(parseQueryDate('2024-05-09 16:41')).toBe(Date.UTC(2024, 4, 9, 16, 41));
    expect(parseQueryDate('2024-05-09 16:41:07.250')).toBe(Date.UTC(2024, 4, 9, 16, 41, 7, 250));
    expect(parseQueryDate('2024-05-09 16:41:07 -0130')).toBe(Date.UTC(2024, 4, 9, 18, 11, 7));
    for (const bad of ['2024-02-30', '09-05-2024', 'yesterday', '2024-05-09 25:00']) {
      expect(parseQueryDate(bad)).toBeUndefined();
    }
  });
});
