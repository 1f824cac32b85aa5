import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderReportMarkdown } from '../../src/render/report-markdown.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES } from '../helpers.js';
import { hostileReport, reportOf, shippedReport } from './support.js';

describe('renderReportMarkdown', () => {
  const doc = renderReportMarkdown(shippedReport('2019-10-01'));
  const lines = doc.split('\n');

  it('is a document: title, as-of line, summary, timeline, stages, entities, sources', () => {
    expect(lines.slice(0, 3)).toEqual([
      '# Roadmap status: Roadmap for the development of the 2019-21 OGP action plan',
      '',
      'Status on **2019-10-01** (horizon 14 days) · az-ogp-2019-21, revision 1, published 2019-02-27 (roadmaps/az-ogp-2019-21.yaml)',
    ]);
    expect(lines.filter((l) => l.startsWith('## '))).toEqual(['## Summary', '## Timeline', '## By stage', '## By responsible entity', '## Sources']);
    // 3 stages; 7 responsible entities and STATE-BODIES, which supports 1.3.
    expect(lines.filter((l) => l.startsWith('### ')).length).toBe(3 + 8);
    expect(doc).toContain('| State | Activities |\n| --- | --- |\n| 🔴 overdue | 8 |\n| 🔵 active | 4 |\n| ⚪ later | 7 |\n| **total** | **19** |');
    expect(doc).toContain('```mermaid\ngantt\n');
    expect(lines.at(-2)).toBe('- <http://ogp.org.az/az/index.php/2019/02/25/yeni-aciq-hokumet-milli-fealiyyet-planinin-hazirlanmasi-uzre-yol-xeritesinin-muzakiresi-kecirilir/>');
  });

  it('reuses the sections of status --format markdown', () => {
    const status = renderMarkdown(shippedReport('2019-10-01'), 'entity');
    const section = status.slice(status.indexOf('### CCC'), status.indexOf('### OGP-AZ'));
    expect(doc).toContain(section);
  });

  it('escapes hostile text and links only http(s)', () => {
    const hostile = renderReportMarkdown(hostileReport('2019-07-15'));
    expect(hostile.split('\n')[0]).toBe(`# Roadmap status: &lt;script&gt;alert('t')&lt;/script&gt; &amp; "quotes" roadmap`);
    expect(hostile).not.toMatch(/<(?!https?:\/\/|br>)[a-z/]/i); // the only angle brackets are autolinks and line breaks between windows
    expect(hostile).toContain('- 1 — evidence: <https://example.org/e?x=1&y=%222%22>, javascript:alert(1), data:text/html,&lt;b&gt;x&lt;/b&gt;, <http://example.org/ok>');
    expect(hostile).toContain('| 5 | 🚀 Launch 👩‍👩‍👧 family 古文 emoji: done; \\#1 |');
  });

  it('says when nothing matches', () => {
    const empty = renderReportMarkdown(shippedReport('2019-10-01', { stages: ['I'], states: ['active'] }));
    expect(empty).toContain('\nNothing to show: no activity matches.\n');
    expect(empty).not.toContain('```mermaid');
  });

  it('shows the stage deadlines when only they match a filter', () => {
    const plan = readFileSync(path.join(FIXTURES, 'deadlines', 'plan.yaml'), 'utf8');
    expect(renderReportMarkdown(reportOf(plan, '2024-06-10', { states: ['overdue'] }, 'plan.yaml'))).toBe(`# Roadmap status: Deadline plan

Status on **2024-06-10** (horizon 14 days) · plan, revision 1 (plan.yaml)

## Timeline

\`\`\`mermaid
gantt
    title Deadline plan (status on 2024-06-10)
    dateFormat YYYY-MM-DD
    axisFormat %Y-%m
    inclusiveEndDates
    todayMarker off
    section Stage S1 · Prepare
    Stage S1 deadline :crit, milestone, d1, 2024-06-01, 0d
    section Stage S2 · Deliver
    Stage S2 deadline#58; Done after today :crit, milestone, d2, 2024-06-05, 0d
\`\`\`

## By stage

### Stage S1 — Prepare

2024-05-01 → 2024-05-31 · nothing

- ◆ Deadline 2024-06-01 — 🔴 overdue · overdue 9d

### Stage S2 — Deliver

2024-06-01 → 2024-12-31 · nothing

- ◆ Deadline 2024-06-05: Done after today — 🔴 overdue · overdue 5d
`);
  });
});
