import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { initFlow, schemaRef } from '../../src/commands/init.js';
import { parseRoadmap } from '../../src/load/parse.js';
import { perform } from '../../src/shell/effects.js';
import type { Io } from '../../src/shell/io.js';
import type { WriteFs } from '../../src/shell/write.js';
import { ROOT, run, tree } from '../helpers.js';
import { CTRL_C, scripted } from './script.js';

const EXPECTED = `# yaml-language-server: $schema=../schema/roadmap.schema.json
schema: 1
id: city-plan
title: "City plan: open data"
revision: 1
timezone: Europe/Paris

entities:
  CITY: City council
  NGO: Open data NGO

stages:
  - id: "1"
    title: Preparation
    window: 2025-01..2025-03
    # Add the activities of the stage, for example:
    # activities:
    #   - id: "1.1"
    #     title: What is to be done
    #     window: 2025-01..2025-03
    #     responsible: CITY
`;

function io(cwd: string) {
  let out = '';
  let err = '';
  const value: Io = { out: (t) => void (out += t), err: (t) => void (err += t), env: {}, cwd, now: () => new Date('2025-01-10T12:00:00Z'), stdoutTTY: true, columns: 80, stdinTTY: true };
  return { io: value, out: () => out, err: () => err };
}

describe('roadmap init', () => {
  it('asks for id, title, time zone, entities and the first stage, then writes a valid file', async () => {
    const dir = tree({});
    const t = io(dir);
    const ask = scripted([
      { input: 'City Plan' },
      { input: 'city-plan' },
      { input: 'City plan: open data' },
      { input: 'Mars/Olympus' },
      { input: 'Europe/Paris' },
      { input: 'CITY' },
      { input: 'City council' },
      { input: 'NGO' },
      { input: 'Open data NGO' },
      { input: '' },
      { input: '1' },
      { input: 'Preparation' },
      { input: '2025-03..2025-01x' },
      { input: '2025-01..2025-03' },
      { input: '' },
      { confirm: true },
    ]);
    expect(await perform(await initFlow({}, t.io, ask), t.io)).toBe(0);
    expect(ask.left()).toBe(0);
    expect(ask.log.filter((l) => l.startsWith('  refused'))).toEqual([
      '  refused: lower-case letters, digits and -, starting with a letter or digit (e.g. my-plan-2025)',
      "  refused: 'Mars/Olympus' is not an IANA time zone (e.g. Europe/Paris, Asia/Baku, UTC)",
      "  refused: cannot read '2025-01x' as a date: write a day (2019-03-01), a month (2019-03), a year (2019), a range A..B of those, or {start: A, end: B}",
    ]);
    expect(ask.log).toContain('input: File to create:');
    const written = readFileSync(path.join(dir, 'roadmaps/city-plan.yaml'), 'utf8');
    expect(written).toBe(EXPECTED);
    expect(parseRoadmap(written, 'x.yaml').ok).toBe(true);
    expect(t.out().endsWith('created roadmaps/city-plan.yaml\n')).toBe(true);
  });

  it('does the same from flags alone, without a terminal', async () => {
    const dir = tree({ 'schema/roadmap.schema.json': '{}' });
    const r = await run(
      [
        'init',
        '--id',
        'city-plan',
        '--title',
        'City plan: open data',
        '--timezone',
        'Europe/Paris',
        '--entity',
        'CITY=City council',
        '--entity',
        'NGO = Open data NGO',
        '--stage-id',
        '1',
        '--stage-title',
        'Preparation',
        '--stage-window',
        '2025-01..2025-03',
      ],
      { cwd: dir },
    );
    expect(r).toEqual({ code: 0, stdout: 'created roadmaps/city-plan.yaml\n', stderr: '' });
    expect(readFileSync(path.join(dir, 'roadmaps/city-plan.yaml'), 'utf8')).toBe(EXPECTED);
  });

  it('ends cleanly on Ctrl+C: exit 130 and no file', async () => {
    const dir = tree({});
    const t = io(dir);
    const code = await perform(await initFlow({}, t.io, scripted([{ input: 'city-plan' }, { input: 'City plan' }, CTRL_C])), t.io);
    expect(code).toBe(130);
    expect(t.err()).toBe('roadmap: cancelled; nothing was written\n');
    expect(existsSync(path.join(dir, 'roadmaps'))).toBe(false);
  });

  it.each([
    [
      ['init'],
      'roadmap: roadmap init asks questions and needs a terminal (stdin and stdout); without one, use the flags: roadmap init --id <id> --title <title> [--timezone <zone>] [--entity ID=Name]... [--stage-title <title>] [--output <file>]\n',
    ],
    [['init', '--id', 'Bad Id', '--title', 't'], 'roadmap: --id "Bad Id": lower-case letters, digits and -, starting with a letter or digit (e.g. my-plan-2025)\n'],
    [['init', '--id', 'x', '--title', 't', '--entity', 'CITY'], 'roadmap: --entity "CITY": write ID=Full name, e.g. --entity "MOF=Ministry of Finance"\n'],
    [['init', '--id', 'x', '--title', 't', '--timezone', 'Nowhere'], 'roadmap: --timezone "Nowhere": \'Nowhere\' is not an IANA time zone (e.g. Europe/Paris, Asia/Baku, UTC)\n'],
    [['init', '--id', 'x', '--title', 't', '--output', 'taken.yaml'], 'roadmap: taken.yaml already exists; choose another file with --output\n'],
  ])('refuses %j with exit 2', async (args, stderr) => {
    const dir = tree({ 'taken.yaml': 'keep\n' });
    const r = await run(args, { cwd: dir });
    expect(r).toEqual({ code: 2, stdout: '', stderr });
    expect(readFileSync(path.join(dir, 'taken.yaml'), 'utf8')).toBe('keep\n');
  });

  it("points the modeline at this package's schema inside its repository, else at ../schema with a tip", async () => {
    expect(schemaRef(path.join(ROOT, 'roadmaps', 'new.yaml'), ROOT)).toEqual({ path: '../schema/roadmap.schema.json' });
    expect(schemaRef(path.join(ROOT, 'test', 'fixtures', 'x', 'new.yaml'), ROOT)).toEqual({ path: '../../../schema/roadmap.schema.json' });
    const installed = tree({ 'node_modules/roadmap-tracker/schema/roadmap.schema.json': '{}' });
    mkdirSync(path.join(installed, 'plans', 'y'), { recursive: true });
    expect(schemaRef(path.join(installed, 'plans', 'y', 'new.yaml'), installed)).toEqual({ path: '../../node_modules/roadmap-tracker/schema/roadmap.schema.json' });
    const bare = tree({});
    expect(schemaRef(path.join(bare, 'roadmaps', 'new.yaml'), bare)).toEqual({
      path: '../schema/roadmap.schema.json',
      tip: "the file's schema line points at ../schema/roadmap.schema.json; create it with: mkdir -p schema && roadmap schema > schema/roadmap.schema.json",
    });
    expect(schemaRef(path.join(bare, 'my plans', 'new.yaml'), path.join(bare, 'my plans'))).toEqual({
      path: '../schema/roadmap.schema.json',
      tip: "the file's schema line points at ../schema/roadmap.schema.json; create it with: mkdir -p ../schema && roadmap schema > ../schema/roadmap.schema.json",
    });
    expect(schemaRef(path.join(bare, 'my plans', 'sub', 'new.yaml'), bare).tip).toBe(
      "the file's schema line points at ../schema/roadmap.schema.json; create it with: mkdir -p 'my plans/schema' && roadmap schema > 'my plans/schema/roadmap.schema.json'",
    );
    const r = await run(['init', '--id', 'x', '--title', 'X', '--dry-run', '--output', path.join(ROOT, 'roadmaps', 'x.yaml')], { cwd: bare });
    expect(r.stdout.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/roadmap.schema.json');
    expect(existsSync(path.join(ROOT, 'roadmaps', 'x.yaml'))).toBe(false);
  });

  it('asks again, at the question, for a duplicate entity id, a reversed or relative window, a bad id or time zone', async () => {
    const dir = tree({});
    const t = io(dir);
    const ask = scripted([
      { input: 'Bad Id' },
      { input: 'city-plan' },
      { input: 'City plan' },
      { input: 'Europe/Pariss' },
      { input: 'Europe/Paris' },
      { input: 'CITY' },
      { input: 'City council' },
      { input: 'CITY' },
      { input: 'bad id' },
      { input: 'NGO' },
      { input: 'Open data NGO' },
      { input: '' },
      { input: '1' },
      { input: 'Preparation' },
      { input: '2025-03..2025-01' },
      { input: '1.start..1.end' },
      { input: '2025-01..2025-03' },
      { input: '' },
      { confirm: true },
    ]);
    expect(await perform(await initFlow({ entity: ['MOF=Ministry of Finance'] }, t.io, ask), t.io)).toBe(0);
    expect(ask.left()).toBe(0);
    expect(ask.log.filter((l) => l.startsWith('  refused'))).toEqual([
      '  refused: lower-case letters, digits and -, starting with a letter or digit (e.g. my-plan-2025)',
      "  refused: 'Europe/Pariss' is not an IANA time zone (e.g. Europe/Paris, Asia/Baku, UTC)",
      '  refused: CITY is already an entity of this roadmap: give another id (empty when done)',
      "  refused: letters, digits, '.', '-' and '_' (e.g. MOF)",
      '  refused: it ends (2025-01-31) before it starts (2025-03-01)',
      '  refused: write dates here (a day, a month or a year): there is nothing yet to count from',
    ]);
    const written = readFileSync(path.join(dir, 'roadmaps/city-plan.yaml'), 'utf8');
    expect(written).toContain('entities:\n  MOF: Ministry of Finance\n  CITY: City council\n  NGO: Open data NGO\n');
    expect(parseRoadmap(written, 'x.yaml').ok).toBe(true);
  });

  it.each([
    [['--entity', 'A=Alpha', '--entity', 'A=Another'], 'roadmap: --entity "A=Another": A is given twice\n'],
    [['--stage-window', '2025-03..2025-01'], 'roadmap: --stage-window "2025-03..2025-01": it ends (2025-01-31) before it starts (2025-03-01)\n'],
    [['--stage-window', 'I.start + 1 month'], 'roadmap: --stage-window "I.start + 1 month": write dates here (a day, a month or a year): there is nothing yet to count from\n'],
  ])("refuses %j with exit 2, in the user's words", async (args, stderr) => {
    const dir = tree({});
    const r = await run(['init', '--id', 'x', '--title', 'X', ...args], { cwd: dir });
    expect(r).toEqual({ code: 2, stdout: '', stderr });
    expect(existsSync(path.join(dir, 'roadmaps'))).toBe(false);
  });

  it('keeps the answers in a draft next to the target when the file cannot be written', async () => {
    const dir = tree({});
    const t = io(dir);
    const ask = scripted([{ input: 'city-plan' }, { input: 'City plan' }, { input: '' }, { input: '' }, { input: '' }, { input: '' }, { input: '' }, { input: '' }, { confirm: true }]);
    const fs: WriteFs = {
      ...fsp,
      rename: async () => {
        throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
      },
    };
    await expect(initFlow({ timezone: 'UTC' }, t.io, ask, { fs }).then((o) => perform(o, t.io))).rejects.toThrow(
      'cannot write roadmaps/city-plan.yaml: no space left on device; no file was created; your answers are kept in roadmaps/city-plan.yaml.draft (rename it to roadmaps/city-plan.yaml when you can)',
    );
    expect(existsSync(path.join(dir, 'roadmaps/city-plan.yaml'))).toBe(false);
    const draft = readFileSync(path.join(dir, 'roadmaps/city-plan.yaml.draft'), 'utf8');
    expect(draft.split('\n').slice(1, 6)).toEqual(['schema: 1', 'id: city-plan', 'title: City plan', 'revision: 1', 'timezone: UTC']);
    expect(parseRoadmap(draft, 'x.yaml').ok).toBe(true);
  });

  it('prints the draft when not even the draft can be written', async () => {
    const dir = tree({ roadmaps: 'a file in the way\n' });
    const t = io(dir);
    const ask = scripted([{ input: 'city-plan' }, { input: 'City plan' }, { input: '' }, { input: '' }, { input: '' }, { input: '' }, { input: '' }, { input: '' }, { confirm: true }]);
    await expect(initFlow({ timezone: 'UTC' }, t.io, ask).then((o) => perform(o, t.io))).rejects.toThrow(
      /^cannot create the directory roadmaps: .+; the new file's text is printed above: copy it from there$/,
    );
    expect(
      t
        .out()
        .endsWith(
          '\n# yaml-language-server: $schema=../schema/roadmap.schema.json\nschema: 1\nid: city-plan\ntitle: City plan\nrevision: 1\ntimezone: UTC\n\nstages:\n  - id: I\n    title: First stage\n    # Add the activities of the stage, for example:\n    # activities:\n    #   - id: "1.1"\n    #     title: What is to be done\n    #     window: 2025-03..2025-04\n    #     responsible: ENTITY-ID\n',
        ),
    ).toBe(true);
  });
});
