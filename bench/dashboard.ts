// The dashboard's cost: build time, gzipped bytes of the home page with what it loads, and the time
// from a keystroke in the search box to the updated table in Chromium — for our registry and for a
// generated one with 5,000 drivers.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Driver, Registry } from '../backend/registry/types.ts';
import { buildSite, repoRoot } from '../dashboard/build-site.ts';
import { serveStatic } from '../dashboard/serve.ts';
import { CHROMIUM, hasChromium, launchChromium } from '../dashboard/chromium.ts';
import { reportFigures, type Figure } from './report.ts';

const DAY = 86_400_000;

/** A registry shaped like ours, `count` drivers strong, deterministic. */
function generatedRegistry(count: number, now: number): Registry {
  const base = JSON.parse(readFileSync(ourData(), 'utf8')) as Registry;
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
    if (rand(3) > 0) {
      driver.ci = { id: `ci-${rand(300)}`, success_pattern: 'SUCCESS', failure_pattern: 'FAILURE' };
      driver.verification = Object.fromEntries(
        claimed.slice(-2).map((release) => {
          const ok = rand(4) > 0;
          const timestamp = new Date(now - rand(60) * DAY).toISOString().replace(/\.\d+Z$/, 'Z');
          return [
            release,
            {
              ci_result: ok,
              review_url: `https://review.opendev.org/c/${i}`,
              change_number: i + 1,
              patch_set: 1,
              branch: 'master',
              ci_id: driver.ci!.id,
              comment: ok ? 'SUCCESS' : 'FAILURE',
              timestamp,
            },
          ];
        }),
      );
    }
    drivers.push(driver);
  }
  return { projects: base.projects, releases: base.releases, drivers };
}

function ourData(): string {
  const own = join(repoRoot, 'default_data.json');
  if (!existsSync(own))
    throw new Error(`${own} is missing: the benchmark measures the repository's registry`);
  return own;
}

/** Gzipped bytes of index.html plus the stylesheets, scripts and index file it loads. */
function homeBytes(dir: string): { total: number; parts: Record<string, number> } {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="\/(_astro\/[^"]+|drivers-index\.json)"/g)].map(
    (m) => m[1]!,
  );
  const parts: Record<string, number> = { 'index.html': gzipSync(html, { level: 9 }).length };
  // Vite splits code shared with other pages into chunks the page's script imports: count them too.
  for (let i = 0; i < assets.length; i++) {
    const asset = assets[i]!;
    if (asset in parts) continue;
    const bytes = readFileSync(join(dir, asset));
    parts[asset] = gzipSync(bytes, { level: 9 }).length;
    if (!asset.endsWith('.js')) continue;
    for (const m of bytes.toString('utf8').matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) {
      assets.push(`_astro/${m[1]!}`);
    }
  }
  return { total: Object.values(parts).reduce((a, b) => a + b, 0), parts };
}

/** Median ms from keydown to the first moment after the browser painted the updated table. */
async function keystrokeLatency(dir: string): Promise<number> {
  const server = await serveStatic(dir);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.waitForSelector('form.f:not([hidden])');
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
    await page.waitForTimeout(300);
    const samples = await page.evaluate(() => (window as unknown as { samples: number[] }).samples);
    samples.sort((a, b) => a - b);
    const at = (q: number) =>
      samples[Math.min(samples.length - 1, Math.floor(samples.length * q))]!.toFixed(1);
    console.log(`keystrokes: ${samples.length}, median ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${at(1)} ms`);
    return samples[Math.floor(samples.length / 2)]!;
  } finally {
    await browser.close();
    await server.close();
  }
}

async function measure(label: string, data: string, work: string): Promise<Figure[]> {
  const outDir = join(work, label);
  const { ms } = await buildSite({ data, outDir });
  const bytes = homeBytes(outDir);
  console.log(`${label}: ${JSON.stringify(bytes.parts)}`);
  const figures: Figure[] = [
    { name: `dashboard build, ${label}`, value: Math.round(ms) / 1000, unit: 's', target: '' },
    {
      name: `dashboard home page + JS + CSS + index gzipped, ${label}`,
      value: Math.round(bytes.total / 102.4) / 10,
      unit: 'KB',
      target: label === 'ours' ? '<= 60 KB' : '',
    },
  ];
  if (hasChromium) {
    figures.push({
      name: `dashboard keystroke to updated table (median of 20), ${label}`,
      value: Math.round((await keystrokeLatency(outDir)) * 10) / 10,
      unit: 'ms',
      target: label === '5000 drivers' ? '< 50 ms' : '',
    });
  } else {
    console.log(`${CHROMIUM} is missing: keystroke latency not measured`);
  }
  return figures;
}

const work = mkdtempSync(join(tmpdir(), 'driverlog-bench-dashboard-'));
try {
  const generated = join(work, 'generated.json');
  writeFileSync(generated, JSON.stringify(generatedRegistry(5000, Date.now())));
  const figures = [
    ...(await measure('ours', ourData(), work)),
    ...(await measure('5000 drivers', generated, work)),
  ];
  reportFigures(figures);
} finally {
  rmSync(work, { recursive: true, force: true });
}
