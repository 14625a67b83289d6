import { describe, expect, it } from 'vitest';
import { formatSyncReport } from '../../backend/sync/format-report.ts';
import type { ProjectReport, SyncReport } from '../../backend/sync/report.ts';

const project = (added: ProjectReport['drivers']['added_need_review']): ProjectReport =>
  ({
    project: 'openstack/cinder',
    git: '/repos/cinder',
    head: 'ab09bc39dbcd4d5b301f2f5da8fcfd9e5ef1fe8c',
    releases: [],
    features: 1,
    drivers: {
      in_tree: 1,
      linked: 1,
      added_need_review: added,
      in_tree_not_in_registry: [],
      linked_not_in_matrix: [],
    },
    summary: [],
    warnings: [],
  }) as unknown as ProjectReport;

describe('formatSyncReport', () => {
  it('shows names from a matrix as they are, never as terminal codes or extra lines', () => {
    const report: SyncReport = {
      file: 'default_data.json',
      check: false,
      would_change: true,
      written: true,
      projects: [
        project([{ upstream_id: 'acme', vendor: 'Acme', name: 'Acme\u001b[2J\n✅ All checks passed' }]),
      ],
    };
    const text = formatSyncReport(report);
    expect(text).toContain('acme: Acme / Acme\\u001b[2J\\n✅ All checks passed');
    expect(text).not.toContain('\u001b');
    expect(text.split('\n').filter((line) => line.includes('All checks passed'))).toHaveLength(1);
  });
});
