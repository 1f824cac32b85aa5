/** bin/roadmap's structure edits on a copy of the shipped roadmap in a git repository, and their refusals. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, gitRepo, SHIPPED, spawn } from '../helpers.js';

const FILE = 'roadmaps/az-ogp-2019-21.yaml';
const original = readFileSync(SHIPPED, 'utf8');

function repo(): { dir: string; read: () => string } {
  const dir = gitRepo({ [FILE]: original });
  return { dir, read: () => readFileSync(path.join(dir, FILE), 'utf8') };
}

/** The +/- lines of `git diff`. */
const changed = (dir: string) =>
  git(dir, 'diff', '--no-color')
    .split('\n')
    .filter((l) => /^[-+](?![-+]{2} )/.test(l));

describe('structure edits on the shipped roadmap', () => {
  it('assign 2.5 --responsible CCC changes one line', () => {
    const r = repo();
    expect(spawn(['assign', '2.5', '--responsible', 'CCC'], { cwd: r.dir })).toEqual({ code: 0, stdout: 'az-ogp-2019-21 2.5: responsible CCC\n', stderr: '' });
    expect(changed(r.dir)).toEqual(['-        responsible: OGP-AZ', '+        responsible: CCC']);
  });

  it('add then remove of the same activity leaves the file byte for byte as it was', () => {
    const r = repo();
    const add = spawn(['add', 'II', '--id', '2.10', '--title', 'Publishing the adopted plan', '--window', '2020-01..2020-03', '--responsible', 'CCC', '--support', 'NGOS'], { cwd: r.dir });
    expect(add).toEqual({ code: 0, stdout: 'az-ogp-2019-21 2.10: added to stage II\n', stderr: '' });
    expect(changed(r.dir)).toEqual([
      '+      - id: "2.10"',
      '+        title: Publishing the adopted plan',
      '+        window: 2020-01..2020-03',
      '+        responsible: CCC',
      '+        support: [NGOS]',
    ]);
    expect(spawn(['remove', '2.10'], { cwd: r.dir })).toEqual({ code: 0, stdout: 'az-ogp-2019-21 2.10: removed ("Publishing the adopted plan")\n', stderr: '' });
    expect(r.read()).toBe(original);
  });

  it('add-stage, then add to it, then remove that activity: the stage is back as it was added', () => {
    const r = repo();
    expect(spawn(['add-stage', '--id', 'IV', '--title', 'Evaluation', '--window', '2022-01..2022-06'], { cwd: r.dir }).stdout).toBe('az-ogp-2019-21 IV: stage added\n');
    expect(changed(r.dir)).toEqual(['+  - id: IV', '+    title: Evaluation', '+    window: 2022-01..2022-06', '+']);
    const staged = r.read();
    expect(spawn(['add', 'IV', '--id', '4.1', '--title', 'Evaluation report', '--window', '2022-03', '--responsible', 'CCC'], { cwd: r.dir }).code).toBe(0);
    expect(r.read()).toBe(
      staged.replace(
        '    window: 2022-01..2022-06\n',
        '    window: 2022-01..2022-06\n    activities:\n      - id: "4.1"\n        title: Evaluation report\n        window: 2022-03\n        responsible: CCC\n',
      ),
    );
    expect(spawn(['remove', '4.1'], { cwd: r.dir }).code).toBe(0);
    expect(r.read()).toBe(staged);
  });

  it('--dry-run prints the diff and writes nothing', () => {
    const r = repo();
    const dry = spawn(['set', '2.5', '--title', 'Broadcasts: online TV #1', '--dry-run'], { cwd: r.dir });
    expect(dry.code).toBe(0);
    expect(dry.stdout.split('\n').filter((l) => /^[-+]/.test(l))).toEqual([
      `--- a/${FILE}`,
      `+++ b/${FILE}`,
      '-        title: Organizing online TV and Internet broadcasts',
      '+        title: "Broadcasts: online TV #1"',
    ]);
    expect(r.read()).toBe(original);
  });

  it('a typed title cannot add keys or carry raw controls: it reads back as written', () => {
    const r = repo();
    const title = 'x"\nresponsible: [TA] # \u202Eevil';
    expect(spawn(['set', '2.5', '--title', title], { cwd: r.dir }).code).toBe(0);
    expect(changed(r.dir)).toEqual(['-        title: Organizing online TV and Internet broadcasts', '+        title: "x\\"\\nresponsible: [TA] # \\u202Eevil"']);
    const doc = JSON.parse(spawn(['status', '--format', 'json', '--today', '2019-07-15'], { cwd: r.dir }).stdout);
    expect(doc.activities.find((a: { id: string }) => a.id === '2.5')).toMatchObject({ title, responsible: ['OGP-AZ'] });
  });
});

describe('refusals exit 2, say where, and write nothing', () => {
  it.each([
    [
      'a duplicate activity id',
      ['add', 'II', '--id', '2.9', '--title', 'x', '--window', '2020', '--responsible', 'CCC'],
      `roadmap: ${FILE}:179:9: id 2.9 is taken by activity 2.9 (stage and activity ids share one namespace)\n`,
    ],
    [
      'an id taken by a stage',
      ['add', 'II', '--id', 'III', '--title', 'x', '--window', '2020', '--responsible', 'CCC'],
      `roadmap: ${FILE}:185:5: id III is taken by stage III (stage and activity ids share one namespace)\n`,
    ],
    [
      'an unknown entity, with a suggestion',
      ['assign', '2.5', '--responsible', 'CCX'],
      "roadmap: unknown entity 'CCX'; did you mean 'CCC'? (entities of az-ogp-2019-21: CCC, OGP-AZ, NGOS, STATE-BODIES, AZACA, OGP-SU, TA, EXECUTING-AGENCIES; add one with roadmap add-entity)\n",
    ],
    [
      'an unknown supporting entity in add',
      ['add', 'II', '--id', '2.10', '--title', 'x', '--window', '2020', '--responsible', 'CCC', '--support', 'NGO5'],
      "roadmap: unknown entity 'NGO5'; did you mean 'NGOS'? (entities of az-ogp-2019-21: CCC, OGP-AZ, NGOS, STATE-BODIES, AZACA, OGP-SU, TA, EXECUTING-AGENCIES; add one with roadmap add-entity)\n",
    ],
    [
      'the removal of an activity another one dates itself from',
      ['remove', '3.1'],
      `roadmap: cannot remove activity 3.1: relative dates refer to it:
  ${FILE}:222:30: activity 3.3 (3.1.start + 5 months)
  ${FILE}:222:57: activity 3.3 (3.1.start + 6 months - 1 day)
  ${FILE}:224:30: activity 3.3 (3.1.start + 11 months)
  ${FILE}:224:58: activity 3.3 (3.1.start + 1 year - 1 day)
  ${FILE}:226:30: activity 3.3 (3.1.end + 1 day)
  ${FILE}:226:52: activity 3.3 (3.1.end + 3 months)
change those dates first (roadmap move)
`,
    ],
    ['an empty title', ['set', '2.5', '--title', ' '], 'roadmap: a title cannot be empty\n'],
    [
      'a reversed window',
      ['add', 'II', '--id', '2.10', '--title', 'x', '--window', '2020-03..2020-01', '--responsible', 'CCC'],
      'roadmap: 2020-03..2020-01 ends (2020-01-31) before it starts (2020-03-01)\n',
    ],
    [
      'an unknown stage',
      ['add', 'IIII', '--id', '2.10', '--title', 'x', '--window', '2020', '--responsible', 'CCC'],
      "roadmap: no stage 'IIII' in roadmap az-ogp-2019-21; did you mean 'III'? (stages: I, II, III)\n",
    ],
    ['an unknown activity', ['remove', '2.55'], "roadmap: no activity '2.55' in roadmap az-ogp-2019-21; did you mean '2.5', '1.5', '2.1'?\n"],
    ['a duplicate entity', ['add-entity', 'TA', '--name', 'Transparency'], `roadmap: ${FILE}:72:3: entity TA is already there (Transparency Azerbaijan)\n`],
  ] as Array<[string, string[], string]>)('%s', (_what, args, stderr) => {
    const r = repo();
    expect(spawn(args, { cwd: r.dir })).toEqual({ code: 2, stdout: '', stderr });
    expect(r.read()).toBe(original);
  });
});
