import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { fold, icsText, renderIcs } from '../../src/render/ics.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES } from '../helpers.js';
import { hostileReport, reportOf, shippedReport } from './support.js';

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return { calendar, events: calendar.getAllSubcomponents('vevent') };
}

const physical = (text: string) => text.split('\r\n').slice(0, -1);

describe('fold', () => {
  it('keeps lines of up to 75 octets whole', () => {
    expect(fold('X'.repeat(75))).toBe('X'.repeat(75));
  });

  it('folds at 75 octets with a leading space on each continuation', () => {
    expect(fold('X'.repeat(160))).toBe(`${'X'.repeat(75)}\r\n ${'X'.repeat(74)}\r\n ${'X'.repeat(11)}`);
  });

  it('never splits a multi-byte character', () => {
    const folded = fold(`S:${'é'.repeat(40)}${'🚀'.repeat(20)}`);
    for (const line of folded.split('\r\n')) {
      expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
      expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line); // no U+FFFD from a cut sequence
    }
    expect(folded.split('\r\n').map((l) => Buffer.byteLength(l))).toEqual([74, 73, 17]); // 36 é (2 octets); 4 é and 16 🚀 (4 octets); 4 🚀
    expect(folded.replace(/\r\n /g, '')).toBe(`S:${'é'.repeat(40)}${'🚀'.repeat(20)}`);
  });
});

describe('icsText', () => {
  it.each([
    ['a;b,c\\d', 'a\\;b\\,c\\\\d'],
    ['two\nlines', 'two lines'],
    ['esc \u001b[31m', 'esc \\\\x1b[31m'],
  ])('%j becomes %j', (input, out) => expect(icsText(input)).toBe(out));

  it('keeps line breaks as \\n in multi-line values', () => {
    expect(icsText('one\r\ntwo\nthree', true)).toBe('one\\ntwo\\nthree');
  });
});

describe('renderIcs on the shipped roadmap', () => {
  const text = renderIcs(shippedReport('2019-10-01'), { version: '1.2.3' });
  const { calendar, events } = parse(text);

  it('is a published VCALENDAR with CRLF line ends and no line over 75 octets', () => {
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//roadmap//roadmap 1.2.3//EN\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of physical(text)) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Roadmap for the development of the 2019-21 OGP action plan');
  });

  it('has one all-day event per window and per stage deadline, with unique stable UIDs', () => {
    expect(events).toHaveLength(26); // 19 activities, 3.3 has three windows and 3.4 two; 4 stage deadlines
    const uids = events.map((e) => e.getFirstPropertyValue('uid'));
    expect(new Set(uids).size).toBe(26);
    expect(uids.slice(22)).toEqual(['az-ogp-2019-21/stage-I/d1@roadmap', 'az-ogp-2019-21/stage-I/d2@roadmap', 'az-ogp-2019-21/stage-II/d1@roadmap', 'az-ogp-2019-21/stage-III/d1@roadmap']);
    expect(uids.slice(0, 2)).toEqual(['az-ogp-2019-21/1.1/w1@roadmap', 'az-ogp-2019-21/1.2/w1@roadmap']);
    expect(uids.filter((u) => String(u).startsWith('az-ogp-2019-21/3.3/'))).toEqual(['az-ogp-2019-21/3.3/w1@roadmap', 'az-ogp-2019-21/3.3/w2@roadmap', 'az-ogp-2019-21/3.3/w3@roadmap']);
    // Another day, another DTSTAMP; the same UIDs (a re-import updates instead of duplicating).
    const later = parse(renderIcs(shippedReport('2020-02-01'), { version: '1.2.3' })).events;
    expect(later.map((e) => e.getFirstPropertyValue('uid'))).toEqual(uids);
    expect(String(later[0]!.getFirstPropertyValue('dtstamp'))).toBe('2020-02-01T00:00:00Z');
  });

  it('gives each event its dates, state, stage and entities', () => {
    const e = new ICAL.Event(events[0]!);
    expect(e.startDate.toString()).toBe('2019-03-01');
    expect(e.startDate.isDate).toBe(true);
    expect(e.endDate.toString()).toBe('2019-05-01'); // exclusive end: the window ends 2019-04-30
    expect(e.summary).toBe('[overdue] 1.1 Identifying a high-level government representative who will lead the OGP process in Azerbaijan');
    expect(events[0]!.getFirstProperty('categories')!.getValues()).toEqual(['Stage I', 'CCC']);
    expect(events[0]!.getFirstPropertyValue('x-roadmap-state')).toBe('overdue');
    expect(String(events[0]!.getFirstPropertyValue('dtstamp'))).toBe('2019-10-01T00:00:00Z');
    expect(e.description.split('\n').slice(1, 5)).toEqual([
      'Stage I: Launch of the process',
      'Window: 2019-03-01 → 2019-04-30',
      'State: overdue 154d',
      'Responsible: CCC (Commission on Combating Corruption of the Republic of Azerbaijan)',
    ]);
    const labelled = new ICAL.Event(events.find((x) => x.getFirstPropertyValue('uid') === 'az-ogp-2019-21/3.4/w2@roadmap')!);
    expect(labelled.summary).toBe('3.4 Monitoring of the National Action Plan and publication of the report (final monitoring and report)');
    expect([labelled.startDate.toString(), labelled.endDate.toString()]).toEqual(['2021-09-01', '2021-12-01']);
  });

  it('gives one entity its own calendar', () => {
    const { events: ccc } = parse(renderIcs(shippedReport('2019-10-01', { entities: ['CCC'] }), { version: '1', name: 'CCC' }));
    // A stage deadline belongs to no entity: none here.
    expect(ccc.map((e) => String(e.getFirstPropertyValue('uid')).split('/')[1])).toEqual(['1.1', '1.2', '2.1', '2.4', '2.7', '2.8', '2.9', '3.2', '3.4', '3.4', '3.5']);
  });
});

describe('renderIcs with hostile text', () => {
  const { events } = parse(renderIcs(hostileReport('2019-07-15'), { version: '1' }));
  const byId = (id: string) => new ICAL.Event(events.find((e) => String(e.getFirstPropertyValue('uid')) === `hostile/${id}/w1@roadmap`)!);

  it('round-trips markup, quotes, separators and non-Latin text through a real parser', () => {
    expect(byId('1').summary).toBe(`[overdue] 1 <img src=x onerror=alert(1)> "quoted" 'single' & ampersand`);
    expect(byId('4').summary).toBe('4 تنفيذ خطة العمل الوطنية — national plan');
    expect(byId('4').description).toContain('\nNotes: a; b, c: d\\e # f\n');
    expect(byId('5').summary).toBe('[cancelled] 5 🚀 Launch 👩‍👩‍👧 family 古文 emoji: done; #1');
    expect(byId('3').summary).toBe(`3 ${Array(4).fill('Supercalifragilisticexpialidocious').join('-')}`);
  });

  it('keeps control characters out and shows them instead', () => {
    expect(byId('2').summary).toBe('[done] 2 Line one Line two Line three tab \\x1b[31mred\\x1b[0m \\u202eevil');
    expect(byId('2').description.split('\n').slice(0, 3)).toEqual(['Line one', 'Line two', 'Line three tab \\x1b[31mred\\x1b[0m \\u202eevil']);
  });

  it('marks done and cancelled windows', () => {
    expect(events.map((e) => [e.getFirstPropertyValue('x-roadmap-state'), e.getFirstPropertyValue('status')])).toEqual([
      ['overdue', 'CONFIRMED'],
      ['done', 'CONFIRMED'],
      ['active', 'CONFIRMED'],
      ['later', 'CONFIRMED'],
      ['cancelled', 'CANCELLED'],
      ['active', 'CONFIRMED'],
      ['cancelled', 'CANCELLED'],
    ]);
    expect(String(events[1]!.getFirstPropertyValue('x-roadmap-done'))).toBe('2019-05-20');
    expect(events[1]!.getFirstProperty('categories')!.getValues()).toEqual(['Stage S1', 'A', 'RTL']);
  });
});

describe('renderIcs for stage deadlines', () => {
  const report = (name: string, today: string) => reportOf(readFileSync(path.join(FIXTURES, name), 'utf8'), today, {}, 'roadmaps/plan.yaml');

  it('writes an all-day event per deadline, prefixed and stated like a window', () => {
    const text = renderIcs(report('deadlines/plan.yaml', '2024-06-10'), { version: '1' });
    const events = text.split('BEGIN:VEVENT\r\n').slice(1);
    expect(events).toHaveLength(10); // a1, b1's two windows, then S1's due and S2's six milestones
    expect(`BEGIN:VEVENT\r\n${events[3]}`).toBe(
      [
        'BEGIN:VEVENT',
        'UID:plan/stage-S1/d1@roadmap',
        'DTSTAMP:20240610T000000Z',
        'SEQUENCE:0',
        'DTSTART;VALUE=DATE:20240601',
        'DTEND;VALUE=DATE:20240602',
        'SUMMARY:[overdue] Stage S1 deadline',
        'DESCRIPTION:Stage S1: Prepare\\nDue: 2024-06-01\\nState: overdue 9d\\nRoadmap:',
        '  Deadline plan (plan\\, revision 1)\\, roadmaps/plan.yaml:13',
        'CATEGORIES:Stage S1',
        'STATUS:CONFIRMED',
        'TRANSP:TRANSPARENT',
        'X-ROADMAP-STATE:overdue',
        'END:VEVENT',
        '',
      ].join('\r\n'),
    );
    expect(`BEGIN:VEVENT\r\n${events[7]}`).toBe(
      [
        'BEGIN:VEVENT',
        'UID:plan/stage-S2/d4@roadmap',
        'DTSTAMP:20240610T000000Z',
        'SEQUENCE:0',
        'DTSTART;VALUE=DATE:20240601',
        'DTEND;VALUE=DATE:20240602',
        'SUMMARY:[done] Stage S2 deadline: Done late',
        'DESCRIPTION:Stage S2: Deliver\\nDeadline: Done late\\nDue: 2024-06-01\\nState:',
        '  done 2024-06-03 (2d late)\\nRoadmap: Deadline plan (plan\\, revision 1)\\, r',
        ' oadmaps/plan.yaml:33',
        'CATEGORIES:Stage S2',
        'STATUS:CONFIRMED',
        'TRANSP:TRANSPARENT',
        'X-ROADMAP-STATE:done',
        'X-ROADMAP-DONE;VALUE=DATE:20240603',
        'END:VEVENT',
        '',
      ].join('\r\n'),
    );
    // A done date after today is not done yet.
    expect(events[8]).toContain('SUMMARY:[overdue] Stage S2 deadline: Done after today\r\n');
  });

  it('keeps a hostile milestone label inside its own values: no property of its own', () => {
    const text = renderIcs(report('check/hostile-deadlines/deadlines.yaml', '2024-06-10'), { version: '1' });
    for (const line of physical(text)) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const { events } = parse(text);
    const deadline = events.find((e) => String(e.getFirstPropertyValue('uid')) === 'hostile-deadlines/stage-S/d1@roadmap')!;
    expect(deadline.getAllProperties().map((p) => p.name)).toEqual(['uid', 'dtstamp', 'sequence', 'dtstart', 'dtend', 'summary', 'description', 'categories', 'status', 'transp', 'x-roadmap-state']);
    expect(deadline.getFirstPropertyValue('summary')).toBe(
      '[overdue] Stage S deadline: Label ::error file=x.yaml,line=1::injected %0A \\x1b[31mred\\x1b[0m \\u202eevil <script>alert(1)</script> ]]> | pipe * _u_ & "q"',
    );
    expect(text).not.toMatch(/\r\n::error/);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n\u001b\u202e]/);
  });

  it("leaves stage deadlines out of an entity's calendar", () => {
    const r = reportOf(readFileSync(path.join(FIXTURES, 'deadlines/plan.yaml'), 'utf8'), '2024-06-10', { entities: ['LEAD'] });
    expect(renderIcs(r, { version: '1' })).not.toContain('/stage-');
  });
});
