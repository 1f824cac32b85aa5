import { describe, expect, it } from 'vitest';
import { mermaidBlock, mermaidText, renderMermaid } from '../../src/render/mermaid.js';
import { hostileReport, shippedReport } from './support.js';

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
    expect(tasks[16]).toBe('    3.3 Carrying out an alternative monitoring by NGOs on the implementation of the National Action Plan (6th month) :w17, 2020-06-01, 2020-06-30');
  });

  it('fences the chart for Markdown, and no name can close the fence', () => {
    const block = mermaidBlock(hostileReport('2019-07-15'));
    expect(block.startsWith('```mermaid\ngantt\n')).toBe(true);
    expect(block.endsWith('\n```\n')).toBe(true);
    expect(block.match(/```/g)).toHaveLength(2);
  });
});
