/**
 * File names are untrusted too: a pull request can add `::error title=Injected::Fake.yaml`.
 * In every output of check, validate and status they stay inert, and no line begins
 * with `::` (after leading blanks, which the runner skips) unless it is our own command.
 */
import { describe, expect, it } from 'vitest';
import { run, roadmapYaml, tree } from '../helpers.js';

const COMMAND_NAME = '::error title=Injected::Fake.yaml';
const NEWLINE_NAME = '\n::warning::nl.yaml';
const ESC_NAME = 'esc\u001b[31m.yaml';

const overdue = (id: string) => roadmapYaml('      - id: "1.1"\n        title: Late\n        due: 2019-05-01\n        responsible: [A, B]\n').replace('id: demo', `id: ${id}`);

function names() {
  return tree({
    [COMMAND_NAME]: overdue('one'),
    [NEWLINE_NAME]: overdue('two'),
    [ESC_NAME]: overdue('three'),
  });
}

function broken() {
  return tree({ [COMMAND_NAME]: 'schema: 1\nid: X\n', [ESC_NAME]: 'schema: 1\nid: [\n' });
}

const DANGEROUS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
const OURS = /^::(error|warning|notice) (file|title)=[^:\n]*::[^\n]*$/;

function inertLines(out: string, github = false) {
  expect(out).not.toMatch(DANGEROUS);
  for (const line of out.split('\n')) {
    if (github && line !== '') expect(line).toMatch(OURS);
    else expect(line.trimStart().startsWith('::')).toBe(false);
  }
}

describe('file names stay inert in every output', () => {
  it.each(['text', 'json', 'github', 'junit', 'markdown'])('check --format %s', async (format) => {
    const cwd = names();
    const r = await run(['check', '-r', '.', '--today', '2019-07-15', '--format', format], { cwd });
    expect(r.code).toBe(1);
    inertLines(r.stdout, format === 'github');
    inertLines(r.stderr);
  });

  it('check text names each file so no line can start a command', async () => {
    const r = await run(['check', '-r', '.', '--today', '2019-07-15'], { cwd: names() });
    expect(r.stdout.split('\n').slice(0, 3)).toEqual([
      'two 1.1 · Late · overdue 75d · A, B · ./ ::warning::nl.yaml:11',
      'one 1.1 · Late · overdue 75d · A, B · ./::error title=Injected::Fake.yaml:11',
      'three 1.1 · Late · overdue 75d · A, B · esc\\x1b[31m.yaml:11',
    ]);
  });

  it('check github escapes the file property as the runner reads it (line breaks too), other controls made visible', async () => {
    const r = await run(['check', '-r', '.', '--today', '2019-07-15', '--format', 'github'], { cwd: names() });
    const files = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => /file=([^,]*),/.exec(l)?.[1]);
    expect(files).toEqual(['%0A%3A%3Awarning%3A%3Anl.yaml', '%3A%3Aerror title=Injected%3A%3AFake.yaml', 'esc\\x1b[31m.yaml']);
  });

  it.each(['table', 'json', 'markdown'])('status --format %s', async (format) => {
    const r = await run(['status', '-r', '.', '--today', '2019-07-15', '--format', format], { cwd: names() });
    expect(r.code).toBe(0);
    inertLines(r.stdout);
    inertLines(r.stderr);
  });

  it.each(['text', 'json', 'github'])('validate --format %s, with problems in those files', async (format) => {
    const r = await run(['validate', '.', '--format', format], { cwd: broken() });
    expect(r.code).toBe(2);
    inertLines(r.stdout, format === 'github');
    inertLines(r.stderr);
  });

  it('problem messages begin with a file name that cannot start a command', async () => {
    const r = await run(['validate', '.'], { cwd: broken() });
    expect(r.stdout).toBe(
      [
        "./::error title=Injected::Fake.yaml:1:1: error: roadmap is missing 'title'",
        "./::error title=Injected::Fake.yaml:1:1: error: roadmap is missing 'stages'",
        "./::error title=Injected::Fake.yaml:2:5: error: 'X' is not a roadmap id (lower-case letters, digits and -)",
        'esc\\x1b[31m.yaml:3:1: error: Flow sequence in block collection must be sufficiently indented and end with a ]',
        '',
        '✗ 4 errors in 2 files (2 files checked)',
        '',
      ].join('\n'),
    );
    const status = await run(['status', '-r', '.'], { cwd: broken() });
    expect(status.code).toBe(2);
    inertLines(status.stderr);
    expect(status.stderr.split('\n')[0]).toMatch(/^\.\/::error title=Injected::Fake\.yaml:/);
  });
});
