/** `roadmap diff` on assessments: new assessors, rating changes, withdrawn ratings — in text, markdown and JSON. */
import { describe, expect, it } from 'vitest';
import { diffReport } from '../../src/diff/report.js';
import { parseRoadmap } from '../../src/load/parse.js';
import type { Roadmap } from '../../src/model.js';
import { diffJson } from '../../src/render/diff-json.js';
import { renderDiffMarkdown } from '../../src/render/diff-markdown.js';
import { renderDiffText } from '../../src/render/diff-text.js';
import { EXAMPLE } from './support.js';

function parsed(text: string): Roadmap {
  const r = parseRoadmap(text, 'examples/city-open-data.yaml');
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.roadmap;
}

// A later edition: PANEL re-rates A2, CSO's first A1 rating is taken out, CSO rates A2 for the first time, an assessor joins.
const AFTER = EXAMPLE.replace(
  '  PANEL: { name: Independent Review Panel, kind: independent }\n',
  '  PANEL: { name: Independent Review Panel, kind: independent }\n  AUDIT: { name: City Audit Office, kind: independent }\n',
)
  .replace(/ {10}- by: CSO\n {12}as-of: 2024-06-30\n[\s\S]*?note: The portal is online with 12 of the 40 datasets promised\n/, '')
  .replace(
    '          - { by: PANEL, as-of: 2024-10-15, published: 2024-11-01, level: limited, source: https://example.org/panel/review-2024 }\n',
    '          - { by: PANEL, as-of: 2024-10-15, published: 2024-11-01, level: limited, source: https://example.org/panel/review-2024 }\n' +
      '          - { by: PANEL, as-of: 2025-01-31, level: substantial }\n          - { by: CSO, as-of: 2025-01-31, level: substantial }\n',
  );

const report = () => diffReport({ label: 'v1', roadmaps: [parsed(EXAMPLE)] }, { label: 'v2', roadmaps: [parsed(AFTER)] });

describe('diff of ratings', () => {
  it('text', () => {
    expect(renderDiffText(report())).toBe(
      [
        'v1 ⇒ v2: 4 changes to city-open-data: 3 ratings changed, 1 assessor changed',
        '',
        'city-open-data — City open data action plan 2024 (fictional example)',
        '  AUDIT  assessor added: City Audit Office (independent)',
        '  Stage A — Publish the data',
        '    A1  CSO rating withdrawn: limited (as of 2024-06-30)',
        '    A2  PANEL: limited ⇒ substantial (as of 2025-01-31)',
        '    A2  CSO rated: substantial (as of 2025-01-31)',
        '',
      ].join('\n'),
    );
  });

  it('markdown', () => {
    expect(renderDiffMarkdown(report())).toContain(
      [
        '| ID | Activity | Change | Before | After |',
        '| --- | --- | --- | --- | --- |',
        '| A1 | Launch the open data portal | CSO rating withdrawn; as of 2024-06-30 | limited | — |',
        '| A2 | Publish the budget monthly | PANEL; as of 2025-01-31 | limited | substantial |',
        '| A2 | Publish the budget monthly | CSO rated; as of 2025-01-31 | — | substantial |',
      ].join('\n'),
    );
  });

  it('json', () => {
    expect(diffJson(report()).changes).toEqual([
      { kind: 'assessor-added', roadmap: 'city-open-data', stage: null, activity: null, window: null, assessor: 'AUDIT', name: 'City Audit Office', assessorKind: 'independent', gates: [] },
      { kind: 'rating-withdrawn', roadmap: 'city-open-data', stage: 'A', activity: 'A1', window: null, by: 'CSO', scale: 'completion', rated: null, level: 'limited', asOf: '2024-06-30', gates: [] },
      {
        kind: 'rating-changed',
        roadmap: 'city-open-data',
        stage: 'A',
        activity: 'A2',
        window: null,
        by: 'PANEL',
        scale: 'completion',
        rated: null,
        old: 'limited',
        new: 'substantial',
        oldAsOf: '2024-10-15',
        asOf: '2025-01-31',
        gates: [],
      },
      { kind: 'rating-added', roadmap: 'city-open-data', stage: 'A', activity: 'A2', window: null, by: 'CSO', scale: 'completion', rated: null, level: 'substantial', asOf: '2025-01-31', gates: [] },
    ]);
  });

  it('a window and a scale are named', () => {
    const after = EXAMPLE.replace('window: 6th month, level: substantial', 'window: 6th month, level: complete').replace('scale: impact, level: marginal', 'scale: impact, level: major');
    const text = renderDiffText(diffReport({ label: 'v1', roadmaps: [parsed(EXAMPLE)] }, { label: 'v2', roadmaps: [parsed(after)] }));
    expect(text.split('\n').filter((l) => l.startsWith('    '))).toEqual([
      '    A3  CSO · 6th month: substantial ⇒ complete (as of 2024-06-30)',
      '    A3  CSO on impact: marginal ⇒ major (as of 2024-10-31)',
    ]);
  });

  it('no changes when nothing about ratings changed', () => {
    expect(report().changes.length).toBe(4);
    expect(diffReport({ label: 'a', roadmaps: [parsed(EXAMPLE)] }, { label: 'b', roadmaps: [parsed(EXAMPLE)] }).changes).toEqual([]);
  });
});
