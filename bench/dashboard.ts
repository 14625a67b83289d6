// The dashboard's cost: build time and gzipped bytes of the home page with what it loads, for our registry and
// one ten times its size, each beside its baseline (the dashboard before badges and feeds were written in one
// pass, built in the same run from the same files); the largest project matrix page; and the time from a
// keystroke in the search box to the updated table in Chromium (median and 90th percentile) with 5,000
// generated drivers.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  mkdtempSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runsFileOf, splitRuns } from '../backend/model/runs-file.ts';
import type {
  Driver,
  DriverUpstream,
  Feature,
  Registry,
  StoredRegistry,
  SupportValue,
} from '../backend/model/types.ts';
import { buildSite, repoRoot } from '../dashboard/build-site.ts';
import { serveStatic } from '../dashboard/serve.ts';
import { CHROMIUM, hasChromium, launchChromium } from '../dashboard/chromium.ts';
import { reportFigures, type Figure } from './report.ts';

const DAY = 86_400_000;
const VALUES: Array<SupportValue | null> = ['complete', 'partial', 'missing', 'unknown', null];

/** A registry shaped like ours, `count` drivers strong, deterministic; cinder's drivers have matrix data. */
function generatedRegistry(count: number, now: number): Registry {
  const base = JSON.parse(readFileSync(ourData(), 'utf8').replace(/^\uFEFF/, '')) as Registry;
  const words = (
    base.drivers
      .map((d) => d.description ?? '')
      .join(' ')
      .match(/[A-Za-z]{3,}/g) ?? ['driver']
  ).slice(0, 3000);
  let seed = 42;
  const rand = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), seed % n);
  const pick = <T>(list: readonly T[]) => list[rand(list.length)]!;
  const releases = (base.releases ?? []).map((r) => r.id);
  const features: Feature[] = Array.from({ length: 20 }, (_, i) => ({
    id: `feature_${i}`,
    title: `${pick(words)} ${pick(words)}`,
    status: 'optional',
  }));
  const projects = base.projects.map((p) =>
    p.id === 'openstack/cinder'
      ? {
          ...p,
          upstream: {
            git: 'https://opendev.org/openstack/cinder',
            support_matrix: 'm.ini',
            support_feature: 'feature_0',
          },
          features,
        }
      : p,
  );
  const drivers: Driver[] = [];
  for (let i = 0; i < count; i++) {
    const vendor = `Vendor ${rand(600)} ${pick(words)}`;
    const first = rand(releases.length);
    const claimed = releases.slice(first, first + 1 + rand(6));
    const driver: Driver = {
      project_id: pick(base.projects).id,
      vendor,
      name: `${pick(words)} ${pick(words)} driver ${i}`,
      description: Array.from({ length: 12 + rand(30) }, () => pick(words)).join(' '),
      wiki: `https://docs.example.org/${i}`,
      maintainers: [{ name: `Maintainer ${rand(2000)}`, launchpad_id: `m${rand(2000)}` }],
      releases: claimed,
    };
    if (driver.project_id === 'openstack/cinder') {
      const from = releases.length - 1 - rand(10);
      const inTree = releases.slice(from);
      driver.upstream_id = `driver_${i}`;
      driver.upstream = {
        title: driver.name,
        in_tree: inTree,
        features: Object.fromEntries(
          features.map((f) => [
            f.id,
            [[inTree[0]!, pick(VALUES)], ...(rand(3) === 0 ? [[inTree.at(-1)!, pick(VALUES)]] : [])],
          ]),
        ) as DriverUpstream['features'],
      };
    }
    if (rand(3) > 0) {
      const ci = { id: `ci-${rand(300)}`, success_pattern: 'SUCCESS', failure_pattern: 'FAILURE' };
      driver.ci = ci;
      driver.verification = Object.fromEntries(
        claimed.slice(-2).map((release) => {
          const ok = rand(4) > 0;
          const timestamp = new Date(now - rand(60) * DAY).toISOString().replace(/\.\d+Z$/, 'Z');
          const recent = Array.from({ length: rand(11) }, (_, k) => ({
            timestamp: new Date(Date.parse(timestamp) - k * DAY).toISOString().replace(/\.\d+Z$/, 'Z'),
            change_number: 10_000 + i * 10 + k,
            patch_set: 1,
            ci_result: rand(5) > 0,
          }));
          return [
            release,
            {
              ci_result: ok,
              review_url: `https://review.opendev.org/c/${i}`,
              change_number: i + 1,
              patch_set: 1,
              branch: 'master',
              ci_id: ci.id,
              comment: ok ? 'SUCCESS' : 'FAILURE',
              timestamp,
              ...(recent.length > 0 ? { recent } : {}),
            },
          ];
        }),
      );
    }
    drivers.push(driver);
  }
  return { projects, releases: base.releases, drivers };
}

function ourData(): string {
  const own = join(repoRoot, 'default_data.json');
  if (!existsSync(own))
    throw new Error(`${own} is missing: the benchmark measures the repository's registry`);
  return own;
}

const gzipped = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length;

/** Gzipped bytes of a page plus the stylesheets, scripts and data files it loads. */
function pageBytes(dir: string, page: string): { total: number; parts: Record<string, number> } {
  const html = readFileSync(join(dir, page), 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="\/(_astro\/[^"]+|drivers-index\.json)"/g)].map(
    (m) => m[1]!,
  );
  const parts: Record<string, number> = { [page]: gzipped(html) };
  // Vite splits code shared with other pages into chunks the page's script imports: count them too.
  for (let i = 0; i < assets.length; i++) {
    const asset = assets[i]!;
    if (asset in parts) continue;
    const bytes = readFileSync(join(dir, asset));
    parts[asset] = gzipped(bytes);
    if (!asset.endsWith('.js')) continue;
    for (const m of bytes.toString('utf8').matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) {
      assets.push(`_astro/${m[1]!}`);
    }
  }
  return { total: Object.values(parts).reduce((a, b) => a + b, 0), parts };
}

/** The largest project matrix page (a project's own URL), gzipped with what it loads; undefined without one. */
function largestMatrix(dir: string): { page: string; total: number } | undefined {
  const projects = join(dir, 'projects');
  const pages = readdirSync(projects, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => `projects/${e.name}/index.html`)
    .filter((page) => readFileSync(join(dir, page), 'utf8').includes('class="matrix"'));
  const sized = pages.map((page) => ({ page, total: pageBytes(dir, page).total }));
  return sized.sort((a, b) => b.total - a.total)[0];
}

/** Keystroke to the first moment after the browser painted the updated table, in ms: median and p90. */
async function keystrokeLatency(dir: string): Promise<{ median: number; p90: number }> {
  const server = await serveStatic(dir);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.waitForSelector('form.driver-filters:not([hidden])');
    await page.evaluate(() => {
      const samples: number[] = [];
      (window as unknown as { samples: number[] }).samples = samples;
      document.querySelector('input[name=q]')!.addEventListener(
        'keydown',
        () => {
          const start = performance.now();
          // The frame after the input handler ran; the message after it arrives once it is painted.
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => samples.push(performance.now() - start);
            channel.port2.postMessage(null);
          });
        },
        { capture: true },
      );
    });
    await page.focus('input[name=q]');
    await page.keyboard.type('storage netwo', { delay: 120 });
    for (let i = 0; i < 7; i++) {
      await page.keyboard.press('Backspace');
      await page.waitForTimeout(120);
    }
    await page.keyboard.type('volume', { delay: 120 });
    await page.waitForTimeout(300);
    const samples = await page.evaluate(() => (window as unknown as { samples: number[] }).samples);
    samples.sort((a, b) => a - b);
    const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(samples.length * q))]!;
    console.log(
      `keystrokes: ${samples.length}, median ${at(0.5).toFixed(1)} ms, p90 ${at(0.9).toFixed(1)} ms, max ${at(1).toFixed(1)} ms`,
    );
    return { median: at(0.5), p90: at(0.9) };
  } finally {
    await browser.close();
    await server.close();
  }
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * The commit whose dashboard is the baseline: the last before the site read the registry through readRegistry and
 * wrote its badges and feeds in one pass.
 */
const BASELINE = 'f5c1ece8e85cf6b06ce065a311b8f9fdb017b1f1';

/**
 * The baseline's files, extracted once inside node_modules (so its packages resolve from ours); undefined, with
 * the reason printed, where the history does not have the commit (a shallow clone).
 */
function baselineRoot(): string | undefined {
  const root = join(repoRoot, 'node_modules', '.driverlog-bench-baseline', BASELINE.slice(0, 12));
  if (existsSync(join(root, 'dashboard'))) return root;
  const archive = spawnSync(
    'git',
    ['archive', '--format=tar', BASELINE, 'dashboard', 'backend', 'schema', 'package.json'],
    {
      cwd: repoRoot,
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  if (archive.status !== 0) {
    console.log(
      `baseline ${BASELINE.slice(0, 12)} is not in this clone's history: figures without their baselines`,
    );
    return undefined;
  }
  mkdirSync(root, { recursive: true });
  const untar = spawnSync('tar', ['-x', '-C', root], { input: archive.stdout });
  if (untar.status !== 0) throw new Error(`tar -x into ${root}: ${untar.stderr.toString()}`);
  return root;
}

/** Our registry with every driver ten times over, each copy under a name of its own. */
function tenTimesOurs(): StoredRegistry {
  const ours = JSON.parse(readFileSync(ourData(), 'utf8').replace(/^\uFEFF/, '')) as StoredRegistry;
  const drivers = ours.drivers.flatMap((d) =>
    Array.from({ length: 10 }, (_, k) =>
      k === 0
        ? d
        : {
            ...d,
            name: `${d.name} ${k + 1}`,
            ...(d.upstream_id ? { upstream_id: `${d.upstream_id}_${k + 1}` } : {}),
            ...(d.upstream_classes
              ? { upstream_classes: d.upstream_classes.map((c) => `${c}${k + 1}`) }
              : {}),
          },
    ),
  );
  return { ...ours, drivers };
}

interface Build {
  ms: number;
  homeKb: number;
  dir: string;
}

async function build(label: string, data: string, work: string, root?: string): Promise<Build> {
  const outDir = join(work, label.replace(/\W+/g, '-'));
  const { ms } = await buildSite({ data, outDir, ...(root ? { root } : {}) });
  const home = pageBytes(outDir, 'index.html');
  console.log(`${label}: ${(ms / 1000).toFixed(2)} s; home page ${JSON.stringify(home.parts)}`);
  return { ms, homeKb: round(home.total / 1024), dir: outDir };
}

/** Build time and home page size of one registry, beside the baseline's, built in turn from the same file. */
async function compared(label: string, data: string, work: string, targets: { build: string; home: string }) {
  const base = baselineRoot();
  const before = base ? await build(`baseline ${label}`, data, work, base) : undefined;
  const now = await build(label, data, work);
  const figures: Figure[] = [
    { name: `dashboard build, ${label}`, value: round(now.ms / 1000, 2), unit: 's', target: targets.build },
    {
      name: `dashboard home page + JS + CSS + index gzipped, ${label}`,
      value: now.homeKb,
      unit: 'KB',
      target: targets.home,
    },
  ];
  if (before) {
    figures.push(
      {
        name: `baseline: dashboard build, ${label} (${BASELINE.slice(0, 7)})`,
        value: round(before.ms / 1000, 2),
        unit: 's',
        target: '',
      },
      {
        name: `baseline: home page + JS + CSS + index gzipped, ${label} (${BASELINE.slice(0, 7)})`,
        value: before.homeKb,
        unit: 'KB',
        target: '',
      },
    );
    console.log('| figure | now | baseline |\n|---|---|---|');
    console.log(`| build, ${label} | ${(now.ms / 1000).toFixed(2)} s | ${(before.ms / 1000).toFixed(2)} s |`);
    console.log(`| home page gzipped, ${label} | ${now.homeKb} KB | ${before.homeKb} KB |`);
  }
  return { figures, dir: now.dir };
}

const work = mkdtempSync(join(tmpdir(), 'driverlog-bench-dashboard-'));
try {
  const ten = join(work, 'ten-times-ours.json');
  writeFileSync(ten, JSON.stringify(tenTimesOurs()));
  const ours = await compared('ours', ourData(), work, { build: '< 10 s', home: '<= 60 KB' });
  const tenTimes = await compared('ten times ours', ten, work, { build: '< 60 s', home: '' });
  const figures = [...ours.figures, ...tenTimes.figures];
  const matrix = largestMatrix(ours.dir);
  if (matrix) {
    figures.push({
      name: `dashboard largest matrix page (${matrix.page.split('/')[1]}) gzipped, ours`,
      value: round(matrix.total / 1024),
      unit: 'KB',
      target: '<= 100 KB',
    });
  }
  const generated = join(work, 'generated.json');
  // Its runs go to the runs file beside it, as `update` keeps them.
  const { stored, runs } = splitRuns(generatedRegistry(5000, Date.now()));
  writeFileSync(generated, JSON.stringify(stored));
  writeFileSync(runsFileOf(generated), JSON.stringify(runs));
  const many = await build('5000 drivers', generated, work);
  if (hasChromium) {
    const latency = await keystrokeLatency(many.dir);
    figures.push(
      {
        name: 'dashboard keystroke to updated table, median, 5000 drivers',
        value: round(latency.median),
        unit: 'ms',
        target: '< 30 ms',
      },
      {
        name: 'dashboard keystroke to updated table, p90, 5000 drivers',
        value: round(latency.p90),
        unit: 'ms',
        target: '< 50 ms',
      },
    );
  } else {
    console.log(`${CHROMIUM} is missing: keystroke latency not measured`);
  }
  reportFigures(figures);
} finally {
  rmSync(work, { recursive: true, force: true });
}
