import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/calendar/date.js';
import { planEdit, type Edit, type EditRequest } from '../../src/edit/apply.js';
import { roadmapYaml } from '../helpers.js';

const TEXT = roadmapYaml(`      - id: "1.1"
        title: One window
        window: 2019-03..2019-04
        responsible: A
      - id: "1.2"
        title: Two windows
        responsible: A
        windows:
          - label: first
            window: 2019-05
          - label: second
            window: 2019-06
            done: 2019-06-10
      - id: "1.3"
        title: Cancelled
        window: 2019-07
        responsible: B
        cancelled: no budget
      - id: "1.4"
        title: Relative
        window: 1.1.end + 1 day..1.1.end + 1 month
        responsible: A
`);

const day = (d: string) => d as CalendarDate;
const done = (on: string, evidence: string[] = []): Edit => ({ kind: 'done', on: day(on), evidence });

function edit(request: EditRequest) {
  return planEdit(TEXT, 'r.yaml', request);
}

function failure(request: EditRequest): string {
  const r = edit(request);
  if (r.ok) throw new Error(`expected a failure, got: ${r.summary}`);
  return [r.message, ...r.problems.map((p) => `${p.line}:${p.column}: ${p.message}`)].join('\n');
}

describe('planEdit refuses what would be wrong', () => {
  it.each([
    [{ activity: '1.2', edit: done('2019-05-20') }, 'activity 1.2 has several windows; say which with --window <label|n>: 1 ("first"), 2 ("second")'],
    [{ activity: '1.2', window: 'third', edit: done('2019-05-20') }, 'activity 1.2 has no window "third"; its windows: 1 ("first"), 2 ("second")'],
    [{ activity: '1.2', window: '3', edit: done('2019-05-20') }, 'activity 1.2 has no window "3"; its windows: 1 ("first"), 2 ("second")'],
    [{ activity: '1.1', window: '2', edit: done('2019-04-20') }, 'activity 1.1 has a single window; --window is for activities written with windows:'],
    [{ activity: '1.3', edit: done('2019-07-20') }, 'activity 1.3 is cancelled (no budget); reopen it first'],
    [{ activity: '1.2', window: 'second', edit: { kind: 'cancel', reason: 'x' } }, 'window 1.2 [second] is done (2019-06-10); reopen it before cancelling it'],
    [{ activity: '1.9', edit: done('2019-04-20') }, 'no activity 1.9 in roadmap demo'],
    [{ activity: '1.1', edit: { kind: 'move', to: '2019-05..2019-04' } }, '--to 2019-05..2019-04 ends (2019-04-30) before it starts (2019-05-01)'],
    [{ activity: '1.1', edit: { kind: 'move', to: '2019-13' } }, '--to: 2019-13 is not a month'],
    [{ activity: '1.1', edit: { kind: 'move', to: '{start: 2019}' } }, '--to "{start: 2019}": write a window such as 2019-05..2019-06, or {start: A, end: B}'],
  ] as Array<[EditRequest, string]>)('%j', (request, message) => {
    expect(failure(request)).toBe(message);
  });

  it('refuses an edit whose result does not validate, naming the place', () => {
    expect(failure({ activity: '1.4', edit: { kind: 'move', to: '1.1.end..1.1.start' } })).toBe(
      'this edit would make r.yaml invalid, so nothing was written\n31:17: window end 2019-03-01 is before its start 2019-04-30',
    );
  });

  it('refuses a moved window that references itself', () => {
    expect(failure({ activity: '1.1', edit: { kind: 'move', to: '1.1.start..2019-12' } })).toBe(
      'this edit would make r.yaml invalid, so nothing was written\n13:17: relative dates form a cycle: 1.1 -> 1.1',
    );
  });

  it('refuses to edit YAML shared through an anchor and alias', () => {
    const shared = roadmapYaml(`      - id: "1"
        title: Owner of the anchor
        responsible: A
        windows: &w
          - label: a
            window: 2019-03
      - id: "2"
        title: User of the alias
        responsible: A
        windows: *w
`);
    const through = planEdit(shared, 'r.yaml', { activity: '2', edit: done('2019-03-20') });
    expect(through).toMatchObject({ ok: false, message: 'this window is written through a YAML alias (*name), shared with other activities; edit the file by hand' });
    const owner = planEdit(shared, 'r.yaml', { activity: '1', edit: done('2019-03-20') });
    expect(owner).toMatchObject({ ok: false, message: 'this edit would also change activity 2: part of the file is shared through a YAML anchor (&name) and alias (*name); edit the file by hand' });
  });

  it('reports a file that was not valid to begin with', () => {
    const r = planEdit('schema: 1\nid: x\ntitle: [oops\n', 'bad.yaml', { activity: '1.1', edit: done('2019-04-20') });
    expect(r).toMatchObject({ ok: false, message: 'bad.yaml is not a valid roadmap' });
    if (!r.ok) expect(r.problems[0]).toMatchObject({ file: 'bad.yaml', line: 4, column: 1 });
  });
});

describe('planEdit changes nothing when there is nothing to change', () => {
  it.each([
    [{ activity: '1.2', window: 'second', edit: done('2019-06-10') }, 'demo 1.2 [second]: unchanged (already done 2019-06-10)'],
    [{ activity: '1.1', edit: { kind: 'reopen' } }, 'demo 1.1: unchanged (neither done nor cancelled)'],
    [{ activity: '1.3', edit: { kind: 'cancel', reason: 'no budget' } }, 'demo 1.3: unchanged (already cancelled for this reason)'],
    [{ activity: '1.1', edit: { kind: 'move', to: '2019-03..2019-04' } }, 'demo 1.1: unchanged'],
  ] as Array<[EditRequest, string]>)('%j', (request, summary) => {
    const r = edit(request);
    expect(r).toMatchObject({ ok: true, changed: false, text: TEXT, summary });
  });
});

describe('planEdit picks the window', () => {
  it('reopens the one closed window without --window', () => {
    const r = edit({ activity: '1.2', edit: { kind: 'reopen' } });
    expect(r.ok && r.summary).toBe('demo 1.2 [second]: reopened (was done 2019-06-10)');
    expect(r.ok && r.text).toBe(TEXT.replace('            done: 2019-06-10\n', ''));
  });

  it('starts and cancels a multi-window activity as a whole without --window', () => {
    const r = edit({ activity: '1.2', edit: { kind: 'start', on: day('2019-05-02') } });
    expect(r.ok && r.text).toBe(TEXT.replace('            done: 2019-06-10\n', '            done: 2019-06-10\n        started: 2019-05-02\n'));
  });

  it('takes a label case-insensitively', () => {
    const r = edit({ activity: '1.2', window: 'FIRST', edit: done('2019-05-30') });
    expect(r.ok && r.summary).toBe('demo 1.2 [first]: done 2019-05-30');
  });

  it('does not add evidence that is already there', () => {
    const once = edit({ activity: '1.1', edit: done('2019-04-20', ['https://e.org/1']) });
    if (!once.ok) throw new Error(once.message);
    const twice = planEdit(once.text, 'r.yaml', { activity: '1.1', edit: done('2019-04-20', ['https://e.org/1', 'https://e.org/2']) });
    expect(twice.ok && twice.summary).toBe('demo 1.1: done 2019-04-20, evidence +1');
    expect(twice.ok && twice.text).toContain('        evidence: [https://e.org/1, https://e.org/2]\n');
  });
});
