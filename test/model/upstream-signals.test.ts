import { describe, expect, it } from 'vitest';
import {
  featureValue,
  inTree,
  newestInTreeRelease,
  statusValue,
  supportedByProject,
} from '../../backend/model/upstream-signals.ts';
import type { Driver, Project } from '../../backend/model/types.ts';

const releases = ['Rocky', 'Stein', 'Train', 'Ussuri', 'Victoria'].map((id) => ({ id }));

// In the tree in Rocky and Stein, gone in Train, back in Ussuri and Victoria.
const driver: Driver = {
  project_id: 'openstack/cinder',
  vendor: 'Acme',
  name: 'Acme iSCSI driver',
  upstream_id: 'acme_iscsi',
  upstream: {
    title: 'Acme Storage Driver (iSCSI)',
    in_tree: ['Rocky', 'Stein', 'Ussuri', 'Victoria'],
    features: {
      qos: [
        ['Rocky', 'missing'],
        ['Ussuri', 'complete'],
      ],
      supported: [
        ['Rocky', 'complete'],
        ['Victoria', 'missing'],
      ],
      // A feature the matrix gained in Stein: nothing is stated for Rocky.
      multiattach: [
        ['Rocky', null],
        ['Stein', 'partial'],
      ],
    },
  },
};

const cinder: Pick<Project, 'upstream'> = {
  upstream: {
    git: 'https://opendev.org/openstack/cinder',
    support_matrix: 'doc/source/reference/support-matrix.ini',
    support_feature: 'supported',
  },
};

describe('inTree and newestInTreeRelease', () => {
  it('follow in_tree, including a driver that left and came back', () => {
    expect(['Rocky', 'Stein', 'Train', 'Ussuri'].map((r) => inTree(driver, r))).toEqual([
      true,
      true,
      false,
      true,
    ]);
    expect(newestInTreeRelease(driver)).toBe('Victoria');
  });

  it('know nothing of a driver sync never matched', () => {
    const plain: Driver = { project_id: 'openstack/cinder', vendor: 'Acme', name: 'Out of tree' };
    expect(inTree(plain, 'Rocky')).toBe(false);
    expect(newestInTreeRelease(plain)).toBeUndefined();
    expect(featureValue(plain, 'qos', 'Rocky', releases)).toBeUndefined();
  });
});

describe('featureValue', () => {
  it('carries a value forward until the next pair', () => {
    expect(featureValue(driver, 'qos', 'Rocky', releases)).toBe('missing');
    expect(featureValue(driver, 'qos', 'Stein', releases)).toBe('missing');
    expect(featureValue(driver, 'qos', 'Ussuri', releases)).toBe('complete');
    expect(featureValue(driver, 'qos', 'Victoria', releases)).toBe('complete');
  });

  it('is undefined where the driver is not in the tree', () => {
    expect(featureValue(driver, 'qos', 'Train', releases)).toBeUndefined();
  });

  it('is null where the matrix states nothing, or has no such feature', () => {
    expect(featureValue(driver, 'multiattach', 'Rocky', releases)).toBeNull();
    expect(featureValue(driver, 'multiattach', 'Stein', releases)).toBe('partial');
    expect(featureValue(driver, 'replication', 'Stein', releases)).toBeNull();
  });
});

describe('supportedByProject', () => {
  it('is false once the support feature turns "missing", and outside the tree', () => {
    expect(supportedByProject(cinder, driver, 'Ussuri', releases)).toBe(true);
    expect(supportedByProject(cinder, driver, 'Victoria', releases)).toBe(false);
    expect(supportedByProject(cinder, driver, 'Train', releases)).toBe(false);
  });

  it('is true for any in-tree driver when the project names no support feature', () => {
    const nova: Pick<Project, 'upstream'> = {
      upstream: {
        git: 'https://opendev.org/openstack/nova',
        support_matrix: 'doc/source/user/support-matrix.ini',
      },
    };
    expect(supportedByProject(nova, driver, 'Victoria', releases)).toBe(true);
    expect(supportedByProject(nova, driver, 'Train', releases)).toBe(false);
  });

  it('does not count "unknown" or an unstated value as unsupported', () => {
    const unsure: Driver = {
      ...driver,
      upstream: { ...driver.upstream!, features: { supported: [['Rocky', 'unknown']] } },
    };
    expect(supportedByProject(cinder, unsure, 'Rocky', releases)).toBe(true);
    const unstated: Driver = { ...driver, upstream: { ...driver.upstream!, features: {} } };
    expect(supportedByProject(cinder, unstated, 'Rocky', releases)).toBe(true);
  });
});

describe('supportedByProject before the matrix lists the driver', () => {
  // Classes in the tree from Rocky, the matrix only from Ussuri; SUPPORTED = False in Stein.
  const early: Driver = {
    ...driver,
    upstream: {
      in_tree: ['Ussuri', 'Victoria'],
      features: { supported: [['Ussuri', 'complete']] },
      code_in_tree: ['Rocky', 'Stein', 'Train', 'Ussuri', 'Victoria'],
      code_supported: [
        ['Rocky', true],
        ['Stein', false],
        ['Train', true],
      ],
    },
  };

  it("takes the classes' SUPPORTED where the matrix does not list the driver, and says no feature value", () => {
    expect(supportedByProject(cinder, early, 'Rocky', releases)).toBe(true);
    expect(supportedByProject(cinder, early, 'Stein', releases)).toBe(false);
    expect(featureValue(early, 'supported', 'Stein', releases)).toBeUndefined();
    expect(inTree(early, 'Stein')).toBe(true);
    expect(supportedByProject(cinder, early, 'Ussuri', releases)).toBe(true);
  });
});

describe('supportedByProject with the project’s status words', () => {
  const designate: Pick<Project, 'upstream'> = {
    upstream: {
      git: 'https://opendev.org/openstack/designate',
      format: 'designate-ini',
      support_matrix: 'doc/source/admin/support-matrix.ini',
      statuses: [
        { id: 'integrated', supported: true },
        { id: 'failing', supported: false },
        { id: 'known-broken', supported: false },
      ],
    },
  };
  const graded: Driver = {
    ...driver,
    upstream: {
      in_tree: ['Rocky', 'Stein', 'Ussuri', 'Victoria'],
      status: [
        ['Rocky', 'integrated'],
        ['Stein', 'failing'],
        ['Ussuri', 'integrated'],
        ['Victoria', 'known-broken'],
      ],
    },
  };

  it('is false where the word for the release means unsupported, true where it means support', () => {
    expect(
      ['Rocky', 'Stein', 'Train', 'Ussuri', 'Victoria'].map((r) =>
        supportedByProject(designate, graded, r, releases),
      ),
    ).toEqual([true, false, false, true, false]);
    expect(statusValue(graded, 'Victoria', releases)).toBe('known-broken');
    expect(statusValue(graded, 'Train', releases)).toBeUndefined();
  });

  it('counts a word the project does not list, or no word, as support; a support feature wins over words', () => {
    const unlisted: Driver = {
      ...graded,
      upstream: { in_tree: ['Rocky'], status: [['Rocky', 'experimental']] },
    };
    expect(supportedByProject(designate, unlisted, 'Rocky', releases)).toBe(true);
    expect(
      supportedByProject(designate, { ...graded, upstream: { in_tree: ['Rocky'] } }, 'Rocky', releases),
    ).toBe(true);
    const withFeature = { upstream: { ...designate.upstream!, support_feature: 'supported' } };
    expect(supportedByProject(withFeature, graded, 'Stein', releases)).toBe(true);
  });
});
