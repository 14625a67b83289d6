import { describe, expect, it } from 'vitest';
import { auditRegistry } from '../../backend/audit/audit-registry.ts';
import { AUDIT_KINDS } from '../../backend/audit/finding.ts';
import { auditMarkdown } from '../../backend/audit/format-markdown.ts';
import { expectInert } from '../helpers/markdown-inert.ts';
import { AS_OF, driver, inMatrix, record, registry, runs } from './audit-fixtures.ts';

const sections = (markdown: string) => {
  const found = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of markdown.split('\n')) {
    const heading = /^## .*\(`([a-z-]+)`\): (\d+)$/.exec(line);
    if (heading) found.set(heading[1]!, (current = []));
    else if (current && line.startsWith('- ')) current.push(line);
  }
  return found;
};

describe('auditMarkdown', () => {
  const value = registry(
    [
      driver({
        vendor: 'Acme',
        name: 'Failing',
        ...inMatrix('complete'),
        verification: { Caracal: record(runs([false, false, false])) },
      }),
      driver({ vendor: 'Bolt', name: 'Quiet', verification: { Caracal: record(runs([true], 60)) } }),
      driver({
        vendor: 'Crane',
        name: 'Lost',
        ci: { id: 'ghost-ci', success_pattern: 'x : SUCCESS', failure_pattern: 'x : FAILURE' },
      }),
      driver({ vendor: 'Dune', name: 'Claims', releases: ['Caracal', 'Dalmatian'] }),
      driver({ vendor: 'Eel', name: 'Back', ...inMatrix('missing') }),
    ],
    {
      scan_state: {
        gerrit_url: 'https://review.example.org',
        projects: {},
        unknown_ci_accounts: ['ghost-ci'],
      },
    },
  );
  const report = auditRegistry(value, { asOf: AS_OF, silentDays: 30 });
  const markdown = auditMarkdown(report);

  it('has a title with the date, then one section per kind, in order, each with its count', () => {
    expect(markdown.split('\n')[0]).toBe('# DriverLog audit, 2025-03-01');
    const headings = markdown.split('\n').filter((line) => line.startsWith('## '));
    expect(headings.map((h) => /\(`([a-z-]+)`\)/.exec(h)?.[1])).toEqual([...AUDIT_KINDS]);
    for (const [kind, lines] of sections(markdown))
      expect(lines.length, kind).toBe(report.counts[kind as never]);
  });

  it('writes one line per finding, naming the project, vendor, driver and release', () => {
    const found = sections(markdown);
    expect(found.get('failing')).toEqual([
      expect.stringMatching(
        /^- openstack\/cinder: \*\*Acme\*\* Failing on Caracal — 0 of the last 3 runs passed; /,
      ),
    ]);
    expect(found.get('silent')).toEqual([
      expect.stringMatching(
        /^- openstack\/cinder: \*\*Bolt\*\* Quiet — last report 2024-12-31, 60 days before the audit; /,
      ),
    ]);
    expect(found.get('unsupported-candidate')).toEqual([
      expect.stringMatching(/\*\*Acme\*\* Failing on Caracal — supported in the matrix, CI failing: /),
    ]);
    expect(found.get('restore-candidate')).toEqual([expect.stringMatching(/\*\*Eel\*\* Back on Caracal/)]);
    expect(found.get('account-not-found')).toEqual([
      expect.stringMatching(/\*\*Crane\*\* Lost — no Gerrit account ghost-ci/),
    ]);
    expect(found.get('claim-without-evidence')).toEqual([
      expect.stringMatching(/\*\*Dune\*\* Claims on Dalmatian/),
    ]);
    expect(markdown).toContain('| Failing CI | 1 |');
  });

  it('links each finding to its evidence', () => {
    const links = (kind: string) =>
      (sections(markdown).get(kind) ?? []).map((line) => /\]\((https?:[^)]+)\)/.exec(line)?.[1]);
    expect(links('failing')).toEqual(['https://review.example.org/c/openstack/cinder/+/5000']);
    expect(links('silent')).toEqual(['https://review.example.org/c/openstack/cinder/+/5000']);
    expect(links('claim-without-evidence')).toEqual([
      'https://review.example.org/q/project:openstack/cinder+commentby:acme-ci',
    ]);
  });

  it('says None. under a kind with no finding', () => {
    const empty = auditMarkdown(auditRegistry(registry([driver()]), { asOf: AS_OF, silentDays: 30 }));
    expect(empty.match(/^None\.$/gm)).toHaveLength(AUDIT_KINDS.length);
    expect(empty).not.toMatch(/^- /m);
  });

  it('keeps registry text on its line and unable to open links, HTML or table cells', () => {
    const hostile = registry([
      driver({
        vendor: 'Evil\n## ✅ All clear',
        name: '[click](https://evil.example) <img src=x> | cell \u001b[31m',
        verification: { Caracal: record(runs([false, false, false])) },
      }),
    ]);
    const text = auditMarkdown(auditRegistry(hostile, { asOf: AS_OF, silentDays: 30 }));
    const lines = sections(text).get('failing')!;
    expect(lines).toHaveLength(1);
    expect(text).not.toMatch(/^## ✅/m);
    expect(lines[0]).not.toContain('[click](');
    expect(lines[0]).not.toContain('<img');
    expect(lines[0]).not.toContain('\u001b');
    expect(lines[0]).toContain('\\[click\\]');
  });

  it('renders a vendor or driver name as its text: no emphasis, code, link, image, HTML, mention or reference', async () => {
    // A failing driver and one with a claim but no evidence: the name in two kinds of line.
    await expectInert((name) =>
      auditMarkdown(
        auditRegistry(
          registry([
            driver({ vendor: name, name, verification: { Caracal: record(runs([false, false, false])) } }),
            driver({ vendor: name, name: `${name} 2`, releases: ['Caracal', 'Dalmatian'] }),
          ]),
          { asOf: AS_OF, silentDays: 30 },
        ),
      ),
    );
  });

  it('links only http(s) URLs', () => {
    const odd = record(runs([false, false, false]));
    odd.review_url = 'javascript:alert(1)';
    const text = auditMarkdown(
      auditRegistry(registry([driver({ verification: { Caracal: odd } })]), { asOf: AS_OF, silentDays: 30 }),
    );
    expect(text).not.toContain('](javascript');
  });
});
