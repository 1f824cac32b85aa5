/** `check --format codeclimate` and `check --fail-on disagreement`, end to end. */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { ROOT, spawn } from '../helpers.js';

interface Issue {
  type: string;
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
}

const codeclimate = (today: string, cwd = ROOT, roadmap = 'roadmaps/az-ogp-2019-21.yaml', ...more: string[]) => {
  const r = spawn(['check', '--today', today, '--format', 'codeclimate', '-q', '-r', roadmap, ...more], { cwd });
  return { code: r.code, stderr: r.stderr, issues: JSON.parse(r.stdout) as Issue[] };
};

describe('check --format codeclimate (GitLab Code Quality)', () => {
  it('one issue per failing window: check name, severity, description, path and line', () => {
    const { code, stderr, issues } = codeclimate('2019-07-15');
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(issues.map((i) => [i.check_name, i.severity, i.location.path, i.location.lines.begin])).toEqual([
      ['roadmap/overdue', 'major', 'roadmaps/az-ogp-2019-21.yaml', 97],
      ['roadmap/overdue', 'major', 'roadmaps/az-ogp-2019-21.yaml', 102],
      ['roadmap/overdue', 'major', 'roadmaps/az-ogp-2019-21.yaml', 107],
      ['roadmap/overdue', 'major', 'roadmaps/az-ogp-2019-21.yaml', 115],
      ['roadmap/overdue', 'major', 'roadmaps/az-ogp-2019-21.yaml', 120],
      // Stage I's two deadlines of 1 June 2019, at their due: lines.
      ['roadmap/overdue', 'major', 'roadmaps/az-ogp-2019-21.yaml', 90],
      ['roadmap/overdue', 'major', 'roadmaps/az-ogp-2019-21.yaml', 92],
      ['roadmap/overdue', 'major', 'roadmaps/az-ogp-2019-21.yaml', 139],
    ]);
    expect(issues[0]).toMatchObject({
      type: 'issue',
      description: 'az-ogp-2019-21 1.1 Identifying a high-level government representative who will lead the OGP process in Azerbaijan: overdue 76d (CCC)',
    });
    expect(issues[0]!.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(8);
  });

  it('fingerprints stay the same as days pass, for the same failing window', () => {
    const early = codeclimate('2019-07-15').issues;
    const later = codeclimate('2019-08-20').issues;
    const of = (issues: Issue[]) => new Map(issues.map((i) => [i.location.lines.begin, i.fingerprint]));
    expect(later.find((i) => i.location.lines.begin === 97)!.description).toContain('overdue 112d');
    expect(of(later).get(97)).toBe(of(early).get(97));
    expect(of(later).get(90)).toBe(of(early).get(90));
    expect(of(later).get(139)).toBe(of(early).get(139));
  });

  it('due soon is minor, and a different check than overdue', () => {
    const { issues } = codeclimate('2019-07-20', ROOT, 'roadmaps/az-ogp-2019-21.yaml', '--fail-on', 'overdue,due-soon');
    expect(issues.map((i) => [i.check_name, i.severity])).toEqual([...Array(8).fill(['roadmap/overdue', 'major']), ['roadmap/due-soon', 'minor']]);
  });

  it('paths are relative to the repository root, not to the current directory', () => {
    const { issues } = codeclimate('2019-07-15', path.join(ROOT, 'test'), '../roadmaps/az-ogp-2019-21.yaml');
    expect(issues.map((i) => i.location.path)).toEqual(Array(8).fill('roadmaps/az-ogp-2019-21.yaml'));
  });

  it('an empty array when nothing fails', () => {
    const { code, issues } = codeclimate('2019-03-01');
    expect(code).toBe(0);
    expect(issues).toEqual([]);
  });

  it('disagreements are issues of their own', () => {
    const { issues } = codeclimate('2024-11-15', ROOT, 'examples/city-open-data.yaml', '--fail-on', 'overdue,disagreement');
    expect(issues.map((i) => [i.check_name, i.severity, i.location.path, i.location.lines.begin])).toEqual([
      ['roadmap/overdue', 'major', 'examples/city-open-data.yaml', 37],
      ['roadmap/disagreement', 'minor', 'examples/city-open-data.yaml', 43],
      ['roadmap/disagreement', 'minor', 'examples/city-open-data.yaml', 42],
    ]);
  });
});

describe('check --fail-on disagreement', () => {
  const check = (...args: string[]) => spawn(['check', '-r', 'examples/city-open-data.yaml', ...args]);

  it('fails on disagreements alone, and lists them', () => {
    const r = check('--today', '2024-07-15', '--fail-on', 'overdue,disagreement');
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').slice(-2)).toEqual(['✗ 2 disagreements between ratings failing (overdue, disagreement) among 3 activities (today 2024-07-15, horizon 14 days)', '']);
  });

  it('without it, the same day passes', () => {
    const r = check('--today', '2024-07-15');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('✓ nothing failing (overdue) among 3 activities (today 2024-07-15, horizon 14 days)\n');
  });

  it('alone, without any state', () => {
    const r = check('--today', '2024-07-15', '--fail-on', 'disagreement', '--format', 'json', '-q');
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { failOn: string[]; failed: boolean; disagreements: unknown[] };
    expect([doc.failOn, doc.failed, doc.disagreements.length]).toEqual([['disagreement'], true, 2]);
  });

  it('a typo is answered with the nearest name', () => {
    const r = check('--today', '2024-07-15', '--fail-on', 'disagrement');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("roadmap: --fail-on: unknown state 'disagrement'; did you mean 'disagreement'? (states: overdue, due-soon, active, upcoming, later, done, cancelled; or disagreement)\n");
  });

  it('the help names it', () => {
    expect(spawn(['check', '--help']).stdout).toContain('overdue,due-soon,active,upcoming,later,done,cancelled,disagreement\n');
  });
});
