import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { commands } from '../../backend/cli/commands/index.ts';
import { messageRepo } from '../helpers/message-repo.ts';

interface Step {
  run?: string;
  shell?: string;
  uses?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  steps?: Step[];
  needs?: string;
  permissions?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
}

const dir = new URL('../../.github/workflows/', import.meta.url);
const load = (name: string) => parse(readFileSync(new URL(name, dir), 'utf8')) as Workflow;
const steps = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps ?? []);
const runs = (workflow: Workflow) => steps(workflow).flatMap((step) => (step.run ? [step.run] : []));
const scripts = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;

describe('.github/workflows', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.yml'));

  it('has the five workflows', () => {
    expect(files.sort()).toEqual(['audit.yml', 'pages.yml', 'sync.yml', 'update.yml', 'validate.yml']);
  });

  it.each(files)('%s only runs npm scripts that exist', (file) => {
    for (const run of runs(load(file))) {
      for (const [, script] of run.matchAll(/npm run ([\w:-]+)/g))
        expect(scripts, `${file}: npm run ${script}`).toHaveProperty(script!);
      if (/\bnpm test\b/.test(run)) expect(scripts).toHaveProperty('test');
    }
  });

  it.each(files)('%s only runs driverlog commands and options that exist', async (file) => {
    for (const run of runs(load(file))) {
      for (const [, name, rest] of run.matchAll(
        /(?:npx driverlog|bin\/driverlog\.js) ([a-z-]+)([^\n|>;&]*)/g,
      )) {
        const load = commands[name!];
        expect(load, `${file}: driverlog ${name} is not a command`).toBeDefined();
        const help = (await load!()).help;
        for (const [option] of rest!.matchAll(/--[a-z][a-z-]*/g)) {
          expect(help, `${file}: driverlog ${name} has no option ${option}`).toContain(option);
        }
      }
    }
  });

  it.each(files)('%s fails a piped step when its first command fails (bash with pipefail)', (file) => {
    // GitHub's default shell runs `bash -e` without pipefail: `npm test | tee log` would pass on failures.
    for (const step of steps(load(file))) {
      if (step.run && /[^|]\|[^|]/.test(step.run)) expect(step.shell, `${file}: ${step.run}`).toBe('bash');
    }
  });

  it.each(files)('%s pins every action to a major version', (file) => {
    for (const step of steps(load(file))) if (step.uses) expect(step.uses).toMatch(/^[\w-]+\/[\w-]+@v\d+$/);
  });

  it('validate runs on every pull request and push, read-only, with annotations, format check and tests', () => {
    const workflow = load('validate.yml');
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push']);
    expect(workflow.permissions).toEqual({ contents: 'read' });
    const all = runs(workflow).join('\n');
    expect(all).toContain('driverlog validate --format github');
    expect(all).toContain('driverlog format --check');
    expect(all).toMatch(/\bnpm test\b/);
    expect(all).toContain('GITHUB_STEP_SUMMARY');
  });

  it("validate asks driverlog job-commits which commits are a job's, with the rule validate trusts", () => {
    const workflow = load('validate.yml');
    const step = (name: string) => steps(workflow).find((s) => (s as { name?: string }).name === name)!;
    const updateStep = step('A pull request carries no update commits');
    const syncStep = step('Sync commits say what the support matrices say');
    for (const file of files) expect(runs(load(file)).join('\n')).not.toMatch(/--grep/);
    const { dir, git, commit } = messageRepo();
    git('update-ref', 'refs/remotes/origin/main', 'HEAD');
    // The steps as GitHub runs them (bash -e), with the CLI of this tree and sync --check observed.
    const run = (script: string) =>
      spawnSync(
        'bash',
        [
          '-e',
          '-o',
          'pipefail',
          '-c',
          script
            .replace('npx driverlog sync --check', 'echo SYNC-CHECK')
            .replaceAll(
              'npx driverlog',
              `node ${JSON.stringify(fileURLToPath(new URL('../../bin/driverlog.js', import.meta.url)))}`,
            ),
        ],
        {
          cwd: dir,
          encoding: 'utf8',
          env: { ...process.env, BASE: 'main' },
        },
      );
    commit('Add docs\r\rDriverLog-Job: sync\r');
    expect(run(syncStep.run!).stdout).toBe('');
    commit('sync: cinder\n\nDriverLog-Job: sync\n');
    expect(run(syncStep.run!).stdout).toBe('SYNC-CHECK\n');
    expect(run(updateStep.run!).status).toBe(0);
    commit('cinder: Acme passes\n\nDriverLog-Job: update\n');
    const forged = run(updateStep.run!);
    expect(forged.status).toBe(1);
    expect(forged.stdout).toMatch(/^::error::These commits claim to be the update job's/);
    // A job-commits that fails fails the step: it never reads as "no job commits".
    git('update-ref', '-d', 'refs/remotes/origin/main');
    expect(run(syncStep.run!).status).not.toBe(0);
  });

  it('update runs every four hours and by hand, one at a time, and can only write contents', () => {
    const workflow = load('update.yml');
    expect(workflow.on.schedule).toEqual([{ cron: '0 */4 * * *' }]);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
    expect(workflow.concurrency?.group).toBeTruthy();
    expect(workflow.concurrency?.['cancel-in-progress']).toBe(false);
    expect(workflow.permissions).toEqual({ contents: 'write' });
    const update = steps(workflow).find((s) => s.run?.includes('driverlog update'));
    expect(update?.run).toMatch(/--commit --push --report \S+/);
    expect(update?.env?.GERRIT_HTTP_PASSWORD).toBe('${{ secrets.GERRIT_HTTP_PASSWORD }}');
    const upload = steps(workflow).find((s) => s.uses?.startsWith('actions/upload-artifact'));
    expect(upload?.if).toBe('always()');
    const summary = steps(workflow).find((s) => s.run?.includes('GITHUB_STEP_SUMMARY'));
    expect(summary?.if).toBe('always()');
    const audit = steps(workflow).find((s) => s.run?.includes('driverlog.js audit'));
    expect(audit?.run).toMatch(/audit --format markdown >> "\$GITHUB_STEP_SUMMARY"/);
    expect(audit?.if).toBe('always()');
  });

  it('audit publishes the Markdown audit weekly as one issue: edited when it exists, created only when not', () => {
    const workflow = load('audit.yml');
    const cron = (workflow.on.schedule as Array<{ cron: string }>).map((entry) => entry.cron);
    expect(cron).toHaveLength(1);
    // Once a week: a fixed minute, hour and weekday, any day of the month and month.
    expect(cron[0]).toMatch(/^\d+ \d+ \* \* [0-6]$/);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
    expect(workflow.permissions).toEqual({ contents: 'read', issues: 'write' });
    expect(workflow.concurrency?.['cancel-in-progress']).toBe(false);
    expect(runs(workflow).join('\n')).toMatch(/driverlog audit --format markdown > audit\.md/);
    const publish = steps(workflow).find((s) => s.run?.includes('gh issue'))!;
    expect(publish.env?.GH_TOKEN).toBe('${{ github.token }}');
    const script = publish.run!;
    // The issue is found by its label among open AND closed issues, before anything is created.
    const list = script.indexOf('gh issue list --label "$label" --state all');
    const create = script.indexOf('gh issue create');
    expect(list).toBeGreaterThan(-1);
    expect(script.indexOf('if [ -z "$number" ]; then')).toBeGreaterThan(list);
    expect(create).toBeGreaterThan(script.indexOf('if [ -z "$number" ]; then'));
    expect(script.indexOf('else', create)).toBeLessThan(
      script.indexOf('gh issue edit "$number" --body-file'),
    );
    expect(script.match(/gh issue create/g)).toHaveLength(1);
    expect(script).toMatch(/gh issue create --title '[^']+' --label "\$label"/);
  });

  it('sync checks the registry against the projects’ matrices monthly and by hand, read-only, keeping its clones', () => {
    const workflow = load('sync.yml');
    expect(workflow.on.schedule).toEqual([{ cron: '0 6 1 * *' }]);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(steps(workflow).find((s) => s.run?.includes('driverlog sync'))?.run).toMatch(
      /driverlog sync --check --report \S+/,
    );
    expect(steps(workflow).find((s) => s.uses?.startsWith('actions/cache'))?.with?.path).toBe(
      '.driverlog-cache',
    );
    expect(steps(workflow).find((s) => s.run?.includes('GITHUB_STEP_SUMMARY'))?.if).toBe('always()');
  });

  it('pages builds the dashboard on every change to main and deploys it with minimal rights', () => {
    const workflow = load('pages.yml');
    expect(workflow.on.push).toEqual({ branches: ['main'] });
    // The update job pushes with the workflow token, which starts no workflow: pages follows its runs.
    expect(workflow.on.workflow_run).toEqual({
      workflows: ['update'],
      types: ['completed'],
      branches: ['main'],
    });
    const build = steps(workflow).find((s) => s.run?.includes('npm run build'));
    expect(build?.env?.DRIVERLOG_GERRIT_URL).toContain('vars.DRIVERLOG_GERRIT_URL');
    expect(workflow.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
    expect(runs(workflow).join('\n')).toContain('npm run build');
    expect(steps(workflow).some((s) => s.uses?.startsWith('actions/deploy-pages'))).toBe(true);
    expect(steps(workflow).find((s) => s.uses?.startsWith('actions/upload-pages-artifact'))?.with?.path).toBe(
      'dashboard/dist',
    );
  });
});
