/** `roadmap check` and `roadmap validate` run as a user would, on the shipped roadmap. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { SHIPPED, spawn, tree } from '../helpers.js';

const F = 'roadmaps/az-ogp-2019-21.yaml';

describe('roadmap check (end to end)', () => {
  it('lists the overdue Stage I and 2.1 activities and exits 1', () => {
    const r = spawn(['check', '--today', '2019-07-15']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    // Stage I's two milestones, due 1 June 2019, fail beside its activities, at the lines of their dates.
    expect(r.stdout).toBe(`az-ogp-2019-21 1.1 · Identifying a high-level government representative who will lead the OGP process in Azerbaijan · overdue 76d · CCC · ${F}:97
az-ogp-2019-21 1.2 · Publishing press release and public announcements in the social networks and media for the preparation of the drafting process of the National Action Plan · overdue 45d · OGP-AZ, CCC · ${F}:102
az-ogp-2019-21 1.3 · Identifying target groups and organizing information sessions for them · overdue 45d · OGP-AZ, NGOS · ${F}:107
az-ogp-2019-21 1.4 · Organizing livestreams in the social media · overdue 45d · OGP-AZ, NGOS · ${F}:115
az-ogp-2019-21 1.5 · Organizing trainings for the promotion of OGP principles for press representatives · overdue 45d · AZACA · ${F}:120
az-ogp-2019-21 stage I deadline [Identifying a high-level government representative (ministerial level) to lead the OGP process in Azerbaijan] · Stage I · Launch of the process · overdue 44d · — · ${F}:90
az-ogp-2019-21 stage I deadline [Initiating the drafting process of the National Action Plan with the participation of all stakeholders] · Stage I · Launch of the process · overdue 44d · — · ${F}:92
az-ogp-2019-21 2.1 · Making announcements on the initiation of the drafting process of the National Action Plan · overdue 15d · CCC, OGP-AZ · ${F}:139

✗ 6 windows failing (overdue) in 6 of 19 activities, and 2 stage deadlines (today 2019-07-15, horizon 14 days)
`);
  });

  it('exits 0 before anything is due', () => {
    expect(spawn(['check', '--today', '2019-03-01']).code).toBe(0);
  });

  it("--format github points each annotation at the activity's line", () => {
    const r = spawn(['check', '--today', '2019-07-15', '--format', 'github', '-q']);
    expect(r.code).toBe(1);
    const yaml = readFileSync(SHIPPED, 'utf8').split('\n');
    const found = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => {
        const m = /^::error file=([^,]+),line=(\d+),col=(\d+),title=az-ogp-2019-21 (stage I deadline|\S+)( \[[^\]]+\])? overdue \d+d::/.exec(l);
        expect(m, l).not.toBeNull();
        expect(m![1]).toBe(F);
        return [m![4], yaml[Number(m![2]) - 1]!.slice(Number(m![3]) - 1)];
      });
    const deadline = ['stage I deadline', '2019-06-01']; // the column of the due date itself
    expect(found).toEqual([...['1.1', '1.2', '1.3', '1.4', '1.5'].map((id) => [id, `id: "${id}"`]), deadline, deadline, ['2.1', 'id: "2.1"']]);
  });

  it('--format junit --output writes a file an XML parser accepts', () => {
    const dir = tree({});
    const out = path.join(dir, 'report.xml');
    const r = spawn(['check', '--today', '2019-07-15', '--format', 'junit', '--output', out]);
    expect(r.code).toBe(1);
    const xml = readFileSync(out, 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    // 22 activity windows and 4 stage deadlines; Stage I's two deadlines fail.
    expect(doc.testsuites).toMatchObject({ tests: '26', failures: '8', skipped: '0' });
    expect(doc.testsuites.testsuite.map((s: { name: string; failures: string }) => [s.name.split(':')[0], s.failures])).toEqual([
      ['az-ogp-2019-21 stage I', '7'],
      ['az-ogp-2019-21 stage II', '1'],
      ['az-ogp-2019-21 stage III', '0'],
    ]);
  });

  it('appends to $GITHUB_STEP_SUMMARY', () => {
    const dir = tree({ 'summary.md': '' });
    spawn(['check', '--today', '2019-07-15'], { env: { GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md') } });
    const summary = readFileSync(path.join(dir, 'summary.md'), 'utf8');
    expect(summary.split('\n')[0]).toBe('## ❌ Roadmap check: 6 windows failing (overdue) in 6 of 19 activities, and 2 stage deadlines');
    expect(summary.split('\n').filter((l) => l.startsWith('| az-ogp-2019-21 '))).toHaveLength(8);
  });

  it('exits 2, never 1, on a YAML syntax error', () => {
    const dir = tree({ 'roadmaps/x.yaml': readFileSync(SHIPPED, 'utf8').replace('responsible: AZACA', 'responsible: [AZACA') });
    const r = spawn(['check', '--today', '2019-07-15'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toBe('roadmaps/x.yaml:126:3: error: Flow sequence in block collection must be sufficiently indented and end with a ]');
    // How many errors the YAML parser reports after the first depends on what follows (here a comment).
    expect(r.stderr.endsWith('\nroadmap: 1 error in 1 file\n')).toBe(true);
  });
});

describe('roadmap validate (end to end)', () => {
  it('validates the shipped roadmap', () => {
    expect(spawn(['validate'])).toMatchObject({ code: 0, stdout: '✓ 1 file checked: no problems\n' });
  });

  it('lists every problem of a broken copy with positions and exits 2', () => {
    const dir = tree({
      'roadmaps/copy.yaml': readFileSync(SHIPPED, 'utf8').replace('id: "1.2"', 'id: "1.1"').replace('responsible: AZACA', 'responsible: AZAC').replace('  - id: III', '  - id: III\n    colour: blue'),
    });
    const r = spawn(['validate'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe(`roadmaps/copy.yaml:102:13: error: duplicate id '1.1': already used at line 97
roadmaps/copy.yaml:124:22: error: unknown entity 'AZAC'; did you mean 'AZACA'?
roadmaps/copy.yaml:186:5: error: unknown key 'colour' in stage

✗ 3 errors in 1 file (1 file checked)
`);
  });
});
