/** Ratings in the status views (table, markdown, JSON), only where the roadmaps declare assessors. */
import { describe, expect, it } from 'vitest';
import { reportJson } from '../../src/render/json.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { plain } from '../../src/render/paint.js';
import { renderTable } from '../../src/render/table.js';
import { renderHtml } from '../../src/render/html.js';
import { renderReportMarkdown } from '../../src/render/report-markdown.js';
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
    expect(out).toContain('\nRatings as of today: not(-started) lim(ited) sub(stantial) com(plete) n/e (no evidence); ⚠ disagreement\n3 activities:');
  });

  it('a rating is hidden before its as-of date', () => {
    const ratings = (today: string) =>
      table(today)
        .split('\n')
        .filter((l) => l.startsWith('│ A2'))
        .map((l) => l.split('│').at(-2)!.trim());
    expect(ratings('2024-09-29')).toEqual(['']);
    expect(ratings('2024-09-30')).toEqual(['CITY com']);
  });

  it('narrow terminals get the ratings as a line of each block', () => {
    expect(table('2024-11-15', 60)).toContain('A2  overdue  overdue 46d\n    Publish the budget monthly\n    2024-03-01 → 2024-09-30\n    CITY\n    CITY com · PANEL lim ⚠\n');
  });

  it('no Ratings column, nor legend, for roadmaps without assessments (the shipped one declares assessors, records no rating)', () => {
    const out = renderTable(shippedReport('2019-07-15'), { by: 'stage', width: 120, paint: plain });
    expect(out).not.toContain('Ratings');
  });
});

describe('status markdown', () => {
  it('every latest rating, a target a line', () => {
    expect(renderMarkdown(example('2024-11-15'))).toContain(
      [
        '| ID | Activity | Window | Responsible | State | When | Ratings |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        '| A1 | Launch the open data portal | 2024-01-01 → 2024-06-30 | CITY | 🟢 done | done 2024-06-20 | CITY complete · CSO substantial |',
        '| A2 | Publish the budget monthly | 2024-03-01 → 2024-09-30 | CITY | 🔴 overdue | overdue 46d | CITY complete · PANEL limited ⚠️ |',
        '| A3 | Open the procurement register | 6th month: 2024-06-30<br>12th month: 2024-12-31 | CITY (+ CSO) | ⚪ later | due in 46d | PANEL no-evidence<br>6th month: CITY complete · CSO substantial<br>impact: CSO marginal · PANEL major |',
      ].join('\n'),
    );
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
      by: 'PANEL',
      asOf: '2024-10-15',
      level: 'no-evidence',
      scale: 'completion',
      source: 'https://example.org/panel/review-2024',
      window: null,
      published: null,
      evidence: [],
      note: 'The register was offline during the review',
      line: 54,
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

  it("the summary counts each assessor's latest ratings per scale and level", () => {
    expect((reportJson(example('2024-11-15')).summary as { assessors: unknown }).assessors).toEqual([
      { roadmap: 'city-open-data', id: 'CITY', name: 'City Hall Digital Office', kind: 'self', entity: 'CITY', activities: 3, counts: { completion: { complete: 3 } } },
      { roadmap: 'city-open-data', id: 'CSO', name: 'Open Data Coalition', kind: 'alternative', entity: 'CSO', activities: 2, counts: { completion: { substantial: 2 }, impact: { marginal: 1 } } },
      {
        roadmap: 'city-open-data',
        id: 'PANEL',
        name: 'Independent Review Panel',
        kind: 'independent',
        entity: null,
        activities: 2,
        counts: { completion: { limited: 1, 'no-evidence': 1 }, impact: { major: 1 } },
      },
    ]);
  });

  it('nothing added for roadmaps without assessments', () => {
    const doc = reportJson(shippedReport('2019-07-15'));
    expect(Object.keys(doc.summary)).toEqual(['overdue', 'due-soon', 'active', 'upcoming', 'later', 'done', 'cancelled']);
    expect('assessments' in doc.activities[0]!).toBe(false);
  });
});

describe('report html', () => {
  const html = (today: string) => renderHtml(example(today), { version: '0.0.0' });

  it('ratings side by side per activity, disagreements highlighted', () => {
    const out = html('2024-11-15');
    const a2 = out.split('\n').find((l) => l.includes('data-activity="A2"') && l.startsWith('<tr'))!;
    expect(a2).toContain('<tr class="r-overdue disagreed"');
    expect(a2).toContain(
      '<ul class="ratings"><li class="rating k-self" data-by="CITY" data-level="complete"><abbr title="City Hall Digital Office (self)">CITY</abbr> <span class="level l-complete">complete</span> <span class="rating-date">as of 2024-09-30</span> <a href="https://example.org/city/progress-2024-09" rel="noreferrer">https://example.org/city/progress-2024-09</a></li>',
    );
    expect(a2).toContain(
      '<ul class="disagreements"><li class="disagreement" data-kind="apart">⚠ CITY complete vs PANEL limited: 2 steps apart</li><li class="disagreement" data-kind="complete-but-overdue">⚠ CITY complete (as of 2024-09-30), but overdue 46d</li></ul>',
    );
    const a1 = out.split('\n').find((l) => l.includes('data-activity="A1"') && l.startsWith('<tr'))!;
    expect(a1).toContain('<tr class="r-done" ');
    expect(a1).not.toContain('disagreement');
  });

  it('a per-assessor summary of levels', () => {
    const out = html('2024-11-15');
    expect(out).toContain('<h2 id="h-assessors">Ratings by assessor</h2>');
    expect(out).toContain('<strong class="disagreement-count">2 disagreements</strong>');
    expect(out).toContain(
      '<tr data-assessor="PANEL"><th scope="row">PANEL</th><td dir="auto">Independent Review Panel</td><td>independent</td><td>2</td><td><div class="scale" data-scale="completion"><span class="level l-limited" data-level="limited">1 limited</span> <span class="level l-no-evidence" data-level="no-evidence">1 no-evidence</span></div><div class="scale" data-scale="impact">impact: <span class="level l-major" data-level="major">1 major</span></div></td></tr>',
    );
  });

  it('nothing about ratings without assessors', () => {
    const out = renderHtml(shippedReport('2019-07-15'), { version: '0.0.0' });
    expect(out).not.toContain('h-assessors');
    expect(out).not.toContain('<th scope="col">Ratings</th>');
  });
});

describe('report markdown', () => {
  it('a per-assessor summary and the disagreements', () => {
    expect(renderReportMarkdown(example('2024-11-15'))).toContain(
      [
        '## Ratings by assessor',
        '',
        '| Assessor | Name | Kind | Activities rated | Latest levels |',
        '| --- | --- | --- | --- | --- |',
        '| CITY | City Hall Digital Office | self | 3 | 3 complete |',
        '| CSO | Open Data Coalition | alternative | 2 | 2 substantial<br>impact: 1 marginal |',
        '| PANEL | Independent Review Panel | independent | 2 | 1 limited, 1 no-evidence<br>impact: 1 major |',
        '',
        '**Disagreements between ratings** (2):',
        '',
        '- ⚠️ A2: CITY complete vs PANEL limited: 2 steps apart',
        '- ⚠️ A2: CITY complete (as of 2024-09-30), but overdue 46d',
      ].join('\n'),
    );
  });

  it('none without assessors', () => {
    expect(renderReportMarkdown(shippedReport('2019-07-15'))).not.toContain('Ratings by assessor');
  });
});
