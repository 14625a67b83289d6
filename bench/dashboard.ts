// The dashboard's cost: build time, gzipped bytes of the home page with what it loads and of the largest
// project matrix page, and the time from a keystroke in the search box to the updated table in Chromium
// (median and 90th percentile) — for our registry and for a generated one with 5,000 drivers.
import { existsSync, readdirSync, readFileSync, rmSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runsFileOf, splitRuns } from '../backend/model/runs-file.ts';
import type { Driver, DriverUpstream, Feature, Registry, SupportValue } from '../backend/model/types.ts';
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

async function measure(label: string, data: string, work: string, ours: boolean): Promise<Figure[]> {
  const outDir = join(work, label.replace(/\W+/g, '-'));
  const { ms } = await buildSite({ data, outDir });
  const home = pageBytes(outDir, 'index.html');
  console.log(`${label}: ${JSON.stringify(home.parts)}`);
  const figures: Figure[] = [
    {
      name: `dashboard build, ${label}`,
      value: round(ms / 1000, 2),
      unit: 's',
      target: ours ? '< 15 s' : '',
    },
    {
      name: `dashboard home page + JS + CSS + index gzipped, ${label}`,
      value: round(home.total / 1024),
      unit: 'KB',
      target: ours ? '<= 60 KB' : '',
    },
  ];
  const matrix = largestMatrix(outDir);
  if (matrix) {
    figures.push({
      name: `dashboard largest matrix page (${matrix.page.split('/')[1]}) gzipped, ${label}`,
      value: round(matrix.total / 1024),
      unit: 'KB',
      target: '<= 100 KB',
    });
  } else {
    console.log(`${label}: no project has matrix data, so no matrix page to measure`);
  }
  if (hasChromium) {
    const latency = await keystrokeLatency(outDir);
    figures.push(
      {
        name: `dashboard keystroke to updated table, median, ${label}`,
        value: round(latency.median),
        unit: 'ms',
        target: ours ? '' : '< 30 ms',
      },
      {
        name: `dashboard keystroke to updated table, p90, ${label}`,
        value: round(latency.p90),
        unit: 'ms',
        target: ours ? '' : '< 50 ms',
      },
    );
  } else {
    console.log(`${CHROMIUM} is missing: keystroke latency not measured`);
  }
  return figures;
}

const work = mkdtempSync(join(tmpdir(), 'driverlog-bench-dashboard-'));
try {
  const generated = join(work, 'generated.json');
  // Its runs go to the runs file beside it, as `update` keeps them.
  const { stored, runs } = splitRuns(generatedRegistry(5000, Date.now()));
  writeFileSync(generated, JSON.stringify(stored));
  writeFileSync(runsFileOf(generated), JSON.stringify(runs));
  const figures = [
    ...(await measure('ours', ourData(), work, true)),
    ...(await measure('5000 drivers', generated, work, false)),
  ];
  reportFigures(figures);
} finally {
  rmSync(work, { recursive: true, force: true });
}
