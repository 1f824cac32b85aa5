import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRoadmaps, parseRoadmap } from '../../src/load/index.js';
import { FIXTURES, roadmapYaml, tree } from '../helpers.js';

/** `line:column message` of every problem. */
function problems(text: string): string[] {
  const r = parseRoadmap(text, 'x.yaml');
  expect(r.ok).toBe(false);
  return r.problems.map((p) => `${p.line}:${p.column} ${p.message}`);
}

function ok(text: string) {
  const r = parseRoadmap(text, 'x.yaml');
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('\n'));
  return r.roadmap;
}

const one = (body: string) => roadmapYaml(`      - id: a\n        title: T\n        responsible: A\n${body}`);

describe('reading every form of the format', () => {
  it.each([
    ['window: 2019-03-01..2019-05-31', ['2019-03-01', '2019-05-31']],
    ['window: 2019-03..2019-04', ['2019-03-01', '2019-04-30']],
    ['window: 2019-06', ['2019-06-01', '2019-06-30']],
    ['window: 2019-12-31', ['2019-12-31', '2019-12-31']],
    ['window: 2019', ['2019-01-01', '2019-12-31']],
    ['window: 2019..2020', ['2019-01-01', '2020-12-31']],
    ['window: {start: 2019-03, end: 2019}', ['2019-03-01', '2019-12-31']],
    ['window:\n          start: 2019-03-10\n          end: 2019-04', ['2019-03-10', '2019-04-30']],
    ['due: 2019-12-31', ['2019-12-31', '2019-12-31']],
    ['window: "2019-06"', ['2019-06-01', '2019-06-30']],
  ])('%s', (line, expected) => {
    const r = ok(one(`        ${line}\n`));
    const w = r.stages[0]!.activities[0]!.windows[0]!;
    expect([w.start, w.end]).toEqual(expected);
  });

  it('reads ids as written: 2.10 is "2.10", not 2.1', () => {
    const r = ok(
      roadmapYaml(`      - id: 2.1\n        title: T\n        window: 2019\n      - id: 2.10\n        title: U\n        window: 2019\n      - id: 007\n        title: V\n        window: 2019\n`),
    );
    expect(r.stages[0]!.activities.map((a) => a.id)).toEqual(['2.1', '2.10', '007']);
  });

  it('resolves relative dates to activities and stages, chained and clamped', () => {
    const r = ok(`schema: 1
id: rel
title: Relative
stages:
  - id: P
    title: Prep
    window: 2020-01-31..2020-03-31
    activities:
      - id: "3.1"
        title: Anchor
        window: 2020-01-01..2021-08-31
      - id: "3.3"
        title: Milestones
        windows:
          - { label: 6 months, window: { start: 3.1.start + 5 months, end: 3.1.start + 6 months - 1 day } }
          - { label: after, due: 3.1.end + 1 month }
          - { label: stage, window: { start: P.start + 1 month, end: P.end } }
          - { label: chained, due: 3.3b.end + 2 weeks }
      - id: 3.3b
        title: Depends on 3.3's first window through the stage
        due: P.start - 1 year
`);
    const w = r.stages[0]!.activities[1]!.windows.map((x) => `${x.label}=${x.start}..${x.end}`);
    expect(w).toEqual(['6 months=2020-06-01..2020-06-30', 'after=2021-09-30..2021-09-30', 'stage=2020-02-29..2020-03-31', 'chained=2019-02-14..2019-02-14']);
    expect(r.stages[0]!.activities[1]!.windows[0]!.startText).toBe('3.1.start + 5 months');
  });

  it('derives a stage without a window from its activities', () => {
    const r = ok(roadmapYaml(`      - id: a\n        title: T\n        window: 2019-03\n      - id: b\n        title: U\n        due: 2019-06-15\n`));
    expect([r.stages[0]!.start, r.stages[0]!.end, r.stages[0]!.windowWritten]).toEqual(['2019-03-01', '2019-06-15', false]);
  });

  it('reads entities with aliases, responsible and support, status fields', () => {
    const r = ok(
      one(
        `        support: [Beta]\n        window: 2019\n        done: 2019-05-01\n        started: 2019-01-10\n        evidence: [https://example.org/a]\n        notes: |\n          two\n          lines\n        tags: [x, "y"]\n`,
      ),
    );
    const a = r.stages[0]!.activities[0]!;
    expect(a.responsible).toEqual(['A']);
    expect(a.support).toEqual(['B']);
    expect([a.done, a.started, a.evidence, a.notes, a.tags]).toEqual(['2019-05-01', '2019-01-10', ['https://example.org/a'], 'two\nlines\n', ['x', 'y']]);
    expect(a.windows[0]!.done).toBe('2019-05-01');
    expect(r.entities.get('B')).toMatchObject({ name: 'Beta board', aliases: ['Beta'] });
  });

  it('names an entity once when its id and an alias are both listed', () => {
    const r = ok(one(`        support: [Beta, A, B]\n        window: 2019\n`));
    expect(r.stages[0]!.activities[0]!.support).toEqual(['B', 'A']);
  });

  it('keeps YAML 1.1 surprises out: no is not false, dates stay text, the id 1e3 stays "1e3"', () => {
    const r = ok(roadmapYaml(`      - id: 1e3\n        title: no\n        window: 2019\n        notes: 2019-01-01\n`, 'goals: [yes, off, ~x]\n'));
    expect(r.goals).toEqual(['yes', 'off', '~x']);
    expect(r.stages[0]!.activities[0]).toMatchObject({ id: '1e3', title: 'no', notes: '2019-01-01' });
  });

  it('reads the shipped roadmap completely', async () => {
    const loaded = await loadRoadmaps(['roadmaps']);
    expect(loaded.problems).toEqual([]);
    const r = loaded.roadmaps[0]!;
    expect([r.id, r.revision, r.timezone, r.sources.length, r.goals.length, r.themes.length]).toEqual(['az-ogp-2019-21', 1, 'Asia/Baku', 2, 7, 8]);
    expect(r.stages.map((s) => `${s.id} ${s.start}..${s.end} ${s.activities.length}`)).toEqual(['I 2019-03-01..2019-05-31 5', 'II 2019-06-01..2019-12-31 9', 'III 2020-01-01..2021-12-31 5']);
    expect(r.entities.get('CCC')?.name).toBe('Commission on Combating Corruption of the Republic of Azerbaijan');
    const a33 = r.stages[2]!.activities.find((a) => a.id === '3.3')!;
    expect(a33.windows.map((w) => `${w.start}..${w.end}`)).toEqual(['2020-06-01..2020-06-30', '2020-12-01..2020-12-31', '2021-09-01..2021-11-30']);
  });
});

describe('every problem, with its line and column', () => {
  it.each([
    ['a YAML syntax error', 'schema: 1\nid: x\ntitle: "open\n', ['4:1 Missing closing "quote']],
    ['a second document', 'schema: 1\n---\nid: x\n', ['2:1 a file holds one roadmap: remove the second YAML document']],
    ['an empty file', '', ['1:1 the file is empty: a roadmap needs schema, id, title and stages']],
    ['a list at the top', '- a\n', ['1:1 a roadmap file is a mapping with schema, id, title and stages']],
    ['a newer schema', 'schema: 2\nid: x\n', ['1:9 this file is written for a newer version of roadmap (schema 2); this version reads schema 1: upgrade roadmap']],
    ['schema 0', 'schema: 0\nid: x\n', ['1:9 schema 0 is not a format version of roadmap; use schema: 1']],
    ['a duplicate key', 'schema: 1\nid: x\nid: y\n', ['3:1 Map keys must be unique']],
    ['a custom tag', 'schema: 1\nid: x\ntitle: !!js/function f\nstages: []\n', ['3:8 YAML tags such as !!js/function are not supported: write the value without it']],
  ])('%s', (_what, text, expected) => {
    expect(problems(text)).toEqual(expected);
  });

  it.each([
    ['an unknown key, with a suggestion', '        window: 2019\n        responsibel: A\n', ["15:9 unknown key 'responsibel' in activity; did you mean 'responsible'?"]],
    ['__proto__ is just an unknown key', '        window: 2019\n        __proto__: x\n', ["15:9 unknown key '__proto__' in activity"]],
    ['an invalid calendar date', '        window: 2019-02-30\n', ['14:17 2019-02-30 is not a calendar date']],
    ['an invalid done date', '        window: 2019\n        done: 2019-04-31\n', ['15:15 2019-04-31 is not a calendar date']],
    ['a done that is no date', '        window: 2019\n        done: yes\n', ["15:15 expected a date (YYYY-MM-DD), found 'yes'"]],
    ['end before start', '        window: 2019-04-01..2019-03-01\n', ['14:17 window end 2019-03-01 is before its start 2019-04-01']],
    ['end before start in a mapping', '        window: {start: 2019-05, end: 2019-04}\n', ['14:17 window end 2019-04-30 is before its start 2019-05-01']],
    [
      'an unreadable window',
      '        window: next spring\n',
      ["14:17 cannot read 'next spring' as a date: write a day (2019-03-01), a month (2019-03), a year (2019), a range A..B of those, or {start: A, end: B}"],
    ],
    ['no window', '        notes: x\n', ['11:9 activity a has no window: add window:, due: or windows:']],
    ['two windows', '        window: 2019\n        due: 2019-05-01\n', ['15:14 an activity has one of window, due or windows, not window and due']],
    ['an unknown reference', '        window: {start: 9.9.start, end: 2019}\n', ["14:25 '9.9.start' refers to '9.9', which is no stage or activity of this roadmap"]],
    ['a reference with a suggestion', '        window: {start: S.start, end: 2019}\n', ["14:25 'S.start' refers to 'S', which is no stage or activity of this roadmap; did you mean 'S1'?"]],
    ['a self-reference', '        window: {start: a.end - 1 month, end: 2019}\n', ['14:25 relative dates form a cycle: a -> a']],
    ['an unknown entity', '        window: 2019\n        support: [A, Gamma]\n', ["15:22 unknown entity 'Gamma' (entities: A, B, Beta)"]],
    ['a transposed key', '        window: 2019\n        titel: x\n', ["15:9 unknown key 'titel' in activity; did you mean 'title'?"]],
    ['a wrong type', '        window: 2019\n        tags: x\n', ["15:15 expected a list, found 'x'"]],
    ['cancelled: false', '        window: 2019\n        cancelled: false\n', ["15:20 cancelled takes a reason, not 'false' (remove the key to reopen; to give the reason false, quote it)"]],
    ['cancelled: no', '        window: 2019\n        cancelled: no\n', ["15:20 cancelled takes a reason, not 'no' (remove the key to reopen; to give the reason no, quote it)"]],
    ['cancelled: off', '        window: 2019\n        cancelled: off\n', ["15:20 cancelled takes a reason, not 'off' (remove the key to reopen; to give the reason off, quote it)"]],
    ['cancelled: null', '        window: 2019\n        cancelled: null\n', ["15:20 cancelled takes a reason, not 'null' (remove the key to reopen; to give the reason null, quote it)"]],
    ['cancelled: ~', '        window: 2019\n        cancelled: ~\n', ["15:20 cancelled takes a reason, not '~' (remove the key to reopen; to give the reason ~, quote it)"]],
    ['cancelled: False', '        window: 2019\n        cancelled: False\n', ["15:20 cancelled takes a reason, not 'False' (remove the key to reopen; to give the reason False, quote it)"]],
    ['cancelled: NO', '        window: 2019\n        cancelled: NO\n', ["15:20 cancelled takes a reason, not 'NO' (remove the key to reopen; to give the reason NO, quote it)"]],
    ['cancelled: Off', '        window: 2019\n        cancelled: Off\n', ["15:20 cancelled takes a reason, not 'Off' (remove the key to reopen; to give the reason Off, quote it)"]],
    ['cancelled: NULL', '        window: 2019\n        cancelled: NULL\n', ["15:20 cancelled takes a reason, not 'NULL' (remove the key to reopen; to give the reason NULL, quote it)"]],
    ['cancelled with nothing', '        window: 2019\n        cancelled:\n        notes: x\n', ['15:19 cancelled takes a reason (remove the key to reopen)']],
    ['cancelled: ""', '        window: 2019\n        cancelled: ""\n', ['15:20 cancelled takes a reason (remove the key to reopen)']],
    ["cancelled: '  '", "        window: 2019\n        cancelled: '  '\n", ['15:20 cancelled takes a reason (remove the key to reopen)']],
    [
      'a window cancelled: off',
      '        windows:\n          - { window: 2019, cancelled: off }\n',
      ["15:40 cancelled takes a reason, not 'off' (remove the key to reopen; to give the reason off, quote it)"],
    ],
  ])('%s', (_what, body, expected) => {
    expect(problems(one(body))).toEqual(expected);
  });

  it('takes a quoted word, and any other text, as a reason', () => {
    for (const reason of ['"no"', "'false'", '"~"', '"null"', 'yes', 'true', 'no budget', '"off"']) {
      const r = parseRoadmap(one(`        window: 2019\n        cancelled: ${reason}\n`), 'x.yaml');
      expect([reason, r.ok && r.roadmap.stages[0]!.activities[0]!.cancelled]).toEqual([reason, reason.replace(/^["']|["']$/g, '')]);
    }
  });

  it('a cycle between two activities, and a stage id clashing with an activity id', () => {
    const text = roadmapYaml(`      - id: a\n        title: T\n        due: b.end\n      - id: b\n        title: U\n        due: a.start\n      - id: S1\n        title: V\n        due: 2019\n`);
    expect(problems(text)).toEqual(['16:14 relative dates form a cycle: a -> b -> a', "17:13 duplicate id 'S1': already used at line 8"]);
  });

  it('bounds alias expansion', () => {
    const lines = ['schema: 1', 'id: bomb', 'title: t', 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    const found = problems(`${lines.join('\n')}\nstages: []\n`);
    expect(found).toContain('7:45 aliases expand to more than 10000 nodes');
  });

  it('lists all ten mistakes of one file', () => {
    const text = readFileSync(path.join(FIXTURES, 'ten-mistakes.yaml'), 'utf8');
    expect(problems(text)).toEqual([
      "2:5 'Bad_Id' is not a roadmap id (lower-case letters, digits and -)",
      "4:1 unknown key 'revison' in roadmap; did you mean 'revision'?",
      "5:11 'Mars/Olympus' is not an IANA time zone (e.g. Asia/Baku, Europe/Paris, UTC)",
      '11:13 window end 2019-03-01 is before its start 2019-04-01',
      '15:17 2019-02-30 is not a calendar date',
      "17:13 duplicate id '1.1': already used at line 13",
      "20:22 unknown entity 'Z' (entities: A)",
      "23:26 '9.9.start' refers to '9.9', which is no stage or activity of this roadmap",
      "24:9 unknown key 'donne' in activity; did you mean 'done'?",
      "25:9 activity is missing 'title'",
    ]);
  });

  it('counts columns from the start of the line, with CRLF endings and a byte-order mark', () => {
    const text = '\ufeffschema: 1\r\nid: x\r\ntitle: t\r\nstages:\r\n  - id: S\r\n    title: s\r\n    window: 2019-02-29\r\n';
    expect(problems(text)).toEqual(['7:13 2019-02-29 is not a calendar date']);
    expect(problems('\ufeffschema: 1\nid: X\n')).toContain("2:5 'X' is not a roadmap id (lower-case letters, digits and -)");
  });
});

describe('files, directories and editions', () => {
  const edition = (rev: number, title: string) =>
    `schema: 1\nid: ed\ntitle: ${title}\nrevision: ${rev}\nstages:\n  - id: S\n    title: s\n    activities:\n      - id: a\n        title: t\n        window: 2019\n`;

  it('searches directories recursively and takes the highest revision unless told', async () => {
    const dir = tree({ 'a/one.yaml': edition(1, 'First'), 'b/c/two.yml': edition(2, 'Second'), 'notes.txt': 'x', '.hidden/x.yaml': 'broken: [' });
    const loaded = await loadRoadmaps([dir], { cwd: dir });
    expect(loaded.files).toEqual(['a/one.yaml', 'b/c/two.yml']);
    expect(loaded.roadmaps.map((r) => [r.title, r.file])).toEqual([['Second', 'b/c/two.yml']]);
    const first = await loadRoadmaps([dir], { cwd: dir, revision: 1 });
    expect(first.roadmaps.map((r) => r.title)).toEqual(['First']);
    const none = await loadRoadmaps([dir], { cwd: dir, revision: 3 });
    expect(none.problems.map((p) => p.message)).toEqual(['roadmap ed has no revision 3 (it has 1, 2)']);
  });

  it('refuses two files with the same id and revision', async () => {
    const dir = tree({ 'one.yaml': edition(1, 'A'), 'two.yaml': edition(1, 'B') });
    const loaded = await loadRoadmaps(['.'], { cwd: dir });
    expect(loaded.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`)).toEqual(['two.yaml:1:1 roadmap ed revision 1 is also defined in one.yaml: give one of them another revision']);
  });

  it('says what is wrong with a path', async () => {
    const dir = tree({ 'empty/readme.md': '#', 'bin.yaml': 'a\0b' });
    const loaded = await loadRoadmaps(['missing.yaml', 'empty', 'bin.yaml'], { cwd: dir });
    expect(loaded.problems.map((p) => `${p.file} ${p.message}`)).toEqual([
      'missing.yaml no such file or directory',
      'empty no roadmap files (*.yaml, *.yml) in this directory',
      'bin.yaml not a text file (contains NUL bytes)',
    ]);
  });
});
