import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, run, spawn, tree } from '../helpers.js';

const fixture = (name: string) => readFileSync(path.join(FIXTURES, 'status', name), 'utf8');
const demo = ['-r', 'test/fixtures/status', '--today', '2019-07-15'];

describe('roadmap status (end to end)', () => {
  it('prints a table per stage, fitted to the width, without colour when piped', () => {
    const r = spawn([...demo], { env: { COLUMNS: '100' } });
    expect(r).toEqual({ code: 0, stdout: fixture('table-100.txt'), stderr: '' });
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('is the default command, and global options go before or after it', () => {
    const a = spawn(['--today', '2019-07-15', '-r', 'test/fixtures/status'], { env: { COLUMNS: '100' } });
    const b = spawn(['-r', 'test/fixtures/status', 'status', '--today', '2019-07-15'], { env: { COLUMNS: '100' } });
    expect(a.stdout).toBe(fixture('table-100.txt'));
    expect(b.stdout).toBe(fixture('table-100.txt'));
  });

  it('groups by entity in a narrow terminal as short blocks', () => {
    const r = spawn([...demo, '--by', 'entity'], { env: { COLUMNS: '60' } });
    expect(r.stdout).toBe(fixture('narrow-by-entity.txt'));
  });

  it('prints GitHub-flavoured Markdown', () => {
    expect(spawn([...demo, '--format', 'markdown']).stdout).toBe(fixture('markdown.md'));
  });

  it('filters by stage, entity (or alias) and state', async () => {
    const ids = async (...args: string[]) => JSON.parse((await run([...demo, '--format', 'json', ...args])).stdout).activities.map((a: { id: string }) => a.id);
    expect(await ids('--stage', 'B')).toEqual(['b1', 'b2', 'b3']);
    expect(await ids('--entity', 'PR')).toEqual(['a2', 'a3', 'b2']);
    expect(await ids('--state', 'overdue,due-soon')).toEqual(['a2', 'a3']);
    expect(await ids('--stage', 'A', '--entity', 'OPS', '--state', 'done')).toEqual(['a1']);
    const none = await run([...demo, '--state', 'later']);
    expect(none.stdout).toBe('Nothing to show: no activity matches.\n');
  });

  it('colours states for a terminal, and not with --no-color, NO_COLOR or FORCE_COLOR=0', async () => {
    const tty = await run(demo, { stdoutTTY: true, columns: 120 });
    expect(tty.stdout).toContain('\u001b[31m\u001b[1moverdue\u001b[22m\u001b[39m');
    for (const [args, env] of [
      [['--no-color'], {}],
      [[], { NO_COLOR: '1' }],
      [[], { FORCE_COLOR: '0' }],
    ] as const) {
      const r = await run([...demo, ...args], { stdoutTTY: true, columns: 120, env });
      expect(r.stdout).not.toContain('\u001b[');
    }
    const forced = spawn(demo, { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain('\u001b[31m');
  });

  it('takes today from ROADMAP_TODAY, else from the roadmap time zone', async () => {
    const fromEnv = await run(['-r', 'test/fixtures/status', '--format', 'json'], { env: { ROADMAP_TODAY: '2019-07-15' } });
    expect(JSON.parse(fromEnv.stdout).today).toBe('2019-07-15');
    // 21:30 UTC on the 14th is already the 15th in Baku (UTC+4).
    const zoned = await run(['--format', 'json'], { now: new Date('2019-07-14T21:30:00Z') });
    expect(JSON.parse(zoned.stdout).today).toBe('2019-07-15');
    // A roadmap without a time zone takes the machine's (the suite runs under several TZ).
    const now = new Date('2019-07-14T12:00:00Z');
    const local = await run(['-r', 'test/fixtures/status', '--format', 'json'], { now });
    const expected = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    expect(JSON.parse(local.stdout).today).toBe(expected);
  });
});

describe('the shipped roadmap, at 2019-07-15', () => {
  const r = spawn(['status', '--today', '2019-07-15', '--format', 'json']);
  const doc = JSON.parse(r.stdout);
  const byId = new Map<string, Record<string, unknown>>(doc.activities.map((a: { id: string }) => [a.id, a]));

  it('lists all 19 activities with the states of SPEC §2', () => {
    expect(r.code).toBe(0);
    expect(doc.activities.map((a: { id: string; state: string }) => `${a.id} ${a.state}`)).toEqual([
      '1.1 overdue',
      '1.2 overdue',
      '1.3 overdue',
      '1.4 overdue',
      '1.5 overdue',
      '2.1 overdue',
      '2.2 active',
      '2.3 active',
      '2.4 active',
      '2.5 later',
      '2.6 later',
      '2.7 later',
      '2.8 later',
      '2.9 later',
      '3.1 later',
      '3.2 later',
      '3.3 later',
      '3.4 later',
      '3.5 later',
    ]);
    expect(doc.summary).toEqual({ overdue: 6, 'due-soon': 0, active: 3, upcoming: 0, later: 10, done: 0, cancelled: 0 });
    expect([doc.today, doc.horizonDays]).toEqual(['2019-07-15', 14]);
    expect(doc.roadmaps).toEqual([{ id: 'az-ogp-2019-21', title: 'Roadmap for the development of the 2019-21 OGP action plan', revision: 1, file: 'roadmaps/az-ogp-2019-21.yaml' }]);
  });

  it('gives each activity the fields of SPEC §4', () => {
    const lines = readFileSync('roadmaps/az-ogp-2019-21.yaml', 'utf8').split('\n');
    expect(byId.get('1.1')).toEqual({
      roadmap: 'az-ogp-2019-21',
      stage: 'I',
      id: '1.1',
      title: 'Identifying a high-level government representative who will lead the OGP process in Azerbaijan',
      responsible: ['CCC'],
      state: 'overdue',
      start: '2019-03-01',
      end: '2019-04-30',
      done: null,
      late: false,
      daysOverdue: 76,
      file: 'roadmaps/az-ogp-2019-21.yaml',
      line: lines.findIndex((l) => l.includes('id: "1.1"')) + 1,
      windows: [{ label: null, start: '2019-03-01', end: '2019-04-30', state: 'overdue', done: null, started: null, cancelled: null, evidence: [], notes: null, period: 'March-april, 2019' }],
      support: [],
      started: null,
      cancelled: null,
      evidence: [],
      notes: null,
      period: 'March-april, 2019',
    });
    expect(byId.get('2.2')).toMatchObject({ state: 'active', start: '2019-06-01', end: '2019-07-31', daysLeft: 16 });
    expect(byId.get('3.1')).toMatchObject({ state: 'later', start: '2020-01-01', end: '2021-08-31', daysUntilStart: 170, responsible: ['EXECUTING-AGENCIES'] });
    expect(byId.get('1.3')).toMatchObject({ responsible: ['OGP-AZ', 'NGOS'], support: ['STATE-BODIES'] });
    expect(byId.get('3.3')).toMatchObject({ start: '2020-06-01', end: '2020-06-30', daysUntilStart: 322 });
    expect((byId.get('3.4')!.windows as unknown[]).length).toBe(2);
  });

  it("gives every activity its period in the source's own words", () => {
    // "Period of execution" column of the source, verbatim (spelling and spacing kept).
    expect(Object.fromEntries([...byId].map(([id, a]) => [id, a.period]))).toEqual({
      '1.1': 'March-april, 2019',
      '1.2': 'April-may, 2019',
      '1.3': 'April-may, 2019',
      '1.4': 'April-may, 2019',
      '1.5': 'April-may, 2019',
      '2.1': 'June, 2019',
      '2.2': 'June-july, 2019',
      '2.3': 'July- november, 2019',
      '2.4': 'June-august, 2019',
      '2.5': 'September- december, 2019',
      '2.6': 'September- november, 2019',
      '2.7': 'September- december, 2019',
      '2.8': 'December, 2019',
      '2.9': 'December, 2019',
      '3.1': '01 January 2020 - 31 august 2021',
      '3.2': '01 january- 31 march 2020',
      '3.3': 'On 6th month, 1st year and at the end of the implementation of OGP',
      '3.4': '01 January- 28 february 2021; September - november 2021',
      '3.5': 'December 2021',
    });
  });

  it('lists the stages with their deadlines as of today', () => {
    expect(
      doc.stages.map((s: { id: string; start: string; end: string; deadlines: Array<{ due: string; state: string }> }) => [s.id, s.start, s.end, s.deadlines.map((d) => `${d.due} ${d.state}`)]),
    ).toEqual([
      ['I', '2019-03-01', '2019-05-31', ['2019-06-01 overdue', '2019-06-01 overdue']],
      ['II', '2019-06-01', '2019-12-31', ['2019-12-31 later']],
      ['III', '2020-01-01', '2021-12-31', ['2021-08-31 later']],
    ]);
  });

  it('gives the same answer in every time zone when --today is set', () => {
    for (const TZ of ['UTC', 'Pacific/Kiritimati', 'America/Adak', 'Asia/Baku']) {
      expect(spawn(['status', '--today', '2019-07-15', '--format', 'json'], { env: { TZ } }).stdout).toBe(r.stdout);
    }
  });
});

describe('bad input: exit 2, every problem with its position, no stack trace', () => {
  it('lists all ten mistakes of a file, then a count', () => {
    const dir = tree({ 'bad.yaml': fixture('../ten-mistakes.yaml') });
    const r = spawn(['status', '-r', 'bad.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`bad.yaml:2:5: error: 'Bad_Id' is not a roadmap id (lower-case letters, digits and -)
bad.yaml:4:1: error: unknown key 'revison' in roadmap; did you mean 'revision'?
bad.yaml:5:11: error: 'Mars/Olympus' is not an IANA time zone (e.g. Asia/Baku, Europe/Paris, UTC)
bad.yaml:11:13: error: window end 2019-03-01 is before its start 2019-04-01
bad.yaml:15:17: error: 2019-02-30 is not a calendar date
bad.yaml:17:13: error: duplicate id '1.1': already used at line 13
bad.yaml:20:22: error: unknown entity 'Z' (entities: A)
bad.yaml:23:26: error: '9.9.start' refers to '9.9', which is no stage or activity of this roadmap
bad.yaml:24:9: error: unknown key 'donne' in activity; did you mean 'done'?
bad.yaml:25:9: error: activity is missing 'title'
roadmap: 10 errors in 1 file
`);
  });

  it.each([
    [['--today', '2019-02-30'], 'roadmap: --today "2019-02-30" is not a calendar date (YYYY-MM-DD)\n'],
    [['--horizon', 'soon'], 'roadmap: --horizon expects a whole number >= 0, not "soon"\n'],
    [['--state', 'overdu'], "roadmap: --state: unknown state 'overdu'; did you mean 'overdue'? (states: overdue, due-soon, active, upcoming, later, done, cancelled)\n"],
    [['--stage', 'IV'], "roadmap: unknown stage 'IV'; did you mean 'I' or 'II'?\n"],
    [
      ['--entity', 'CCD'],
      "roadmap: unknown entity 'CCD'; did you mean 'CCC'?\n  entities: CCC, OGP-AZ (alias 'OGP Azerbaijan Platform'), NGOS (alias 'NGO'), STATE-BODIES, AZACA, OGP-SU, TA, EXECUTING-AGENCIES\n",
    ],
    [['--format', 'xml'], "error: option '--format <format>' argument 'xml' is invalid. Allowed choices are table, json, markdown.\n"],
    [['--frobnicate'], "error: unknown option '--frobnicate'\n"],
    [['-r', 'nowhere'], 'nowhere: error: no such file or directory\nroadmap: 1 error in 1 file\n'],
    [['--revision', '2'], 'roadmaps/az-ogp-2019-21.yaml: error: roadmap az-ogp-2019-21 has no revision 2 (it has 1)\nroadmap: 1 error in 1 file\n'],
  ])('roadmap %j', (args, stderr) => {
    const r = spawn(['status', ...args]);
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', stderr]);
  });

  it('names the file and line of a YAML syntax error', () => {
    const dir = tree({ 'roadmaps/x.yaml': 'schema: 1\nid: x\ntitle: [unclosed\n' });
    const r = spawn(['status'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^roadmaps\/x\.yaml:\d+:\d+: error: .+\nroadmap: 1 error in 1 file\n$/);
  });

  it('never falls back to the shipped roadmaps: without roadmaps/ it exits 2 and says how to point at some, -q or not', () => {
    const dir = tree({ 'readme.txt': 'x' });
    const message = `roadmap: no roadmaps found (looked for roadmaps/ in ${dir} only, as it is not inside a git work tree); give --roadmap PATH, set ROADMAP_PATH, or create one with roadmap init\n`;
    expect(spawn(['status', '--today', '2019-07-15', '--format', 'json'], { cwd: dir })).toEqual({ code: 2, stdout: '', stderr: message });
    expect(spawn(['check', '-q', '--today', '2019-07-15'], { cwd: dir })).toEqual({ code: 2, stdout: '', stderr: message });
  });
});

describe('an unexpected error', () => {
  it('says it is a bug, asks for a report, shows the stack and exits 3', async () => {
    const { main } = await import('../../src/cli.js');
    let stderr = '';
    const code = await main(['node', 'roadmap', 'status', '--today', '2019-07-15'], {
      out: () => {
        throw new TypeError('boom');
      },
      err: (t) => void (stderr += t),
      env: {},
      cwd: process.cwd(),
      now: () => new Date(),
      stdoutTTY: false,
      columns: undefined,
      stdinTTY: false,
    });
    expect(code).toBe(3);
    expect(stderr).toMatch(/^roadmap: internal error\. This is a bug in roadmap; please report it with the command you ran\.\n.*--enable-source-maps.*\nTypeError: boom\n\s+at /);
  });
});

it('stops quietly when the reader closes the pipe early', () => {
  const r = spawnSync('bash', ['-c', `node bin/roadmap.js --today 2019-07-15 --format json | head -c 10 >/dev/null; echo "\${PIPESTATUS[0]}"`], { encoding: 'utf8' });
  expect([r.stdout, r.stderr]).toEqual(['0\n', '']);
});
