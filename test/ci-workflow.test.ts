/** The shipped GitHub workflow: the right triggers, and commands this version of roadmap accepts. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, run, tree } from './helpers.js';

interface Step {
  run?: string;
  uses?: string;
}
const workflow = parse(readFileSync(path.join(ROOT, '.github', 'workflows', 'roadmap.yml'), 'utf8'));
const steps = (job: string): Step[] => workflow.jobs[job].steps;
const roadmapCommands = (job: string) => steps(job).flatMap((s) => (s.run?.startsWith('npx roadmap ') ? [s.run.slice('npx roadmap '.length).split(' ')] : []));

describe('.github/workflows/roadmap.yml', () => {
  it('validates pull requests that touch roadmaps/, checks deadlines on main and daily', () => {
    expect(workflow.on.pull_request.paths).toContain('roadmaps/**');
    expect(workflow.on.push.branches).toEqual(['main']);
    expect(workflow.on.schedule).toHaveLength(1);
    expect(workflow.jobs.validate.if).toBe("github.event_name == 'pull_request'");
    expect(workflow.jobs.check.if).toBe("github.event_name != 'pull_request'");
  });

  it('installs the tool before using it', () => {
    for (const job of ['validate', 'check']) {
      const runs = steps(job).map((s) => s.run ?? '');
      const install = runs.findIndex((r) => r === 'npm ci' || r.startsWith('npm install'));
      expect(install).toBeGreaterThan(-1);
      expect(runs.findIndex((r) => r.startsWith('npx roadmap'))).toBeGreaterThan(install);
    }
  });

  it('runs commands that work: validate passes, check reports (exit 0 or 1, never 2)', async () => {
    expect(roadmapCommands('validate')).toEqual([['validate', '--format', 'github']]);
    for (const args of roadmapCommands('validate')) expect((await run(args)).code).toBe(0);
    const dir = tree({});
    const [check] = roadmapCommands('check').filter((a) => a[0] === 'check');
    const args = check!.map((a) => (a === 'roadmap-check.xml' ? path.join(dir, a) : a));
    const r = await run([...args, '--today', '2019-07-15'], { env: { GITHUB_ACTIONS: 'true' } });
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toMatch(/^::error file=roadmaps\/az-ogp-2019-21\.yaml,line=97,/);
    expect(readFileSync(path.join(dir, 'roadmap-check.xml'), 'utf8')).toMatch(/^<\?xml/);
  });
});
