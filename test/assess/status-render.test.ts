/** Ratings in the status views (table, markdown, JSON), only where the roadmaps declare assessors. */
import { describe, expect, it } from 'vitest';
import { reportJson } from '../../src/render/json.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { plain } from '../../src/render/paint.js';
import { renderTable } from '../../src/render/table.js';
import { reportOf, shippedReport } from '../render/support.js';
import { EXAMPLE } from './support.js';

const example = (today: string) => reportOf(EXAMPLE, today, {}, 'examples/city-open-data.yaml');
const table = (today: string, width = 120) => renderTable(example(today), { by: 'stage', width, paint: plain });

describe('status table', () => {
  it('a Ratings column: latest completion ratings in short, the whole activity first, ⚠ on a disagreement', () => {
    const out = table('2024-11-15');
    const rows = out.split('\n').filter((l) => l.startsWith('│'));
    const ratings = rows.map((l) => l.split('│').at(-2)!.trim());
    expect(ratings).toEqual(['Ratings', 'CITY com · CSO sub', '', 'CITY com · PANEL lim ⚠', '', 'PANEL n/e', '6th month: CITY com · CSO sub', '', '', '']);
    expect(out).toContain('\nRatings (latest as of today, completion): not = not-started, lim = limited, sub = substantial, com = complete, n/e = no-evidence; ⚠ = disagreement\n3 activities:');
  });

  it('a rating is hidden before its as-of date', () => {
    const ratings = (today: string) => table(today).split('\n').filter((l) => l.startsWith('│ A2')).map((l) => l.split('│').at(-2)!.trim());
    expect(ratings('2024-09-29')).toEqual(['']);
    expect(ratings('2024-09-30')).toEqual(['CITY com']);
  });

  it('narrow terminals get the ratings as a line of each block', () => {
    expect(table('2024-11-15', 60)).toContain('A2  overdue  overdue 46d\n    Publish the budget monthly\n    2024-03-01 → 2024-09-30\n    CITY\n    CITY com · PANEL lim ⚠\n');
  });

  it('no Ratings column, nor legend, for roadmaps without assessors', () => {
    const out = renderTable(shippedReport('2019-07-15'), { by: 'stage', width: 120, paint: plain });
    expect(out).not.toContain('Ratings');
  });
});

describe('status markdown', () => {
  it('every latest rating, a target a line', () => {
    expect(renderMarkdown(example('2024-11-15'))).toContain([
      '| ID | Activity | Window | Responsible | State | When | Ratings |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      '| A1 | Launch the open data portal | 2024-01-01 → 2024-06-30 | CITY | 🟢 done | done 2024-06-20 | CITY complete · CSO substantial |',
      '| A2 | Publish the budget monthly | 2024-03-01 → 2024-09-30 | CITY | 🔴 overdue | overdue 46d | CITY complete · PANEL limited ⚠️ |',
      '| A3 | Open the procurement register | 6th month: 2024-06-30<br>12th month: 2024-12-31 | CITY | ⚪ later | due in 46d | PANEL no-evidence<br>6th month: CITY complete · CSO substantial<br>impact: CSO marginal · PANEL major |',
    ].join('\n'));
  });

  it('no Ratings column without assessors', () => {
    expect(renderMarkdown(shippedReport('2019-07-15'))).not.toContain('Ratings');
  });
});

describe('JSON', () => {
  it('each activity: assessments (all, hidden ones too), latest, latestRatings, disagreements', () => {
    const doc = reportJson(example('2024-07-15'));
    const a3 = doc.activities.find((a) => a.id === 'A3')!;
    expect(a3.assessments!.map((x) => [x.by, x.asOf, x.scale, x.window, x.level, x.line])).toEqual([
      ['CITY', '2024-06-30', 'completion', '6th month', 'complete', 52],
      ['CSO', '2024-06-30', 'completion', '6th month', 'substantial', 53],
      ['PANEL', '2024-10-15', 'completion', null, 'no-evidence', 54],
      ['CSO', '2024-10-31', 'impact', null, 'marginal', 55],
      ['PANEL', '2024-10-15', 'impact', null, 'major', 56],
    ]);
    expect(a3.assessments![2]).toEqual({
      by: 'PANEL', asOf: '2024-10-15', level: 'no-evidence', scale: 'completion', source: 'https://example.org/panel/review-2024',
      window: null, published: null, evidence: [], note: 'The register was offline during the review', line: 54,
    });
    expect(a3.latest).toEqual({});
    expect(a3.latestRatings).toEqual([
      { by: 'CITY', scale: 'completion', window: '6th month', level: 'complete', asOf: '2024-06-30', line: 52 },
      { by: 'CSO', scale: 'completion', window: '6th month', level: 'substantial', asOf: '2024-06-30', line: 53 },
    ]);
    expect(a3.disagreements).toEqual([]);
    const a1 = doc.activities.find((a) => a.id === 'A1')!;
    expect(a1.latest).toEqual({ CITY: 'complete', CSO: 'limited' });
    expect(a1.disagreements!.map((d) => [d.kind, d.message, d.line])).toEqual([
      ['apart', 'CITY complete vs CSO limited: 2 steps apart', 30],
      ['done-but-rated-low', 'done 2024-06-20, but alternative assessor CSO limited (as of 2024-06-30)', 30],
    ]);
    expect(doc.activities.find((a) => a.id === 'A2')).toMatchObject({ assessments: [{ by: 'CITY' }, { by: 'PANEL' }], latest: {}, latestRatings: [], disagreements: [] });
  });

  it('the summary counts each assessor\'s latest ratings per scale and level', () => {
    expect((reportJson(example('2024-11-15')).summary as { assessors: unknown }).assessors).toEqual([
      { roadmap: 'city-open-data', id: 'CITY', name: 'City Hall Digital Office', kind: 'self', entity: 'CITY', activities: 3, counts: { completion: { complete: 3 } } },
      { roadmap: 'city-open-data', id: 'CSO', name: 'Open Data Coalition', kind: 'alternative', entity: 'CSO', activities: 2, counts: { completion: { substantial: 2 }, impact: { marginal: 1 } } },
      { roadmap: 'city-open-data', id: 'PANEL', name: 'Independent Review Panel', kind: 'independent', entity: null, activities: 2, counts: { completion: { limited: 1, 'no-evidence': 1 }, impact: { major: 1 } } },
    ]);
  });

  it('nothing added for roadmaps without assessors', () => {
    const doc = reportJson(shippedReport('2019-07-15'));
    expect(Object.keys(doc.summary)).toEqual(['overdue', 'due-soon', 'active', 'upcoming', 'later', 'done', 'cancelled']);
    expect('assessments' in doc.activities[0]!).toBe(false);
  });
});
