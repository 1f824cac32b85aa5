/** The shipped roadmap says what its source says: stage deadlines, periods, the support of state bodies. */
import { describe, expect, it } from 'vitest';
import { run } from '../helpers.js';

const F = 'roadmaps/az-ogp-2019-21.yaml';

describe('the shipped roadmap, faithful to its source', () => {
  it("shows Stage I's 1 June 2019 deadline overdue on 2 June", async () => {
    const r = await run(['status', '--today', '2019-06-02', '--stage', 'I', '--no-color'], { env: { COLUMNS: '130' } });
    expect(r.stdout.split('\n').slice(0, 4)).toEqual([
      'Stage I · Launch of the process  2019-03-01 → 2019-05-31 · deadline 2019-06-01 overdue 1d',
      '  ◆ 2019-06-01 Identifying a high-level government representative (ministerial level) to lead the OGP process in Azerbaijan',
      '  ◆ 2019-06-01 Initiating the drafting process of the National Action Plan with the participation of all stakeholders',
      '5 overdue',
    ]);
    // Labels are cut to the width.
    expect((await run(['status', '--today', '2019-06-02', '--stage', 'I'], { env: { COLUMNS: '100' } })).stdout.split('\n')[1]).toBe(
      '  ◆ 2019-06-01 Identifying a high-level government representative (ministerial level) to lead the O…',
    );
    // On 1 June it is still due (today).
    expect((await run(['status', '--today', '2019-06-01', '--stage', 'I'])).stdout.split('\n')[0]).toBe('Stage I · Launch of the process  2019-03-01 → 2019-05-31 · deadline 2019-06-01 due today');
  });

  it("fails check on Stage III's implementation deadline the day after 31 August 2021, annotated at its line", async () => {
    const r = await run(['check', '--today', '2021-09-01', '--stage', 'III', '--format', 'github', '-q']);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').filter((l) => l.includes('deadline'))).toEqual([
      `::error file=${F},line=195,col=14,title=az-ogp-2019-21 stage III deadline [Completion of implementation of the National Action Plan] overdue 1d::Stage III · Implementation of the National Action Plan — stage deadline "Completion of implementation of the National Action Plan" 2021-08-31: overdue 1d`,
    ]);
    expect((await run(['check', '--today', '2021-08-31', '--stage', 'III', '--fail-on', 'overdue'])).stdout).not.toContain('deadline');
  });

  it('lists 1.3 under STATE-BODIES as support, counted apart from what it leads', async () => {
    const r = await run(['status', '--today', '2019-05-01', '--entity', 'STATE-BODIES', '--by', 'entity', '--no-color']);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual(['STATE-BODIES · State bodies', '0 led · 1 supported']);
    expect(r.stdout).toContain('│     │ for them (support)  ');
    const byStage = await run(['status', '--today', '2019-05-01', '--entity', 'STATE-BODIES', '--no-color'], { stdoutTTY: true, columns: 200 });
    expect(byStage.stdout).toContain('│ OGP-AZ, NGOS (+ STATE-BODIES) │');
    const json = JSON.parse((await run(['status', '--today', '2019-05-01', '--entity', 'STATE-BODIES', '--format', 'json'])).stdout);
    expect(json.activities.map((a: { id: string; responsible: string[]; support: string[] }) => [a.id, a.responsible, a.support])).toEqual([['1.3', ['OGP-AZ', 'NGOS'], ['STATE-BODIES']]]);
    // An entity that leads and supports: its state counts are of what it leads.
    const ngos = (await run(['status', '--today', '2019-05-01', '--entity', 'NGOS', '--by', 'entity', '--no-color'])).stdout.split('\n');
    expect(ngos.slice(0, 2)).toEqual(['NGOS · Interested NGOs', '2 active, 2 later']);
  });

  it("shows each activity's period under its window", async () => {
    const r = await run(['status', '--today', '2019-07-15', '--stage', 'II', '--no-color'], { stdoutTTY: true, columns: 200 });
    const windows = r.stdout
      .split('\n')
      .filter((l) => l.startsWith('│ '))
      .map((l) => l.split('│')[3]!.trim())
      .filter((c) => !/^\d{4}-|^Window$|^$/.test(c));
    expect(windows).toEqual([
      'June, 2019',
      'June-july, 2019',
      'July- november, 2019',
      'June-august, 2019',
      'September- december, 2019',
      'September- november, 2019',
      'September- december, 2019',
      'December, 2019',
      'December, 2019',
    ]);
  });
});
