import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { updateFlow } from '../../src/commands/update.js';
import type { Io } from '../../src/shell/io.js';
import { run, SHIPPED, tree } from '../helpers.js';
import { CTRL_C, scripted, type Step } from './script.js';

const FILE = 'roadmaps/az-ogp-2019-21.yaml';

function project() {
  const dir = tree({ [FILE]: readFileSync(SHIPPED, 'utf8') });
  return { dir, read: () => readFileSync(path.join(dir, FILE), 'utf8') };
}

function io(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const value: Io = {
    out: (t) => void out.push(t),
    err: (t) => void err.push(t),
    env: {},
    cwd,
    now: () => new Date('2019-07-15T12:00:00Z'),
    stdoutTTY: true,
    columns: 200,
    stdinTTY: true,
  };
  return { io: value, out: () => out.join(''), err: () => err.join('') };
}

async function flow(steps: Step[], options = { today: '2019-07-15' }) {
  const p = project();
  const t = io(p.dir);
  const ask = scripted(steps);
  const code = await updateFlow(options, t.io, ask);
  expect(ask.left()).toBe(0);
  return { code, p, ask, stdout: t.out(), stderr: t.err() };
}

const ANCHOR = '        window: 2019-03..2019-04\n        responsible: CCC\n';

describe('roadmap update', () => {
  it('marks 1.1 done: activities most urgent first, a refused date, the diff, then the write', async () => {
    const r = await flow([{ search: '' }, { select: 'Mark done' }, { input: '2019-07-16' }, { input: '2019-04-20' }, { input: 'https://example.org/x' }, { confirm: true }]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.ask.log.slice(0, 13)).toEqual([
      'search: Which activity? (type to filter by id, title, state or entity)',
      '  1.1  overdue   overdue 76d       Identifying a high-level government representative who will lead the OGP process in Azerbaijan',
      '  1.2  overdue   overdue 45d       Publishing press release and public announcements in the social networks and media for the preparation of the drafting process of the National Action Plan',
      '  1.3  overdue   overdue 45d       Identifying target groups and organizing information sessions for them',
      '  1.4  overdue   overdue 45d       Organizing livestreams in the social media',
      '  1.5  overdue   overdue 45d       Organizing trainings for the promotion of OGP principles for press representatives',
      '  2.1  overdue   overdue 15d       Making announcements on the initiation of the drafting process of the National Action Plan',
      '  2.2  active    ends in 16d       Arranging online discussions and receiving feedback for the preparation of the National Action Plan',
      '  2.4  active    ends in 47d       Researching international experience and practice for the preparation of the National Action Plan',
      '  2.3  active    ends in 138d      Carrying out public debates on the directions reflected in the Road Map (roundtables, informational sessions, forums)',
      '  2.5  later     starts in 48d     Organizing online TV and Internet broadcasts',
      '  2.6  later     starts in 48d     Organization of media events for promotion of the OGP process',
      '  2.7  later     starts in 48d     Publishing initial draft of the National Action Plan on the relevant internet portal and on the Azerbaijan Open Government Platform website for the discussion.',
    ]);
    expect(r.ask.log.slice(r.ask.log.indexOf('select: What happened?'))).toEqual([
      'select: What happened?',
      '  Mark done',
      '  Record the start',
      '  Cancel (with a reason)',
      '  Reopen (remove done / cancelled) (neither done nor cancelled)',
      '  Move to another window',
      '  Record an assessment',
      '  Add an activity after this one',
      '  Assign (responsible and supporting entities)',
      '  Change title, period, notes or tags',
      '  Remove',
      '  Add a stage after this stage',
      '  Add an entity',
      'input: Done on (YYYY-MM-DD):',
      '  refused: cannot record a completion in the future: today is 2019-07-15',
      'input: Done on (YYYY-MM-DD):',
      'input: Evidence links (optional, separated by spaces):',
      'confirm: Write this change to roadmaps/az-ogp-2019-21.yaml?',
    ]);
    expect(r.stdout).toBe(`--- a/${FILE}
+++ b/${FILE}
@@ -99,6 +99,8 @@
         period: "March-april, 2019"
         window: 2019-03..2019-04
         responsible: CCC
+        done: 2019-04-20
+        evidence: [https://example.org/x]
       - id: "1.2"
         title: Publishing press release and public announcements in the social networks and media for the preparation of the drafting process of the National Action Plan
         period: "April-may, 2019"
az-ogp-2019-21 1.1: done 2019-04-20, evidence +1
`);
    expect(r.p.read()).toBe(readFileSync(SHIPPED, 'utf8').replace(ANCHOR, `${ANCHOR}        done: 2019-04-20\n        evidence: [https://example.org/x]\n`));
  });

  it('clips long titles to the terminal width', async () => {
    const p = project();
    const t = io(p.dir);
    const ask = scripted([{ search: '1.2' }, CTRL_C]);
    await updateFlow({ today: '2019-07-15' }, { ...t.io, columns: 60 }, ask);
    expect(ask.log[1]).toBe('  1.2  overdue   overdue 45d       Publishing press releas…');
    expect(ask.log[1]!.length).toBe(2 + 57);
  });

  it('filters the activities by what is typed', async () => {
    const r = await flow([{ search: 'azaca' }, CTRL_C]);
    expect(r.ask.log.slice(0, 2)).toEqual([
      'search: Which activity? (type to filter by id, title, state or entity)',
      '  1.5  overdue   overdue 45d       Organizing trainings for the promotion of OGP principles for press representatives',
    ]);
  });

  it('asks which window of a multi-window activity, and moves it', async () => {
    const r = await flow([{ search: '3.4' }, { select: 'Move' }, { select: '2.' }, { input: '2021-10..2021-12' }, { confirm: true }]);
    expect(r.code).toBe(0);
    expect(r.ask.log).toContain('  2. final monitoring and report: 2021-09-01 → 2021-11-30  later');
    expect(r.stdout.endsWith('az-ogp-2019-21 3.4 [final monitoring and report]: moved to 2021-10..2021-12 (was 2021-09..2021-11)\n')).toBe(true);
    expect(r.p.read()).toContain('          - label: final monitoring and report\n            window: 2021-10..2021-12\n');
  });

  it.each([
    ['at the first question', [CTRL_C]],
    ['at the confirmation', [{ search: '1.2' }, { select: 'Cancel' }, { input: 'merged into 1.3' }, CTRL_C]],
  ] as Array<[string, Step[]]>)('ends cleanly on Ctrl+C %s: exit 130, nothing written', async (_when, steps) => {
    const r = await flow(steps);
    expect(r.code).toBe(130);
    expect(r.stderr).toBe('roadmap: cancelled; nothing was written\n');
    expect(r.p.read()).toBe(readFileSync(SHIPPED, 'utf8'));
  });

  it('records a completion before the window opens, and refuses a start after today', async () => {
    const r = await flow([{ search: '2.5' }, { select: 'Mark done' }, { input: '2019-07-01' }, { input: '' }, { confirm: true }]);
    expect(r.code).toBe(0);
    expect(r.stdout.endsWith('az-ogp-2019-21 2.5: done 2019-07-01\n')).toBe(true);
    const s = await flow([{ search: '2.1' }, { select: 'Record' }, { input: '2019-08-01' }, { input: '2019-07-10' }, { confirm: true }]);
    expect(s.ask.log).toContain('  refused: cannot record a start in the future: today is 2019-07-15');
    expect(s.stdout.endsWith('az-ogp-2019-21 2.1: started 2019-07-10\n')).toBe(true);
  });

  it('writes nothing when the change is declined', async () => {
    const r = await flow([{ search: '2.1' }, { select: 'Record' }, { input: '' }, { confirm: false }]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('+        started: 2019-07-15\n');
    expect(r.stderr).toBe('roadmap: nothing was written\n');
    expect(r.p.read()).toBe(readFileSync(SHIPPED, 'utf8'));
  });

  it('needs a terminal, and names the commands to use instead', async () => {
    const p = project();
    const r = await run(['update'], { cwd: p.dir, stdoutTTY: true, stdinTTY: false });
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'roadmap: roadmap update asks questions and needs a terminal (stdin and stdout); without one, use roadmap done|start|cancel|reopen|move|assess|assign|set|remove <id> or roadmap add <stage> (see roadmap help done)\n',
    });
  });

  it('adds an activity after the one picked, asking again at a taken id, an empty title, a reversed window, an unknown entity', async () => {
    const r = await flow([
      { search: '2.9' },
      { select: 'Add' },
      { input: '2.9' },
      { input: '2.10' },
      { input: '' },
      { input: 'Publishing the adopted plan' },
      { input: '2020-03..2020-01' },
      { input: '2020-01..2020-03' },
      { input: 'CCX' },
      { input: 'CCC' },
      { input: '' },
      { confirm: true },
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.ask.log.slice(r.ask.log.indexOf('input: Id of the new activity:'))).toEqual([
      'input: Id of the new activity:',
      `  refused: ${FILE}:179:9: id 2.9 is taken by activity 2.9 (stage and activity ids share one namespace)`,
      'input: Id of the new activity:',
      'input: Title:',
      '  refused: give a title',
      'input: Title:',
      'input: Window (e.g. 2020-01..2020-03, 2020-06, 2020-12-31):',
      '  refused: 2020-03..2020-01 ends (2020-01-31) before it starts (2020-03-01)',
      'input: Window (e.g. 2020-01..2020-03, 2020-06, 2020-12-31):',
      'input: Responsible entities (comma-separated):',
      "  refused: unknown entity 'CCX'; did you mean 'CCC'? (entities of az-ogp-2019-21: CCC, OGP-AZ, NGOS, STATE-BODIES, AZACA, OGP-SU, TA, EXECUTING-AGENCIES; add one with roadmap add-entity)",
      'input: Responsible entities (comma-separated):',
      'input: Supporting entities (comma-separated, optional):',
      'confirm: Write this change to roadmaps/az-ogp-2019-21.yaml?',
    ]);
    const last = '        title: Sending the approved version of National Action Plan to the OGP Support Unit\n        period: "December, 2019"\n        window: 2019-12\n        responsible: CCC\n';
    expect(r.p.read()).toBe(
      readFileSync(SHIPPED, 'utf8').replace(last, `${last}      - id: "2.10"\n        title: Publishing the adopted plan\n        window: 2020-01..2020-03\n        responsible: CCC\n`),
    );
    expect(r.stdout.endsWith('az-ogp-2019-21 2.10: added to stage II after 2.9\n')).toBe(true);
  });

  it("adds a stage after the picked activity's stage, asking again at a taken id and a reversed window", async () => {
    const r = await flow([
      { search: '2.9' },
      { select: 'Add a stage' },
      { input: 'III' },
      { input: 'IIa' },
      { input: 'Adoption' },
      { input: '2020-03..2020-01' },
      { input: '2020-01..2020-03' },
      { confirm: true },
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.ask.log.slice(r.ask.log.indexOf('input: Id of the new stage:'))).toEqual([
      'input: Id of the new stage:',
      `  refused: ${FILE}:185:5: id III is taken by stage III (stage and activity ids share one namespace)`,
      'input: Id of the new stage:',
      'input: Title:',
      'input: Window (optional; e.g. 2021-01..2021-06):',
      '  refused: 2020-03..2020-01 ends (2020-01-31) before it starts (2020-03-01)',
      'input: Window (optional; e.g. 2021-01..2021-06):',
      'confirm: Write this change to roadmaps/az-ogp-2019-21.yaml?',
    ]);
    expect(r.p.read()).toBe(readFileSync(SHIPPED, 'utf8').replace('\n  - id: III\n', '\n  - id: IIa\n    title: Adoption\n    window: 2020-01..2020-03\n\n  - id: III\n'));
    expect(r.stdout.endsWith('az-ogp-2019-21 IIa: stage added after II\n')).toBe(true);
  });

  it('adds an entity, asking again at a taken id, an id that is no id and an alias already taken', async () => {
    const r = await flow([
      { search: '1.1' },
      { select: 'Add an entity' },
      { input: 'TA' },
      { input: 'Min of Justice' },
      { input: 'MOJ' },
      { input: 'Ministry of Justice' },
      { input: 'CCC' },
      { input: 'JUSTICE' },
      { confirm: true },
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.ask.log.slice(r.ask.log.indexOf('input: Id of the new entity (e.g. MOJ):'))).toEqual([
      'input: Id of the new entity (e.g. MOJ):',
      '  refused: entity TA is already there (Transparency Azerbaijan)',
      'input: Id of the new entity (e.g. MOJ):',
      "  refused: \"Min of Justice\" is not an entity id: letters, digits, '.', '-' and '_', starting with a letter or digit",
      'input: Id of the new entity (e.g. MOJ):',
      'input: Name:',
      'input: Aliases (comma-separated, optional):',
      '  refused: entity CCC is already there (Commission on Combating Corruption of the Republic of Azerbaijan)',
      'input: Aliases (comma-separated, optional):',
      'confirm: Write this change to roadmaps/az-ogp-2019-21.yaml?',
    ]);
    expect(r.stdout.endsWith('az-ogp-2019-21 MOJ: entity added: Ministry of Justice\n')).toBe(true);
    const added = r.p.read().slice(readFileSync(SHIPPED, 'utf8').indexOf('  EXECUTING-AGENCIES: >-'));
    // An entity with aliases is a mapping; beside one-line neighbours, a flow mapping.
    expect(added.split('\n').slice(0, 5)).toEqual([
      '  EXECUTING-AGENCIES: >-',
      '    State bodies, state-owned companies, companies with government-owned stocks,',
      '    public-legal entities and other entities designated as executing agencies',
      '  MOJ: {name: Ministry of Justice, aliases: [JUSTICE]}',
      '',
    ]);
  });

  it('assigns: the current entities are the defaults, an unknown one is asked again, - removes support', async () => {
    const r = await flow([{ search: '1.3' }, { select: 'Assign' }, { input: '' }, { input: 'STATE-BODY' }, { input: '-' }, { confirm: true }]);
    expect(r.code).toBe(0);
    expect(r.ask.log).toContain(
      "  refused: unknown entity 'STATE-BODY'; did you mean 'STATE-BODIES'? (entities of az-ogp-2019-21: CCC, OGP-AZ, NGOS, STATE-BODIES, AZACA, OGP-SU, TA, EXECUTING-AGENCIES; add one with roadmap add-entity)",
    );
    expect(r.stdout.endsWith('az-ogp-2019-21 1.3: responsible OGP-AZ, NGOS, no support\n')).toBe(true);
    expect(r.p.read()).toBe(readFileSync(SHIPPED, 'utf8').replace('        support: [STATE-BODIES]\n', ''));
  });

  it('changes a title, quoted as YAML needs', async () => {
    const r = await flow([{ search: '2.5' }, { select: 'Change' }, { select: 'Title' }, { input: ' ' }, { input: 'Broadcasts: online TV #1' }, { confirm: true }]);
    expect(r.ask.log).toContain('  refused: give a title');
    expect(r.p.read()).toBe(readFileSync(SHIPPED, 'utf8').replace('title: Organizing online TV and Internet broadcasts', 'title: "Broadcasts: online TV #1"'));
  });

  it('removes an activity, and does not offer to remove one that others date themselves from', async () => {
    const blocked = await flow([{ search: '3.1' }, { select: 'Move' }, CTRL_C]);
    expect(blocked.ask.log).toContain('  Remove (dates of 3.3 refer to it)');
    const r = await flow([{ search: '2.9' }, { select: 'Remove' }, { confirm: true }]);
    expect(r.stdout.endsWith('az-ogp-2019-21 2.9: removed ("Sending the approved version of National Action Plan to the OGP Support Unit")\n')).toBe(true);
    expect(r.p.read()).toBe(
      readFileSync(SHIPPED, 'utf8').replace(
        '      - id: "2.9"\n        title: Sending the approved version of National Action Plan to the OGP Support Unit\n        period: "December, 2019"\n        window: 2019-12\n        responsible: CCC\n',
        '',
      ),
    );
  });
});
