import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tree } from '../helpers.js';

const LINT = 'test/fixtures/check/lint/warnings.yaml';
const WARNINGS = [
  `${LINT}:6:3: warning: entity IDLE is defined but no activity names it (responsible or support)`,
  `${LINT}:15:17: warning: the window of activity a1 (2024-01-01 → 2024-02-29) starts before its stage A (2024-02-01 → 2024-03-31)`,
  `${LINT}:21:15: warning: done 2024-04-01 is in the future (today is 2024-03-15)`,
  `${LINT}:27:18: warning: started 2024-04-02 is in the future (today is 2024-03-15)`,
  `${LINT}:28:9: warning: activity a4 has no responsible entity: add responsible:`,
  `${LINT}:43:21: warning: window 'outside' of activity a6 (2024-03-20 → 2024-04-10) ends after its stage A (2024-02-01 → 2024-03-31)`,
  `${LINT}:44:5: warning: stage B has no activities`,
];

describe('roadmap validate', () => {
  it('passes the shipped roadmap with no warnings, also with --strict', async () => {
    for (const strict of [[], ['--strict']]) {
      const r = await run(['validate', ...strict]);
      expect(r).toEqual({ code: 0, stdout: '✓ 1 file checked: no problems\n', stderr: '' });
    }
  });

  it('lists every warning with file:line:col; warnings alone exit 0', async () => {
    const r = await run(['validate', LINT, '--today', '2024-03-15']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${WARNINGS.join('\n')}\n\n✓ 7 warnings in 1 file (1 file checked)\n`);
  });

  it('--strict makes warnings fail with exit 2', async () => {
    const r = await run(['validate', LINT, '--today', '2024-03-15', '--strict']);
    expect(r.code).toBe(2);
    expect(r.stdout.endsWith('✗ 7 warnings in 1 file (1 file checked)\n')).toBe(true);
  });

  it('takes today from ROADMAP_TODAY too', async () => {
    const r = await run(['validate', LINT], { env: { ROADMAP_TODAY: '2024-04-02' } });
    expect(r.stdout).not.toContain('in the future');
    expect(r.stdout).toContain('✓ 5 warnings in 1 file');
  });

  it('json: valid and every problem with file, line, column, severity, message', async () => {
    const r = await run(['validate', LINT, '--today', '2024-03-15', '--format', 'json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.valid).toBe(true);
    expect(doc.problems).toHaveLength(7);
    expect(doc.problems[2]).toEqual({ file: LINT, line: 21, column: 15, severity: 'warning', message: 'done 2024-04-01 is in the future (today is 2024-03-15)' });
    expect(Object.keys(doc)).toEqual(['valid', 'problems']);
    expect(r.stderr).toBe('roadmap validate: 7 warnings in 1 file (1 file checked)\n');
    const strict = JSON.parse((await run(['validate', LINT, '--today', '2024-03-15', '--format', 'json', '--strict'])).stdout);
    expect(strict.valid).toBe(false);
  });

  it('github: an annotation on each offending line', async () => {
    const r = await run(['validate', LINT, '--today', '2024-03-15', '--format', 'github', '-q']);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(7);
    expect(lines[0]).toBe(`::warning file=${LINT},line=6,col=3,title=roadmap validate::entity IDLE is defined but no activity names it (responsible or support)`);
    expect(lines[4]).toBe(`::warning file=${LINT},line=28,col=9,title=roadmap validate::activity a4 has no responsible entity: add responsible:`);
    expect(r.stderr).toBe('');
  });

  it('checks every edition, not only the one other commands pick', async () => {
    const r = await run(['validate', 'test/fixtures/check/editions']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('test/fixtures/check/editions/rev1.yaml:7:3: warning: entity OLD is defined but no activity names it (responsible or support)\n\n✓ 1 warning in 1 file (2 files checked)\n');
  });

  it('exit 2 with positions for errors: YAML syntax, a duplicate edition, a missing path, an empty directory', async () => {
    const syntax = await run(['validate', 'test/fixtures/check/syntax']);
    expect(syntax.code).toBe(2);
    expect(syntax.stdout).toBe(
      'test/fixtures/check/syntax/bad.yaml:7:5: error: Flow sequence in block collection must be sufficiently indented and end with a ]\n\n✗ 1 error in 1 file (1 file checked)\n',
    );

    const rev1 = readFileSync(path.resolve('test/fixtures/check/editions/rev1.yaml'), 'utf8');
    const dir = tree({ 'a.yaml': rev1, 'b.yaml': rev1 });
    const twins = await run(['validate'], { cwd: dir, env: { ROADMAP_PATH: '.' } });
    expect(twins.code).toBe(2);
    expect(twins.stdout).toContain('b.yaml:1:1: error: roadmap plan revision 1 is also defined in a.yaml: give one of them another revision\n');

    const missing = await run(['validate', 'test/fixtures/check/nowhere', 'test/fixtures/check/empty']);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe(
      'test/fixtures/check/empty: error: no roadmap files (*.yaml, *.yml) in this directory\ntest/fixtures/check/nowhere: error: no such file or directory\n\n✗ 2 errors in 2 files (0 files checked)\n',
    );
  });

  it('lists every error of a broken file, not only the first', async () => {
    const broken = readFileSync(path.resolve('roadmaps/az-ogp-2019-21.yaml'), 'utf8')
      .replace('    title: Launch of the process', '    titel: Launch of the process')
      .replace('responsible: AZACA', 'responsible: AZAC')
      .replace('window: 2019-06\n', 'window: 2019-13\n');
    const dir = tree({ 'roadmaps/copy.yaml': broken });
    const r = await run(['validate'], { cwd: dir });
    expect(r.code).toBe(2);
    // The misspelt title is one mistake, not also a missing 'title'.
    expect(r.stdout).toBe(`roadmaps/copy.yaml:82:5: error: unknown key 'titel' in stage; did you mean 'title'?
roadmaps/copy.yaml:124:22: error: unknown entity 'AZAC'; did you mean 'AZACA'?
roadmaps/copy.yaml:142:17: error: 2019-13 is not a month

✗ 3 errors in 1 file (1 file checked)
`);
  });

  it('rejects a bad --today before reading anything', async () => {
    expect(await run(['validate', '--today', 'soon'])).toMatchObject({ code: 2, stdout: '' });
  });
});
