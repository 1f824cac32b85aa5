import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { md } from '../../src/render/markdown.js';
import { FIXTURES, roadmapYaml, run, tree } from '../helpers.js';

const cwd = path.join(FIXTURES, 'diff');

describe('roadmap diff on files', () => {
  it('renders a review comment in Markdown, flagging what needs sign-off', async () => {
    const r = await run(['diff', 'plan-old.yaml', 'plan-new.yaml', '--format', 'markdown', '--fail-on', 'extended,removed'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`## Roadmap changes: plan-old.yaml ⇒ plan-new.yaml

**27 changes** to plan: 2 deadlines extended, 1 brought forward, 3 removed, 3 added, 1 reassigned, 1 support changed, 2 marked done, 1 started, 1 cancelled, 1 reopened, 1 evidence changed, 3 retitled, 1 rewritten, 1 moved stage, 3 entities changed, 2 details changed

⚠️ **5 changes need sign-off** (extended, removed).

### Delivery plan 2024 (plan)

| Item | Change | Before | After |
| --- | --- | --- | --- |
| title | title changed | Delivery plan | Delivery plan 2024 |
| timezone | timezone changed | Europe/Paris | Europe/Berlin |
| revision | revision changed | 1 | 2 |
| MIN | entity renamed | Ministry | Ministry of Finance |
| UNI | entity added | — | University |
| OLD | entity removed | Old office | — |

#### Stage S1 — Preparation and consultation

| ID | Activity | Change | Before | After |
| --- | --- | --- | --- | --- |
| stage S1 |  | stage retitled | Preparation | Preparation and consultation |
| stage S1 |  | ⚠️ deadline extended by 30 days | 2024-01-01 → 2024-03-31 | 2024-01-01 → 2024-04-30 |
| 1.1 | Draft terms | marked done, 5 days late | — | 2024-02-05 |
| 1.1 | Draft terms | evidence added | — | https://example.org/terms |
| 1.2 | Consult the public | retitled | Consult | Consult the public |
| 1.2 | Consult the public | ⚠️ deadline extended by 19 days | 2024-02-01 → 2024-02-20 | 2024-02-01 → 2024-03-10 |
| 1.2 | Consult the public | reassigned | MIN, AG | MIN |
| 1.2 | Consult the public | support changed | NGO | NGO, UNI |
| 1.2 | Consult the public | started | — | 2024-02-01 |
| 1.3 | Publish | deadline brought forward by 10 days | 2024-03-31 | 2024-03-21 |
| 1.4 | Hold hearing | reopened | done 2024-03-20 | open |
| 2.3 | Evaluate | moved to stage S1 | stage S2 | stage S1 |
| 1.5 | Old task | ⚠️ removed | 2024-03-01 → 2024-03-31 · OLD | — |

#### Stage S2 — Delivery

| ID | Activity | Change | Before | After |
| --- | --- | --- | --- | --- |
| 2.1 | Build | window rewritten, same dates | 2024-04..2024-09 | 2024-04-01..2024-09-30 |
| 2.1 | Build | marked done, on time | — | 2024-09-15 |
| 2.2 | Train staff | cancelled | — | no budget |
| 2.4 | Launch | added | — | 2024-12-01 · AG, UNI |

#### Stage S4 — Follow-up

| ID | Activity | Change | Before | After |
| --- | --- | --- | --- | --- |
| stage S4 |  | stage added | — | Follow-up |
| 4.1 | Review | added | — | 2025-06-01 → 2025-06-30 · UNI |

#### Stage S3 — Wrap-up

| ID | Activity | Change | Before | After |
| --- | --- | --- | --- | --- |
| stage S3 |  | ⚠️ stage removed | Wrap-up | — |
| 3.1 | Final report | ⚠️ removed | 2025-01-31 · MIN | — |
`);
    expect(r.stderr).toBe(`roadmap: 5 changes need sign-off (--fail-on extended,removed):
  stage S1: deadline extended by 30 days
  1.2: deadline extended by 19 days
  1.5: removed
  stage S3: stage removed
  3.1: removed
`);
  });

  it('says what changed in periods, stage deadlines and support, as text, and gates them', async () => {
    const r = await run(['diff', 'deadlines-old.yaml', 'deadlines-new.yaml', '--fail-on', 'extended'], { cwd });
    expect(r.code).toBe(1);
    expect(
      r.stdout,
    ).toBe(`deadlines-old.yaml ⇒ deadlines-new.yaml: 10 changes to dl: 1 deadline extended, 1 brought forward, 1 removed, 1 added, 1 support changed, 1 marked done, 1 reopened, 3 periods changed

dl — Deadlines and periods
  Stage I — Launch
    stage I deadline "Representative named"  deadline extended by 14 days: 2019-06-01 ⇒ 2019-06-15
    stage I deadline "Platform opened"       marked done, on time: 2019-05-30
    stage I deadline "Was done"              reopened: done 2019-04-30 ⇒ open
    stage I deadline "Dropped"               deadline removed: 2019-07-01
    stage I deadline "Added"                 deadline added: 2019-08-01
    1.1                                      period: "September- december, 2019" ⇒ "July 2019"
    1.1                                      support changed: B ⇒ C
    1.2 · first                              period: "March" ⇒ "March, 2019"
    1.2 · second                             period removed: "April"
  Stage II — Plan
    stage II deadline  deadline brought forward by 11 days: 2019-10-01 ⇒ 2019-09-20
`);
    expect(r.stderr).toBe(`roadmap: 1 change needs sign-off (--fail-on extended):
  stage I deadline "Representative named": deadline extended by 14 days
`);
  });

  it('says the same in Markdown, flagging what needs sign-off', async () => {
    const r = await run(['diff', 'deadlines-old.yaml', 'deadlines-new.yaml', '--format', 'markdown', '--fail-on', 'reassigned,reopened'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`## Roadmap changes: deadlines-old.yaml ⇒ deadlines-new.yaml

**10 changes** to dl: 1 deadline extended, 1 brought forward, 1 removed, 1 added, 1 support changed, 1 marked done, 1 reopened, 3 periods changed

⚠️ **2 changes need sign-off** (reassigned, reopened).

### Deadlines and periods (dl)

#### Stage I — Launch

| ID | Activity | Change | Before | After |
| --- | --- | --- | --- | --- |
| stage I deadline "Representative named" |  | deadline extended by 14 days | 2019-06-01 | 2019-06-15 |
| stage I deadline "Platform opened" |  | marked done, on time | — | 2019-05-30 |
| stage I deadline "Was done" |  | ⚠️ reopened | done 2019-04-30 | open |
| stage I deadline "Dropped" |  | deadline removed | 2019-07-01 | — |
| stage I deadline "Added" |  | deadline added | — | 2019-08-01 |
| 1.1 | Name a representative | period | "September- december, 2019" | "July 2019" |
| 1.1 | Name a representative | ⚠️ support changed | B | C |
| 1.2 · first | Two rounds | period | "March" | "March, 2019" |
| 1.2 · second | Two rounds | period removed | "April" | — |

#### Stage II — Plan

| ID | Activity | Change | Before | After |
| --- | --- | --- | --- | --- |
| stage II deadline |  | deadline brought forward by 11 days | 2019-10-01 | 2019-09-20 |
`);
  });

  it('gives stage deadline and period changes as typed JSON', async () => {
    const r = await run(['diff', 'deadlines-old.yaml', 'deadlines-new.yaml', '--format', 'json', '--fail-on', 'extended'], { cwd });
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.changes[0]).toEqual({
      kind: 'deadline-moved',
      roadmap: 'dl',
      stage: 'I',
      activity: null,
      window: null,
      deadline: { label: 'Representative named', index: 1 },
      old: '2019-06-01',
      new: '2019-06-15',
      shift: 14,
      gates: ['extended'],
    });
    expect(doc.changes[5]).toEqual({ kind: 'period-changed', roadmap: 'dl', stage: 'I', activity: '1.1', window: null, old: 'September- december, 2019', new: 'July 2019', gates: [] });
    expect(doc.changes[6]).toMatchObject({ kind: 'support-changed', gates: ['reassigned'] });
    expect(doc.changes[8]).toEqual({ kind: 'period-changed', roadmap: 'dl', stage: 'I', activity: '1.2', window: { label: 'second', index: 2 }, old: 'April', new: null, gates: [] });
  });

  it('prints a typed JSON list of changes', async () => {
    const r = await run(['diff', 'anchors-old.yaml', 'anchors-new.yaml', '--format', 'json'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      old: {
        label: 'anchors-old.yaml',
        roadmaps: [
          {
            id: 'anchors',
            title: 'Anchored plan',
            revision: 1,
            schema: 1,
            file: 'anchors-old.yaml',
          },
        ],
      },
      'new': {
        label: 'anchors-new.yaml',
        roadmaps: [
          {
            id: 'anchors',
            title: 'Anchored plan',
            revision: 1,
            schema: 1,
            file: 'anchors-new.yaml',
          },
        ],
      },
      common: ['anchors'],
      count: 4,
      failOn: [],
      failed: false,
      changes: [
        {
          kind: 'window-moved',
          roadmap: 'anchors',
          stage: 'S',
          activity: '1',
          window: null,
          old: {
            start: '2024-01-01',
            end: '2024-06-30',
            startText: '2024-01-01',
            endText: '2024-06-30',
          },
          'new': {
            start: '2023-12-01',
            end: '2024-07-31',
            startText: '2023-12-01',
            endText: '2024-07-31',
          },
          startShift: -31,
          endShift: 31,
          movedWith: [],
          dependants: ['2', '3'],
          gates: ['extended'],
        },
        {
          kind: 'window-moved',
          roadmap: 'anchors',
          stage: 'S',
          activity: '2',
          window: null,
          old: {
            start: '2024-04-01',
            end: '2024-04-30',
            startText: '1.start + 3 months',
            endText: '1.start + 4 months - 1 day',
          },
          'new': {
            start: '2024-03-01',
            end: '2024-03-31',
            startText: '1.start + 3 months',
            endText: '1.start + 4 months - 1 day',
          },
          startShift: -31,
          endShift: -30,
          movedWith: ['1'],
          dependants: [],
          gates: [],
        },
        {
          kind: 'window-moved',
          roadmap: 'anchors',
          stage: 'S',
          activity: '3',
          window: null,
          old: {
            start: '2024-07-30',
            end: '2024-07-30',
            startText: '1.end + 1 month',
            endText: '1.end + 1 month',
          },
          'new': {
            start: '2024-08-31',
            end: '2024-08-31',
            startText: '1.end + 1 month',
            endText: '1.end + 1 month',
          },
          startShift: 32,
          endShift: 32,
          movedWith: ['1'],
          dependants: [],
          gates: ['extended'],
        },
        {
          kind: 'window-rewritten',
          roadmap: 'anchors',
          stage: 'S',
          activity: '4',
          window: null,
          old: {
            start: '2024-07-01',
            end: '2024-08-31',
            startText: '2024-07',
            endText: '2024-08',
          },
          'new': {
            start: '2024-07-01',
            end: '2024-08-31',
            startText: '2024-07-01',
            endText: '2024-08-31',
          },
          gates: [],
        },
      ],
    });
  });

  it('prints one line per change for a terminal, grouped by stage', async () => {
    const r = await run(['diff', 'windows-old.yaml', 'windows-new.yaml'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`windows-old.yaml ⇒ windows-new.yaml: 8 changes to windows: 2 deadlines extended, 2 removed, 1 added, 2 marked done, 1 cancelled

windows — Recurring work
  Stage S — Only stage
    1 · Q3        deadline extended by 15 days: 2024-09-30 ⇒ 2024-10-15
    1 · Q2        window removed: 2024-06-30
    1 · Q4        window added: 2024-12-31
    2 · window 2  deadline extended by 31 days, starts 29 days later: 2024-02-01 → 2024-02-29 ⇒ 2024-03-01 → 2024-03-31
    2 · window 3  window removed: 2024-03-01 → 2024-03-31
    3             cancelled: merged into 1
    4 · round 1   marked done, 15 days late: 2024-02-15
    4 · round 2   marked done, on time: 2024-02-15
`);
  });

  it('compares editions ID@N of the roadmaps found by the usual rule', async () => {
    const edition = (n: number, window: string) => roadmapYaml(`      - id: "1"\n        title: Report\n        window: ${window}\n        responsible: A\n`, `revision: ${n}\n`);
    const dir = tree({ 'roadmaps/demo-1.yaml': edition(1, '2024-03'), 'roadmaps/demo-2.yaml': edition(2, '2024-04') });
    const r = await run(['diff', 'demo@1', 'demo@2'], { cwd: dir });
    expect(r.stdout).toBe(`demo@1 ⇒ demo@2: 2 changes to demo: 1 deadline extended, 1 details changed

demo — Demo roadmap
  revision  revision changed: 1 ⇒ 2
  Stage S1 — First stage
    1  deadline extended by 30 days, starts 31 days later: 2024-03-01 → 2024-03-31 ⇒ 2024-04-01 → 2024-04-30
`);
    // One edition against the working tree, which uses the highest revision (here 2).
    const back = await run(['diff', 'demo@2'], { cwd: dir });
    expect(back.stdout).toBe('demo@2 ⇒ working tree: no changes to demo\n');
    const missing = await run(['diff', 'demo@3', 'demo@1'], { cwd: dir });
    expect([missing.code, missing.stderr]).toEqual([2, 'roadmap: demo@3: roadmap demo has no revision 3 (it has 1, 2)\n']);
  });

  it('keeps roadmap text inert in a terminal and escaped in Markdown', async () => {
    const yaml = (title: string) => roadmapYaml(`      - id: "1"\n        title: "${title}"\n        window: 2024-03\n        responsible: A\n`);
    const dir = tree({ 'old.yaml': yaml('Plain'), 'new.yaml': yaml('Evil \\u001b[31m| <b>x</b> [l](http://x) @team') });
    const text = await run(['diff', 'old.yaml', 'new.yaml'], { cwd: dir });
    expect(text.stdout).toContain('1  retitled: Plain ⇒ Evil \\x1b[31m| <b>x</b> [l](http://x) @team\n');
    const out = (await run(['diff', 'old.yaml', 'new.yaml', '--format', 'markdown'], { cwd: dir })).stdout;
    // Each cell goes through md(): no raw HTML, link, pipe or escape character survives.
    const cell = md('Evil \u001b[31m| <b>x</b> [l](http://x) @team');
    expect(out).toContain(`| 1 | ${cell} | retitled | Plain | ${cell} |\n`);
    expect(cell).toContain('\\|');
    expect(cell).toContain('\\[l\\]');
    expect(out).not.toMatch(/<b>|\u001b|@team/);
  });

  it('escapes C0 and C1 controls, bidi and line separators in JSON, which reads back the same', async () => {
    const yaml = (title: string) => roadmapYaml(`      - id: "1"\n        title: "${title}"\n        window: 2024-03\n        responsible: A\n`);
    const evil = 'E \u009b31m \u202eevil \u2028 \u001b[31m \u0001 \u007f \u0085';
    const written = 'E \\u009b31m \\u202eevil \\u2028 \\u001b[31m \\u0001 \\u007f \\u0085';
    const dir = tree({ 'old.yaml': yaml('Plain'), 'new.yaml': yaml(written) });
    const r = await run(['diff', 'old.yaml', 'new.yaml', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e\u2028]/);
    expect(r.stdout).toContain('"new": "E \\u009b31m \\u202eevil \\u2028 \\u001b[31m \\u0001 \\u007f \\u0085"');
    const change = JSON.parse(r.stdout).changes[0];
    expect([change.kind, change.old, change.new]).toEqual(['activity-retitled', 'Plain', evil]);
  });

  it('colours a terminal: extended and removed in red, done in green', async () => {
    const r = await run(['diff', 'plan-old.yaml', 'plan-new.yaml'], { cwd, stdoutTTY: true });
    expect(r.stdout).toContain('\u001b[31m\u001b[1mdeadline extended by 19 days\u001b[22m\u001b[39m');
    expect(r.stdout).toContain('\u001b[32mmarked done, on time\u001b[39m');
    const off = await run(['diff', 'plan-old.yaml', 'plan-new.yaml', '--no-color'], { cwd, stdoutTTY: true });
    expect(off.stdout).not.toContain('\u001b[');
  });

  it('defaults the new side to the working tree (-r paths)', async () => {
    const r = await run(['-r', 'anchors-new.yaml', 'diff', 'anchors-old.yaml', '--format', 'json'], { cwd });
    expect(JSON.parse(r.stdout).new.label).toBe('working tree');
    expect(JSON.parse(r.stdout).count).toBe(4);
  });

  it.each([
    [['diff', 'plan-old.yaml', 'anchors-old.yaml'], 'roadmap: plan-old.yaml and anchors-old.yaml have no roadmap in common (plan; anchors): compare editions of the same roadmap\n'],
    [['diff', 'plan-old.yaml', 'plan-new.yaml', '--fail-on', 'extnded'], "roadmap: --fail-on: unknown change 'extnded'; did you mean 'extended'? (any of: extended, removed, reassigned, reopened)\n"],
  ])('exit 2: %j', async (args, stderr) => {
    const r = await run(args, { cwd });
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', stderr]);
  });

  it('exit 2 with file:line:col when a side does not parse', async () => {
    const dir = tree({
      'good.yaml': roadmapYaml(`      - id: "1"\n        title: T\n        window: 2024-03\n        responsible: A\n`),
      'bad.yaml': roadmapYaml(`      - id: "1"\n        title: T\n        window: 2024-13\n        responsible: A\n`),
    });
    const r = await run(['diff', 'good.yaml', 'bad.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('bad.yaml:13:17: error: 2024-13 is not a month\nroadmap: 1 error in 1 file\n');
  });
});
