/** `status --by assessor`: each assessor's latest ratings, counted per level, in every status format. */
import { describe, expect, it } from 'vitest';
import { spawn } from '../helpers.js';

const status = (...args: string[]) => spawn(['status', '-r', 'examples/city-open-data.yaml', '--today', '2024-11-15', '--by', 'assessor', ...args]);

describe('status --by assessor', () => {
  it('table: one section per assessor with its counts per level', () => {
    const r = status();
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`CITY — City Hall Digital Office (self, entity CITY) · 3 activities
  completion: complete 3
  A1  Launch the open data portal  CITY complete
  A2  Publish the budget monthly  CITY complete
  A3  Open the procurement register  6th month: CITY complete

CSO — Open Data Coalition (alternative, entity CSO) · 2 activities
  completion: substantial 2 · impact: marginal 1
  A1  Launch the open data portal  CSO substantial
  A3  Open the procurement register  6th month: CSO substantial · impact: CSO marginal

PANEL — Independent Review Panel (independent) · 2 activities
  completion: limited 1 · no-evidence 1 · impact: major 1
  A2  Publish the budget monthly  PANEL limited
  A3  Open the procurement register  PANEL no-evidence · impact: PANEL major
`);
  });

  it('markdown: a heading and a table per assessor', () => {
    const r = status('--format', 'markdown');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('###'))).toEqual([
      '### CITY — City Hall Digital Office (self)',
      '### CSO — Open Data Coalition (alternative)',
      '### PANEL — Independent Review Panel (independent)',
    ]);
    expect(r.stdout).toContain('| completion | complete 3 |');
  });

  it('json: the assessors with their counts and activities', () => {
    const doc = JSON.parse(status('--format', 'json').stdout) as { assessors: Array<{ id: string; counts: unknown; activities: string[] }> };
    expect(doc.assessors.map((a) => [a.id, a.counts, a.activities])).toEqual([
      ['CITY', { completion: { complete: 3 } }, ['A1', 'A2', 'A3']],
      ['CSO', { completion: { substantial: 2 }, impact: { marginal: 1 } }, ['A1', 'A3']],
      ['PANEL', { completion: { limited: 1, 'no-evidence': 1 }, impact: { major: 1 } }, ['A2', 'A3']],
    ]);
  });

  it('a roadmap without assessments says so', () => {
    const r = spawn(['status', '--today', '2019-07-15', '--by', 'assessor']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('No assessments recorded.\n');
  });
});
