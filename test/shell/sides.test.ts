import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { classify } from '../../src/shell/sides.js';
import { ROOT, tree } from '../helpers.js';

describe('how a diff argument is read', () => {
  const dir = tree({ main: 'a file named like a branch\n', 'roadmaps/plan.yaml': '' });
  it.each([
    ['main', 'path'],
    ['roadmaps', 'path'],
    ['roadmaps/plan.yaml', 'path'],
    ['plan@2', 'edition'],
    ['HEAD~1:roadmaps/plan.yaml', 'revision-path'],
    ['origin/main:roadmaps', 'revision-path'],
    ['origin/main', 'revision'],
    ['HEAD@{1}', 'revision'],
    ['Plan@2', 'revision'],
    ['', 'revision'],
  ])('%j is a %s', (arg, kind) => {
    expect(classify(arg, dir)).toBe(kind);
  });
});

describe('the pull-request workflow', () => {
  it('runs roadmap diff against the base branch with the full history', () => {
    const wf = parse(readFileSync(path.join(ROOT, '.github', 'workflows', 'roadmap.yml'), 'utf8'));
    expect(wf.on.pull_request.paths).toContain('roadmaps/**');
    expect(wf.jobs.diff.if).toBe("github.event_name == 'pull_request'");
    const steps = wf.jobs.diff.steps as Array<Record<string, any>>;
    expect(steps.find((s) => s.uses?.startsWith('actions/checkout'))?.with).toEqual({ 'fetch-depth': 0 });
    expect(steps.some((s) => s.run?.startsWith('npm install'))).toBe(true);
    const diff = steps.find((s) => s.run?.includes('roadmap diff'))!;
    expect(diff.env).toEqual({ BASE_REF: '${{ github.base_ref }}' });
    expect(diff.run).toBe('npx roadmap diff "origin/$BASE_REF" --format markdown >> "$GITHUB_STEP_SUMMARY"');
  });
});
