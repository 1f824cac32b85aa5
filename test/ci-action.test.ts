/**
 * The GitHub Action (action.yml), run as the runner runs a composite action: each
 * step's script in `bash --noprofile --norc -eo pipefail`, its env with the inputs
 * substituted, in the caller's workspace, with the runner's files ($GITHUB_OUTPUT
 * per step, $GITHUB_STEP_SUMMARY) and $GITHUB_ACTION_PATH at this checkout.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, roadmapYaml, tree } from './helpers.js';

interface Step {
  name: string;
  id?: string;
  shell: string;
  run: string;
  env?: Record<string, string>;
  if?: string;
  'working-directory'?: string;
}
interface Action {
  inputs: Record<string, { default: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}
const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as Action;

const roadmap = (title = 'Publish the plan') =>
  roadmapYaml(`      - id: "1.1"
        title: ${title}
        window: 2019-03..2019-04
        responsible: A
      - id: "1.2"
        title: Hold the hearing
        window: 2019-09
        responsible: B
`);

interface Ran {
  codes: number[];
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
  raw: string[];
}

/** Runs the action's steps in `workspace` with these inputs, stopping at the first that fails, as the runner does. */
function runAction(workspace: string, inputs: Record<string, string> = {}): Ran {
  const given = { ...Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default])), ...inputs };
  const temp = mkdtempSync(path.join(tmpdir(), 'runner-'));
  const summary = path.join(temp, 'summary.md');
  writeFileSync(summary, '');
  const base: NodeJS.ProcessEnv = { ...process.env, GITHUB_ACTIONS: 'true', GITHUB_ACTION_PATH: ROOT, GITHUB_WORKSPACE: workspace, GITHUB_STEP_SUMMARY: summary, RUNNER_TEMP: temp };
  for (const k of ['ROADMAP_PATH', 'ROADMAP_TODAY', 'NO_COLOR', 'FORCE_COLOR']) delete base[k];
  const ran: Ran = { codes: [], stdout: '', stderr: '', summary: '', outputs: {}, raw: [] };
  const stepOutputs: Record<string, Record<string, string>> = {};
  for (const [i, step] of action.runs.steps.entries()) {
    const env: NodeJS.ProcessEnv = { ...base, GITHUB_OUTPUT: path.join(temp, `output-${i}`) };
    writeFileSync(env.GITHUB_OUTPUT!, '');
    for (const [k, v] of Object.entries(step.env ?? {})) {
      const m = /^\$\{\{ inputs\.([a-z-]+) \}\}$/.exec(v);
      if (!m) throw new Error(`step ${step.name}: env ${k} is not just an input: ${v}`);
      env[k] = given[m[1]!];
    }
    const script = path.join(temp, `step-${i}.sh`);
    writeFileSync(script, step.run);
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd: workspace, env, encoding: 'utf8' });
    ran.codes.push(r.status ?? -1);
    ran.stdout += r.stdout;
    ran.stderr += r.stderr;
    const written = readFileSync(env.GITHUB_OUTPUT!, 'utf8');
    ran.raw.push(written);
    if (step.id)
      stepOutputs[step.id] = Object.fromEntries(
        written
          .split('\n')
          .filter(Boolean)
          .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
      );
    if (r.status !== 0) break;
  }
  for (const [name, { value }] of Object.entries(action.outputs)) {
    const m = /^\$\{\{ steps\.([a-z-]+)\.outputs\.([a-z-]+) \}\}$/.exec(value);
    ran.outputs[name] = stepOutputs[m![1]!]?.[m![2]!] ?? '';
  }
  ran.summary = readFileSync(summary, 'utf8');
  return ran;
}

const COUNTS = ['overdue', 'due-soon', 'active', 'upcoming', 'later', 'done', 'cancelled'];

describe('action.yml', () => {
  it('is a composite action whose scripts take inputs only through env, never pasted into shell text', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(['roadmap', 'fail-on', 'today', 'horizon', 'args', 'validate']);
    expect(Object.keys(action.outputs)).toEqual(['failed', 'failing', ...COUNTS]);
    for (const step of action.runs.steps) {
      expect(step.shell, step.name).toBe('bash');
      expect(step.run, step.name).not.toContain('${{');
      expect(step.if, step.name).toBeUndefined();
      expect(step['working-directory'], step.name).toBeUndefined();
    }
  });

  it("checks the workspace's roadmaps: annotations, the job summary, the outputs; fails the step on what is overdue", () => {
    const ran = runAction(tree({ 'roadmaps/plan.yaml': roadmap() }), { today: '2019-07-15' });
    expect(ran.codes).toEqual([0, 1]);
    expect(ran.stdout).toBe('::error file=roadmaps/plan.yaml,line=11,col=9,title=demo 1.1 overdue 76d::Publish the plan — overdue 76d (window 2019-03-01 → 2019-04-30; responsible: A)\n');
    expect(ran.summary).toMatch(/^## /);
    expect(ran.summary).toContain('Publish the plan');
    expect(ran.outputs).toEqual({ failed: 'true', failing: '1', overdue: '1', 'due-soon': '0', active: '0', upcoming: '0', later: '1', done: '0', cancelled: '0' });
    expect(ran.raw[1]).toBe('failed=true\nfailing=1\noverdue=1\ndue-soon=0\nactive=0\nupcoming=0\nlater=1\ndone=0\ncancelled=0\n');
  });

  it('passes with failed=false when nothing fails; fail-on, horizon and args reach the command', () => {
    const dir = tree({ 'roadmaps/plan.yaml': roadmap() });
    const ok = runAction(dir, { today: '2019-03-01' });
    expect([ok.codes, ok.stdout, ok.outputs.failed, ok.outputs.failing, ok.outputs.later]).toEqual([[0, 0], '', 'false', '0', '1']);
    const soon = runAction(dir, { today: '2019-09-12', 'fail-on': 'due-soon', horizon: '20', args: '--entity B' });
    expect(soon.codes).toEqual([0, 1]);
    expect(soon.stdout).toBe(
      '::error file=roadmaps/plan.yaml,line=15,col=9,title=demo 1.2 due-soon%3A due in 18d::Hold the hearing — due-soon: due in 18d (window 2019-09-01 → 2019-09-30; responsible: B)\n',
    );
    expect([soon.outputs.failed, soon.outputs.failing, soon.outputs.overdue, soon.outputs['due-soon']]).toEqual(['true', '1', '0', '1']);
    expect(runAction(dir, { today: '2019-09-12', 'fail-on': 'due-soon', args: '--entity B' }).codes).toEqual([0, 0]);
  });

  it('reads the roadmap paths given, one per line', () => {
    const dir = tree({ 'plans/a.yaml': roadmap(), 'other/b.yaml': roadmap().replace('id: demo', 'id: other') });
    const ran = runAction(dir, { roadmap: 'plans/a.yaml\nother\n', today: '2019-07-15' });
    expect(
      ran.stdout
        .trimEnd()
        .split('\n')
        .map((l) => l.slice(0, l.indexOf(','))),
    ).toEqual(['::error file=plans/a.yaml', '::error file=other/b.yaml']);
    expect(ran.outputs.overdue).toBe('2');
  });

  it("validate: true annotates the files' problems and stops before the check on an error", () => {
    const dir = tree({ 'roadmaps/plan.yaml': roadmap().replace('window: 2019-09', 'window: 2019-13') });
    const ran = runAction(dir, { validate: 'true', today: '2019-07-15' });
    expect(ran.codes).toEqual([0, 2]);
    expect(ran.stdout).toBe('::error file=roadmaps/plan.yaml,line=17,col=17,title=roadmap validate::2019-13 is not a month\n');
    expect(ran.outputs.failed).toBe('');
    const bad = runAction(tree({ 'roadmaps/plan.yaml': roadmap() }), { validate: 'yes' });
    expect([bad.codes, bad.stdout]).toEqual([[0, 2], '::error title=roadmap action::input validate must be true or false\n']);
  });

  it('unusable input fails the step with exit 2 and writes no outputs', () => {
    const ran = runAction(tree({ 'roadmaps/plan.yaml': roadmap() }), { 'fail-on': 'late' });
    expect(ran.codes).toEqual([0, 2]);
    expect(ran.stderr).toMatch(/^roadmap: --fail-on: unknown state 'late'/m);
    expect(ran.raw[1]).toBe('');
  });

  it('no input is run by the shell, and nothing from a roadmap reaches $GITHUB_OUTPUT', () => {
    const dir = tree({ 'roadmaps/plan.yaml': roadmap('"Plan\\nfailed=false\\n::error::forged"') });
    const ran = runAction(dir, { today: '2019-07-15', args: '$(touch pwned) `touch pwned2` ;touch pwned3', roadmap: 'roadmaps\n$(touch pwned4)' });
    expect(ran.codes).toEqual([0, 2]);
    expect(['pwned', 'pwned2', 'pwned3', 'pwned4', 'roadmaps/pwned'].filter((f) => existsSync(path.join(dir, f)))).toEqual([]);
    const forged = runAction(tree({ 'roadmaps/plan.yaml': roadmap('"Plan\\nfailed=false\\n::error::forged"') }), { today: '2019-07-15' });
    expect(forged.raw[1]).toBe('failed=true\nfailing=1\noverdue=1\ndue-soon=0\nactive=0\nupcoming=0\nlater=1\ndone=0\ncancelled=0\n');
    expect(forged.stdout.split('\n').filter((l) => l.startsWith('::'))).toHaveLength(1);
    expect(forged.stdout).toContain('::Plan failed=false ::error::forged — overdue 76d');
  });
});
