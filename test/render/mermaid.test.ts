import { describe, expect, it } from 'vitest';
import { mermaidBlock, mermaidText, renderMermaid } from '../../src/render/mermaid.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES } from '../helpers.js';
import { hostileReport, reportOf, shippedReport } from './support.js';

describe('mermaidText', () => {
  it.each([
    ['plain words', 'plain words'],
    ['a: b; c # d', 'a#58; b#59; c #35; d'],
    ['<b>&"`%', '#60;b#62;#38;#34;#96;#37;'],
    ['one\ntwo', 'one two'],
    ['title of the plan', '#8203;title of the plan'], // would start a title statement
    ['2019-03-01 is a date', '#8203;2019-03-01 is a date'],
    ['  spaced  ', 'spaced'],
  ])('%j becomes %j', (input, out) => expect(mermaidText(input)).toBe(out));
});

// Mermaid itself needs a DOM (it sanitises titles with DOMPurify): it draws these charts in test/browser.
describe('renderMermaid', () => {
  it('writes sections, tags and milestones, with every name made safe', () => {
    expect(renderMermaid(hostileReport('2019-07-15'))).toBe(`gantt
    title #60;script#62;alert('t')#60;/script#62; #38; #34;quotes#34; roadmap (status on 2019-07-15)
    dateFormat YYYY-MM-DD
    axisFormat %Y-%m
    inclusiveEndDates
    todayMarker off
    section Stage S1 · Stage #60;i#62;one#60;/i#62; second line
    1 #60;img src=x onerror=alert(1)#62; #34;quoted#34; 'single' #38; ampersand :crit, w1, 2019-03-01, 2019-04-30
    2 Line one Line two Line three tab \\x1b[31mred\\x1b[0m \\u202eevil :done, milestone, w2, 2019-05-15, 0d
    3 ${Array(4).fill('Supercalifragilisticexpialidocious').join('-')} :active, w3, 2019-06-01, 2019-12-31
    4 تنفيذ خطة العمل الوطنية — national plan :w4, 2019-09-01, 2020-02-29
    Cancelled#58; 5 🚀 Launch 👩‍👩‍👧 family 古文 emoji#58; done#59; #35;1 :w5, 2019-04-01, 2019-06-30
    6 Records (w#60;1#62;) :active, w6, 2019-07-01, 2019-12-31
    Cancelled#58; 6 Records (w2) :w7, 2019-08-01, 2019-08-31
`);
  });

  it('has a section per stage and a task per window for the shipped roadmap', () => {
    const lines = renderMermaid(shippedReport('2019-10-01')).split('\n');
    expect(lines.filter((l) => l.startsWith('    section ')).map((l) => l.slice(12))).toEqual([
      'Stage I · Launch of the process',
      'Stage II · Completion, adoption and submission of the National Action Plan',
      'Stage III · Implementation of the National Action Plan',
    ]);
    const tasks = lines.filter((l) => / :.*w\d+, /.test(l));
    expect(tasks).toHaveLength(22);
    expect(tasks.filter((l) => l.includes(':crit,'))).toHaveLength(8);
    expect(tasks.filter((l) => l.includes(':active,'))).toHaveLength(4);
    expect(lines.filter((l) => / :.*d\d+, /.test(l)).map((l) => l.replace(/^ +(Stage \S+ deadline).* :/, '$1 … :'))).toEqual([
      'Stage I deadline … :crit, milestone, d1, 2019-06-01, 0d',
      'Stage I deadline … :crit, milestone, d2, 2019-06-01, 0d',
      'Stage II deadline … :milestone, d3, 2019-12-31, 0d',
      'Stage III deadline … :milestone, d4, 2021-08-31, 0d',
    ]);
    expect(tasks[16]).toBe('    3.3 Carrying out an alternative monitoring by NGOs on the implementation of the National Action Plan (6th month) :w17, 2020-06-01, 2020-06-30');
  });

  it('draws each stage deadline as a milestone in its stage, after its activities', () => {
    const plan = reportOf(readFileSync(path.join(FIXTURES, 'deadlines/plan.yaml'), 'utf8'), '2024-06-10');
    expect(renderMermaid(plan)).toBe(`gantt
    title Deadline plan (status on 2024-06-10)
    dateFormat YYYY-MM-DD
    axisFormat %Y-%m
    inclusiveEndDates
    todayMarker off
    section Stage S1 · Prepare
    a1 Draft :done, w1, 2024-05-01, 2024-05-31
    Stage S1 deadline :crit, milestone, d1, 2024-06-01, 0d
    section Stage S2 · Deliver
    b1 Build (first) :active, w2, 2024-06-01, 2024-08-31
    b1 Build (second) :w3, 2024-09-01, 2024-12-31
    Stage S2 deadline#58; Due today :active, milestone, d2, 2024-06-10, 0d
    Stage S2 deadline#58; At the horizon :active, milestone, d3, 2024-06-24, 0d
    Stage S2 deadline#58; Past the horizon :milestone, d4, 2024-06-25, 0d
    Stage S2 deadline#58; Done late :done, milestone, d5, 2024-06-01, 0d
    Stage S2 deadline#58; Done after today :crit, milestone, d6, 2024-06-05, 0d
    Stage S2 deadline#58; Done early :done, milestone, d7, 2024-07-01, 0d
`);
    expect(renderMermaid(reportOf(readFileSync(path.join(FIXTURES, 'deadlines/plan.yaml'), 'utf8'), '2024-06-10', { entities: ['LEAD'] }))).not.toContain('deadline');
  });

  it('keeps a hostile milestone label on its own task line', () => {
    const chart = renderMermaid(reportOf(readFileSync(path.join(FIXTURES, 'check/hostile-deadlines/deadlines.yaml'), 'utf8'), '2024-06-10'));
    expect(chart.split('\n').slice(7)).toEqual([
      '    p1 Period :crit, w1, 2024-01-01, 2024-01-31',
      '    Stage S deadline#58; Label #58;#58;error file=x.yaml,line=1#58;#58;injected #37;0A \\x1b[31mred\\x1b[0m \\u202eevil #60;script#62;alert(1)#60;/script#62; ]]#62; | pipe * _u_ #38; #34;q#34; :crit, milestone, d1, 2024-03-01, 0d',
      '',
    ]);
  });

  it('fences the chart for Markdown, and no name can close the fence', () => {
    const block = mermaidBlock(hostileReport('2019-07-15'));
    expect(block.startsWith('```mermaid\ngantt\n')).toBe(true);
    expect(block.endsWith('\n```\n')).toBe(true);
    expect(block.match(/```/g)).toHaveLength(2);
  });
});
