import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { run, tree } from '../helpers.js';

const DEMO = ['-r', 'test/fixtures/check/demo', '--today', '2024-03-15'];
const F = 'test/fixtures/check/demo/demo.yaml';

describe('roadmap check: exit codes', () => {
  it.each([
    ['overdue windows', [...DEMO], 1],
    ['nothing overdue yet', ['-r', 'test/fixtures/check/demo', '--today', '2024-01-10'], 0],
    ['--fail-on a state nothing is in', [...DEMO, '--fail-on', 'upcoming', '--stage', 'A'], 0],
    ['--fail-on due-soon only', [...DEMO, '--fail-on', 'due-soon'], 1],
    ['filters that leave nothing failing', [...DEMO, '--state', 'active'], 0],
    ['a YAML syntax error', ['-r', 'test/fixtures/check/syntax'], 2],
    ['a path that does not exist', ['-r', 'test/fixtures/check/nowhere'], 2],
    ['a directory without roadmaps', ['-r', 'test/fixtures/check/empty'], 2],
    ['an unknown --fail-on state', [...DEMO, '--fail-on', 'overdu'], 2],
    ['an empty --fail-on', [...DEMO, '--fail-on', ''], 2],
    ['an unknown format', [...DEMO, '--format', 'xml'], 2],
    ['a bad --today', ['-r', 'test/fixtures/check/demo', '--today', '2024-02-30'], 2],
  ])('%s (%j) -> exit %i', async (_what, args, code) => {
    expect((await run(['check', ...args])).code).toBe(code);
  });

  it('says what is wrong with unusable input, naming the place', async () => {
    expect((await run(['check', '-r', 'test/fixtures/check/syntax'])).stderr).toBe(
      'test/fixtures/check/syntax/bad.yaml:7:5: error: Flow sequence in block collection must be sufficiently indented and end with a ]\nroadmap: 1 error in 1 file\n',
    );
    expect((await run(['check', '-r', 'test/fixtures/check/empty'])).stderr).toBe('test/fixtures/check/empty: error: no roadmap files (*.yaml, *.yml) in this directory\nroadmap: 1 error in 1 file\n');
    expect((await run(['check', ...DEMO, '--fail-on', 'overdu'])).stderr).toBe(
      "roadmap: --fail-on: unknown state 'overdu'; did you mean 'overdue'? (states: overdue, due-soon, active, upcoming, later, done, cancelled; or disagreement)\n",
    );
  });
});

describe('roadmap check: each format, exactly', () => {
  it('text: one line per failing window, most urgent first, then the verdict', async () => {
    const r = await run(['check', ...DEMO, '--fail-on', 'overdue,due-soon']);
    expect(r.stdout).toBe(`demo a1 · Write the plan · overdue 15d · OPS · ${F}:14
demo b1 [Q2] · Quarterly reports · overdue 5d · OPS · ${F}:49
demo a2 · Ship the beta · due-soon: due in 5d · WEB, OPS · ${F}:18
demo b1 [Q3] · Quarterly reports · due-soon: due in 10d · OPS · ${F}:51

✗ 4 windows failing (overdue, due-soon) in 3 of 8 activities (today 2024-03-15, horizon 14 days)
`);
    expect(r.stderr).toBe('');
  });

  it('text: nothing failing', async () => {
    const r = await run(['check', '-r', 'test/fixtures/check/demo', '--today', '2024-01-10']);
    expect(r.stdout).toBe('✓ nothing failing (overdue) among 8 activities (today 2024-01-10, horizon 14 days)\n');
  });

  it('text: coloured on a terminal only', async () => {
    const tty = await run(['check', ...DEMO], { stdoutTTY: true });
    expect(tty.stdout).toContain('\u001b[31m\u001b[1moverdue 15d\u001b[22m\u001b[39m');
    expect((await run(['check', ...DEMO], { stdoutTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b');
    expect((await run(['check', ...DEMO])).stdout).not.toContain('\u001b');
  });

  it('github: errors for failing windows, warnings for due-soon ones, at their lines', async () => {
    const r = await run(['check', ...DEMO, '--format', 'github']);
    expect(r.stdout).toBe(`::error file=${F},line=14,col=9,title=demo a1 overdue 15d::Write the plan — overdue 15d (window 2024-01-01 → 2024-02-29; responsible: OPS)
::error file=${F},line=49,col=18,title=demo b1 [Q2] overdue 5d::Quarterly reports — overdue 5d (window 2024-03-10; responsible: OPS)
::warning file=${F},line=18,col=9,title=demo a2 due-soon%3A due in 5d::Ship the beta — due-soon: due in 5d (window 2024-03-20; responsible: WEB, OPS)
::warning file=${F},line=51,col=18,title=demo b1 [Q3] due-soon%3A due in 10d::Quarterly reports — due-soon: due in 10d (window 2024-03-25; responsible: OPS)
`);
    expect(r.stderr).toBe('roadmap check: 2 windows failing (overdue) in 2 of 8 activities; 2 windows due soon (today 2024-03-15, horizon 14 days)\n');
    expect(r.code).toBe(1);
  });

  it('markdown: verdict, counts per stage, failing and due-soon tables', async () => {
    const r = await run(['check', ...DEMO, '--format', 'markdown']);
    expect(r.stdout).toBe(`## ❌ Roadmap check: 2 windows failing (overdue) in 2 of 8 activities; 2 windows due soon

Demo roadmap (demo, revision 1) · today 2024-03-15, horizon 14 days

| Stage | overdue | due-soon | active | upcoming | later | done | cancelled |
| --- | --- | --- | --- | --- | --- | --- | --- |
| A — Build | 1 | 1 | 1 |  |  | 1 | 1 |
| B — Review | 1 |  |  | 1 | 1 |  |  |

### Failing (overdue)

| Activity | Title | Window | State | Responsible | Where |
| --- | --- | --- | --- | --- | --- |
| demo a1 | Write the plan | 2024-01-01 → 2024-02-29 | 🔴 overdue 15d | OPS | ${F}:14 |
| demo b1 \\[Q2\\] | Quarterly reports | 2024-03-10 | 🔴 overdue 5d | OPS | ${F}:49 |

### Due soon

| Activity | Title | Window | State | Responsible | Where |
| --- | --- | --- | --- | --- | --- |
| demo a2 | Ship the beta | 2024-03-20 | 🟠 due-soon: due in 5d | WEB, OPS | ${F}:18 |
| demo b1 \\[Q3\\] | Quarterly reports | 2024-03-25 | 🟠 due-soon: due in 10d | OPS | ${F}:51 |
`);
  });

  it('junit: a testsuite per stage, a testcase per window', async () => {
    const r = await run(['check', ...DEMO, '--format', 'junit']);
    expect(r.stdout).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="roadmap check (fail on overdue, today 2024-03-15)" tests="10" failures="2" skipped="1" errors="0">
  <testsuite name="demo stage A: Build" tests="5" failures="1" errors="0" skipped="1">
    <testcase classname="demo.A" name="a1 Write the plan" file="${F}">
      <failure type="overdue" message="overdue 15d">demo a1: window 2024-01-01 → 2024-02-29, overdue 15d; responsible: OPS; ${F}:14</failure>
    </testcase>
    <testcase classname="demo.A" name="a2 Ship the beta" file="${F}"/>
    <testcase classname="demo.A" name="a3 Run the pilot" file="${F}"/>
    <testcase classname="demo.A" name="a4 Old survey" file="${F}"/>
    <testcase classname="demo.A" name="a5 Dropped idea" file="${F}">
      <skipped message="cancelled: superseded by a3"/>
    </testcase>
  </testsuite>
  <testsuite name="demo stage B: Review" tests="5" failures="1" errors="0" skipped="0">
    <testcase classname="demo.B" name="b1 [Q1] Quarterly reports" file="${F}"/>
    <testcase classname="demo.B" name="b1 [Q2] Quarterly reports" file="${F}">
      <failure type="overdue" message="overdue 5d">demo b1 [Q2]: window 2024-03-10, overdue 5d; responsible: OPS; ${F}:49</failure>
    </testcase>
    <testcase classname="demo.B" name="b1 [Q3] Quarterly reports" file="${F}"/>
    <testcase classname="demo.B" name="b2 Prepare the launch" file="${F}"/>
    <testcase classname="demo.B" name="b3 Autumn campaign" file="${F}"/>
  </testsuite>
</testsuites>
`);
  });

  it('junit: read back by an XML parser, with the right counts and failure types', async () => {
    const r = await run(['check', ...DEMO, '--format', 'junit', '--fail-on', 'overdue,due-soon']);
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) }).parse(r.stdout);
    const suites = doc.testsuites.testsuite;
    expect(suites.map((s: { name: string }) => s.name)).toEqual(['demo stage A: Build', 'demo stage B: Review']);
    expect(doc.testsuites).toMatchObject({ tests: '10', failures: '4', skipped: '1' });
    const cases = suites.flatMap((s: { testcase: unknown[] }) => s.testcase);
    expect(cases).toHaveLength(10);
    const failures = cases.filter((c: { failure?: unknown }) => c.failure).map((c: { name: string; failure: { type: string } }) => [c.name, c.failure.type]);
    expect(failures).toEqual([
      ['a1 Write the plan', 'overdue'],
      ['a2 Ship the beta', 'due-soon'],
      ['b1 [Q2] Quarterly reports', 'overdue'],
      ['b1 [Q3] Quarterly reports', 'due-soon'],
    ]);
    expect(cases.filter((c: { skipped?: unknown }) => c.skipped !== undefined).map((c: { name: string }) => c.name)).toEqual(['a5 Dropped idea']);
    expect(new Set(cases.map((c: { file: string }) => c.file))).toEqual(new Set([F]));
  });

  it('json: the SPEC document of the failing activities, plus failOn and failed', async () => {
    const r = await run(['check', ...DEMO, '--format', 'json']);
    const doc = JSON.parse(r.stdout);
    expect(doc).toEqual({
      today: '2024-03-15',
      horizonDays: 14,
      summary: { overdue: 2, 'due-soon': 1, active: 1, upcoming: 1, later: 1, done: 1, cancelled: 1 },
      roadmaps: [{ id: 'demo', title: 'Demo roadmap', revision: 1, file: F }],
      stages: [
        { roadmap: 'demo', id: 'A', title: 'Build', start: '2024-01-01', end: '2024-06-30', file: F, line: 10, deadlines: [] },
        { roadmap: 'demo', id: 'B', title: 'Review', start: '2024-01-01', end: '2024-12-31', file: F, line: 37, deadlines: [] },
      ],
      activities: [
        {
          roadmap: 'demo',
          stage: 'A',
          id: 'a1',
          title: 'Write the plan',
          responsible: ['OPS'],
          state: 'overdue',
          start: '2024-01-01',
          end: '2024-02-29',
          done: null,
          late: false,
          daysOverdue: 15,
          file: F,
          line: 14,
          windows: [{ label: null, start: '2024-01-01', end: '2024-02-29', state: 'overdue', done: null, started: null, cancelled: null, evidence: [], notes: null, period: null }],
          support: [],
          started: null,
          cancelled: null,
          evidence: [],
          notes: null,
          period: null,
        },
        {
          roadmap: 'demo',
          stage: 'B',
          id: 'b1',
          title: 'Quarterly reports',
          responsible: ['OPS'],
          state: 'overdue',
          start: '2024-03-10',
          end: '2024-03-10',
          done: null,
          late: false,
          daysOverdue: 5,
          file: F,
          line: 41,
          windows: [
            { label: 'Q1', start: '2024-01-31', end: '2024-01-31', state: 'done', done: '2024-01-30', started: null, cancelled: null, evidence: [], notes: null, period: null },
            { label: 'Q2', start: '2024-03-10', end: '2024-03-10', state: 'overdue', done: null, started: null, cancelled: null, evidence: [], notes: null, period: null },
            { label: 'Q3', start: '2024-03-25', end: '2024-03-25', state: 'due-soon', done: null, started: null, cancelled: null, evidence: [], notes: null, period: null },
          ],
          support: [],
          started: null,
          cancelled: null,
          evidence: [],
          notes: null,
          period: null,
        },
      ],
      failOn: ['overdue'],
      failed: true,
    });
    const none = JSON.parse((await run(['check', '-r', 'test/fixtures/check/demo', '--today', '2024-01-10', '--format', 'json'])).stdout);
    expect([none.failed, none.activities, none.failOn]).toEqual([false, [], ['overdue']]);
  });

  it('honours --stage, --entity and --state like status', async () => {
    const ids = async (...args: string[]) =>
      JSON.parse((await run(['check', ...DEMO, '--format', 'json', '--fail-on', 'overdue,due-soon', ...args])).stdout).activities.map((a: { id: string }) => a.id);
    expect(await ids()).toEqual(['a1', 'b1', 'a2']);
    expect(await ids('--stage', 'B')).toEqual(['b1']);
    expect(await ids('--entity', 'Web')).toEqual(['a2']);
    expect(await ids('--state', 'due-soon')).toEqual(['a2']);
    expect((await run(['check', ...DEMO, '--stage', 'Z'])).code).toBe(2);
  });
});

describe('roadmap check --output', () => {
  it('writes the report to the file, the text list to the log, and keeps the exit code', async () => {
    const dir = tree({});
    const r = await run(['check', ...DEMO, '--format', 'junit', '--output', path.join(dir, 'report.xml')]);
    expect(r.code).toBe(1);
    const xml = readFileSync(path.join(dir, 'report.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<failure type="overdue" message="overdue 15d">');
    expect(r.stdout).toBe((await run(['check', ...DEMO])).stdout);
    expect(readdirSync(dir)).toEqual(['report.xml']); // no temporary file left behind
  });

  it('prints annotations to the log inside GitHub Actions, so one run annotates and saves JUnit', async () => {
    const dir = tree({});
    const ok = await run(['check', ...DEMO, '--format', 'junit', '-o', path.join(dir, 'out.xml')], { env: { GITHUB_ACTIONS: 'true' } });
    expect(ok.code).toBe(1);
    expect(
      ok.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.slice(0, 9)),
    ).toEqual(['::error f', '::error f', '::warning', '::warning']);
    expect(readFileSync(path.join(dir, 'out.xml'), 'utf8')).toMatch(/^<\?xml/);
  });

  it('replaces an existing file whole, and exits 2 with a clear message when it cannot write', async () => {
    const dir = tree({ 'report.json': 'old content that is longer than nothing at all' });
    await run(['check', ...DEMO, '--format', 'json', '--output', path.join(dir, 'report.json')]);
    expect(JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')).failed).toBe(true);
    const bad = await run(['check', ...DEMO, '--output', 'test/fixtures/check/no-such-dir/report.txt']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('roadmap: cannot write test/fixtures/check/no-such-dir/report.txt: cannot create a file in no-such-dir/: no such file or directory; no file was created\n');
  });
});

describe('GITHUB_STEP_SUMMARY', () => {
  it('appends the markdown summary after what is already there', async () => {
    const dir = tree({ 'summary.md': '# Earlier step\n' });
    const file = path.join(dir, 'summary.md');
    const r = await run(['check', ...DEMO, '--format', 'github'], { env: { GITHUB_STEP_SUMMARY: file } });
    expect(r.code).toBe(1);
    const markdown = (await run(['check', ...DEMO, '--format', 'markdown'])).stdout;
    expect(readFileSync(file, 'utf8')).toBe(`# Earlier step\n${markdown}`);
  });

  it("stays under GitHub's 1 MiB limit, leaving rows off with a note", async () => {
    const activities = Array.from(
      { length: 400 },
      (_, i) => `      - id: x${i}
        title: ${'Long title '.repeat(20)}${i}
        window: 2024-01
        responsible: A
`,
    ).join('');
    const dir = tree({
      'roadmaps/big.yaml': `schema: 1\nid: big\ntitle: Big\nentities: { A: Alpha }\nstages:\n  - id: S\n    title: S\n    activities:\n${activities}`,
      'summary.md': 'x'.repeat(1024 * 1024 - 20_000),
    });
    const file = path.join(dir, 'summary.md');
    const r = await run(['check', '--today', '2024-03-15', '-q'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: file } });
    expect(r.code).toBe(1);
    const size = readFileSync(file).length;
    expect(size).toBeLessThanOrEqual(1024 * 1024);
    const added = readFileSync(file, 'utf8').slice(1024 * 1024 - 20_000);
    expect(added).toMatch(/^## ❌ Roadmap check: 400 windows failing/);
    expect(added).toMatch(/… and \d+ more windows not shown here/);
    const rows = added.split('\n').filter((l) => l.startsWith('| big x'));
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(400);
  });

  it('warns, and keeps the exit code, when the summary cannot be written', async () => {
    const dir = tree({});
    mkdirSync(path.join(dir, 'a-directory'));
    const r = await run(['check', ...DEMO], { env: { GITHUB_STEP_SUMMARY: path.join(dir, 'a-directory') } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^roadmap: could not add to the job summary \(\$GITHUB_STEP_SUMMARY\): /);
    const full = tree({ 'summary.md': 'x'.repeat(1024 * 1024 - 10) });
    const r2 = await run(['check', ...DEMO], { env: { GITHUB_STEP_SUMMARY: path.join(full, 'summary.md') } });
    expect(r2.stderr).toBe('roadmap: not adding to the job summary: it is nearly full (GitHub takes 1 MiB per step)\n');
    expect(readFileSync(path.join(full, 'summary.md')).length).toBe(1024 * 1024 - 10);
  });
});

describe('roadmap check --format github: the annotation cap', () => {
  it('annotates the 10 most urgent failing and due-soon windows, then counts the rest in one notice', async () => {
    const overdue = Array.from({ length: 12 }, (_, i) => `      - id: o${i + 1}\n        title: Overdue ${i + 1}\n        due: 2024-03-${String(14 - i).padStart(2, '0')}\n        responsible: A\n`);
    const soon = Array.from({ length: 11 }, (_, i) => `      - id: s${i + 1}\n        title: Soon ${i + 1}\n        due: 2024-03-${String(16 + i).padStart(2, '0')}\n        responsible: A\n`);
    // File order is least urgent first, so the output order shows the sorting.
    const dir = tree({
      'roadmaps/many.yaml': `schema: 1\nid: many\ntitle: Many\nentities: { A: Alpha }\nstages:\n  - id: S\n    title: S\n    activities:\n${[...overdue.reverse(), ...soon.reverse()].join('')}`,
    });
    const r = await run(['check', '--today', '2024-03-15', '--format', 'github', '-q'], { cwd: dir });
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(21);
    const titles = lines.slice(0, 20).map((l) => /title=many (\S+) /.exec(l)![1]);
    expect(titles).toEqual([...['o12', 'o11', 'o10', 'o9', 'o8', 'o7', 'o6', 'o5', 'o4', 'o3'], ...['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9', 's10']]);
    expect(lines.slice(0, 10).every((l) => l.startsWith('::error '))).toBe(true);
    expect(lines.slice(10, 20).every((l) => l.startsWith('::warning '))).toBe(true);
    expect(lines[20]).toBe(
      '::notice title=roadmap::2 more failing windows and 1 more window due soon not annotated (GitHub shows 10 of each per step); the job summary and `roadmap check` list them all',
    );
  });
});
