/**
 * The assessments as a new user meets them, in a git repository holding a copy of
 * examples/city-open-data.yaml: record a rating, review it with `diff HEAD`, gate
 * on disagreements with annotations at the assessments' lines.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitRepo, ROOT, spawn } from '../helpers.js';

const EXAMPLE = readFileSync(path.join(ROOT, 'examples', 'city-open-data.yaml'), 'utf8');
const FILE = 'roadmaps/city-open-data.yaml';
const TODAY = ['--today', '2024-11-15'];

const repo = () => gitRepo({ [FILE]: EXAMPLE });

describe('assessments in a git repository', () => {
  it('diff HEAD after assess names the rating', () => {
    const dir = repo();
    const a = spawn(['assess', 'A2', '--by', 'CSO', '--level', 'limited', '--as-of', '2024-11-15', ...TODAY], { cwd: dir });
    expect([a.code, a.stdout, a.stderr]).toEqual([0, 'city-open-data A2: CSO limited as of 2024-11-15\n', '']);
    const d = spawn(['diff', 'HEAD', ...TODAY], { cwd: dir });
    expect([d.code, d.stderr]).toEqual([0, '']);
    expect(d.stdout).toBe(`HEAD ⇒ working tree: 1 change to city-open-data: 1 rating changed

city-open-data — City open data action plan 2024 (fictional example)
  Stage A — Publish the data
    A2  CSO rated: limited (as of 2024-11-15)
`);
  });

  it('check --fail-on disagreement --format github: exit 1, an annotation at each assessment shown', () => {
    const dir = repo();
    const annotations = [
      '::error file=roadmaps/city-open-data.yaml,line=43,col=13,title=city-open-data A2 disagreement::Publish the budget monthly — disagreement: CITY complete vs PANEL limited: 2 steps apart',
      '::error file=roadmaps/city-open-data.yaml,line=42,col=13,title=city-open-data A2 disagreement::Publish the budget monthly — disagreement: CITY complete (as of 2024-09-30), but overdue 46d',
      '',
    ].join('\n');
    const r = spawn(['check', '--fail-on', 'disagreement', '--format', 'github', ...TODAY], { cwd: dir });
    expect([r.code, r.stdout]).toEqual([1, annotations]);
    expect(EXAMPLE.split('\n')[42 - 1]).toBe('          - { by: CITY, as-of: 2024-09-30, level: complete, source: https://example.org/city/progress-2024-09 }');
    expect(EXAMPLE.split('\n')[43 - 1]).toBe('          - { by: PANEL, as-of: 2024-10-15, published: 2024-11-01, level: limited, source: https://example.org/panel/review-2024 }');
  });

  it('the annotations name the file from the top of the repository when run from a subdirectory', () => {
    const dir = repo();
    const r = spawn(['check', '--fail-on', 'disagreement', '--format', 'github', ...TODAY], { cwd: path.join(dir, 'roadmaps') });
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').map((l) => l.replace(/,line=.*/, ''))).toEqual(['::error file=roadmaps/city-open-data.yaml', '::error file=roadmaps/city-open-data.yaml', '']);
  });

  it('validate --format github names the file from the top of the repository too', () => {
    const dir = repo();
    writeFileSync(path.join(dir, FILE), EXAMPLE.replace('level: limited, source: https://example.org/panel', 'level: limted, source: https://example.org/panel'));
    const r = spawn(['validate', '--format', 'github', '-q'], { cwd: path.join(dir, 'roadmaps') });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe(
      "::error file=roadmaps/city-open-data.yaml,line=43,col=75,title=roadmap validate::'limted' is not a level of the scale completion (not-started < limited < substantial < complete; or no-evidence); did you mean 'limited'?\n",
    );
  });
});
