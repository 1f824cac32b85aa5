/**
 * Shell completion: `roadmap completion bash|zsh|fish` and the hidden
 * `roadmap __complete -- WORDS…` the scripts call. Bash is driven for real (the
 * completion function with COMP_WORDS/COMP_CWORD, reading COMPREPLY); fish through
 * `complete -C`; zsh's script is checked by `zsh -n`. Those shells' tests run where
 * the shell is installed (.ci/run installs them).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli.js';
import { specOf } from '../../src/commands/complete.js';
import { inertWords, want } from '../../src/complete.js';
import { processIo } from '../../src/shell/io.js';
import { ROOT, roadmapYaml, run, tree } from '../helpers.js';

const spec = specOf(buildProgram(processIo(), () => {}));
const complete = async (words: string[], cwd = ROOT, env: Record<string, string> = {}) => run(['__complete', '--', ...words], { cwd, env });
const lines = (text: string) => text.split('\n').filter(Boolean);

const STAGE_2 = ['2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7', '2.8', '2.9'];

describe('what may come next (from the program itself)', () => {
  it.each<[string[], string[]]>([
    [['sta'], ['status', 'start']],
    [['c'], ['check', 'cancel', 'completion']],
    [['check', '--fail-on', 'o'], ['overdue']],
    [
      ['check', '--fail-on', 'overdue,d'],
      ['overdue,due-soon', 'overdue,done', 'overdue,disagreement'],
    ],
    [
      ['status', '--state', 'overdue,due-soon,'],
      ['overdue,due-soon,active', 'overdue,due-soon,upcoming', 'overdue,due-soon,later', 'overdue,due-soon,done', 'overdue,due-soon,cancelled'],
    ],
    [
      ['diff', 'HEAD', '--fail-on', 're'],
      ['removed', 'reassigned', 'reopened'],
    ],
    [
      ['check', '--format', ''],
      ['text', 'json', 'github', 'junit', 'markdown', 'codeclimate'],
    ],
    [['--by', 'e'], ['entity']],
    [
      ['timeline', '--by', ''],
      ['stage', 'entity'],
    ],
    [['validate', '--format', 'g'], ['github']],
    [
      ['completion', ''],
      ['bash', 'zsh', 'fish'],
    ],
    [['help', 'ch'], ['check']],
    [['validate', '--s'], ['--strict']],
    [['--today', '2019-07-15', 'check', '--fa'], ['--fail-on']],
    [['done', '--o'], ['--on']],
    [['schema', 'x'], []],
    [['--roadmap', ''], []],
    [['check', '--output', ''], []],
  ])('%j → %j', (words, expected) => {
    const w = want(spec, words);
    expect(w).toEqual({ kind: 'words', words: expected });
  });

  it('asks for ids where ids go, with the roadmaps named on the line', () => {
    expect(want(spec, ['done', '2.'])).toEqual({ kind: 'ids', of: 'activity', roadmaps: [], prefix: '', current: '2.' });
    expect(want(spec, ['-r', 'a.yaml', 'move', '--roadmap=b', '1'])).toEqual({ kind: 'ids', of: 'activity', roadmaps: ['a.yaml', 'b'], prefix: '', current: '1' });
    expect(want(spec, ['done', '--on', '2019-04-20', ''])).toEqual({ kind: 'ids', of: 'activity', roadmaps: [], prefix: '', current: '' });
    expect(want(spec, ['status', '--stage', 'I,I'])).toEqual({ kind: 'ids', of: 'stage', roadmaps: [], prefix: 'I,', current: 'I' });
    expect(want(spec, ['check', '--entity', 'O'])).toEqual({ kind: 'ids', of: 'entity', roadmaps: [], prefix: '', current: 'O' });
    expect(want(spec, ['init', '--entity', ''])).toEqual({ kind: 'words', words: [] });
    expect(want(spec, ['done', '1.1', ''])).toEqual({ kind: 'words', words: [] });
    expect(want(spec, ['add', 'I'])).toEqual({ kind: 'ids', of: 'stage', roadmaps: [], prefix: '', current: 'I' });
    expect(want(spec, ['add', 'II', '--after', '2.'])).toEqual({ kind: 'ids', of: 'activity', roadmaps: [], prefix: '', current: '2.' });
    expect(want(spec, ['add-stage', '--after', ''])).toEqual({ kind: 'ids', of: 'stage', roadmaps: [], prefix: '', current: '' });
    expect(want(spec, ['assign', '2.5', '--responsible', 'CCC,O'])).toEqual({ kind: 'ids', of: 'entity', roadmaps: [], prefix: 'CCC,', current: 'O' });
    expect(want(spec, ['add-entity', ''])).toEqual({ kind: 'words', words: [] });
  });

  it('offers only inert words: no spaces, controls, quotes or shell expansions', () => {
    expect(inertWords(['2.1', 'a b', 'x\ny', '$(id)', '`id`', '*', 'a;b', "it's", 'e\u001b[31m', 'OGP-AZ', '2.1', 'overdue,due-soon'])).toEqual(['2.1', 'OGP-AZ', 'overdue,due-soon']);
  });
});

describe('roadmap __complete', () => {
  it('prints the activity ids of the roadmaps found, one per line', async () => {
    expect(await complete(['done', '2.'])).toEqual({ code: 0, stdout: `${STAGE_2.join('\n')}\n`, stderr: '' });
    expect(lines((await complete(['status', '--stage', ''])).stdout)).toEqual(['I', 'II', 'III']);
    expect(lines((await complete(['check', '--entity', 'OGP'])).stdout)).toEqual(['OGP-AZ', 'OGP-SU']);
  });

  it('honours -r typed on the line and ROADMAP_PATH', async () => {
    const dir = tree({ 'plans/a.yaml': roadmapYaml('      - { id: "7.1", title: T, window: 2019, responsible: A }\n') });
    expect((await complete(['-r', 'plans', 'done', ''], dir)).stdout).toBe('7.1\n');
    expect((await complete(['done', '7'], dir, { ROADMAP_PATH: 'plans' })).stdout).toBe('7.1\n');
  });

  it('prints nothing and exits 0 when the roadmaps cannot be read: no roadmaps, a broken file', async () => {
    expect(await complete(['done', ''], tree({}))).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await complete(['-r', 'missing.yaml', 'done', ''])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await complete(['done', ''], tree({ 'roadmaps/x.yaml': 'schema: 1\nid: [\n' }))).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

describe('roadmap completion', () => {
  it('prints a script for each shell that asks roadmap __complete; an unknown shell is exit 2', async () => {
    for (const shell of ['bash', 'zsh', 'fish']) {
      const r = await run(['completion', shell]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('command roadmap __complete -- ');
    }
    const bad = await run(['completion', 'tcsh']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe("error: command-argument value 'tcsh' is invalid for argument 'shell'. Allowed choices are bash, zsh, fish.\n");
  });
});

/** A directory holding `roadmap` (this checkout's) for PATH, and the script of `shell` in a file. */
async function installed(shell: string): Promise<{ env: NodeJS.ProcessEnv; script: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'roadmap-completion-'));
  mkdirBin(dir);
  const script = path.join(dir, `roadmap.${shell}`);
  writeFileSync(script, (await run(['completion', shell])).stdout);
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${path.join(dir, 'bin')}${path.delimiter}${process.env.PATH}` };
  delete env.ROADMAP_PATH;
  return { env, script };
}

function mkdirBin(dir: string): void {
  spawnSync('mkdir', ['-p', path.join(dir, 'bin')]);
  symlinkSync(path.join(ROOT, 'bin', 'roadmap.js'), path.join(dir, 'bin', 'roadmap'));
}

const has = (shell: string) => spawnSync(shell, ['-c', 'exit 0']).status === 0;

describe.runIf(has('bash'))('in bash', () => {
  /** Completes `line` (cursor at its end) with the function `complete -p roadmap` names. */
  async function tab(line: string): Promise<{ spec: string; reply: string[] }> {
    const { env, script } = await installed('bash');
    const driver = `source "$1"
spec=$(complete -p roadmap)
fn=\${spec##*-F }; fn=\${fn%% *}
COMP_LINE=$2; COMP_POINT=\${#COMP_LINE}
read -r -a COMP_WORDS <<< "$COMP_LINE"
[[ $COMP_LINE == *' ' ]] && COMP_WORDS+=('')
COMP_CWORD=$(( \${#COMP_WORDS[@]} - 1 ))
"$fn" roadmap "\${COMP_WORDS[COMP_CWORD]}" "\${COMP_WORDS[COMP_CWORD-1]}"
echo "$spec"
printf '%s\\n' "\${COMPREPLY[@]}"`;
    const r = spawnSync('bash', ['--norc', '--noprofile', '-c', driver, 'bash', script, line], { cwd: ROOT, env, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const [spec, ...reply] = lines(r.stdout);
    return { spec: spec!, reply };
  }

  it('registers a completion function for roadmap, falling back to file names', async () => {
    expect((await tab('roadmap ')).spec).toBe('complete -o default -F _roadmap_complete roadmap');
  });

  it('completes a command, an option value and an activity id', async () => {
    expect((await tab('roadmap sta')).reply).toEqual(['status', 'start']);
    expect((await tab('roadmap check --fail-on o')).reply).toEqual(['overdue']);
    expect((await tab('roadmap done 2.')).reply).toEqual(STAGE_2);
    expect((await tab('roadmap status --by ')).reply).toEqual(['stage', 'entity', 'assessor']);
  });
});

describe.runIf(has('fish'))('in fish', () => {
  it('completes a command, an option value and an activity id', async () => {
    const { env, script } = await installed('fish');
    const fish = (line: string) => {
      const r = spawnSync('fish', ['--no-config', '-c', `source ${JSON.stringify(script)}; complete -C ${JSON.stringify(line)}`], { cwd: ROOT, env, encoding: 'utf8' });
      expect(r.stderr).toBe('');
      return lines(r.stdout).map((l) => l.split('\t')[0]);
    };
    expect(fish('roadmap sta')).toEqual(['start', 'status']);
    expect(fish('roadmap check --fail-on o')).toEqual(['overdue']);
    expect(fish('roadmap done 2.')).toEqual(STAGE_2);
  });
});

describe.runIf(has('zsh'))('in zsh', () => {
  it('the script is valid zsh', async () => {
    const { script } = await installed('zsh');
    const r = spawnSync('zsh', ['-n', script], { encoding: 'utf8' });
    expect([r.status, r.stderr]).toEqual([0, '']);
  });
});
