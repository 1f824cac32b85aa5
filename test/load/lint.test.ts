import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/calendar/date.js';
import { lint } from '../../src/load/lint.js';
import { parseRoadmap } from '../../src/load/parse.js';
import { FIXTURES, SHIPPED } from '../helpers.js';

function roadmapOf(file: string) {
  const r = parseRoadmap(readFileSync(file, 'utf8'), 'f.yaml');
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.roadmap;
}

const at = (line: number, column: number, message: string) => ({ file: 'f.yaml', line, column, severity: 'warning', message });

describe('lint', () => {
  it('finds each kind of warning at its exact line:col', () => {
    const problems = lint(roadmapOf(path.join(FIXTURES, 'check', 'lint', 'warnings.yaml')), '2024-03-15' as CalendarDate);
    expect(problems).toEqual([
      at(6, 3, 'entity IDLE is defined but no activity names it (responsible or support)'),
      at(15, 17, 'the window of activity a1 (2024-01-01 → 2024-02-29) starts before its stage A (2024-02-01 → 2024-03-31)'),
      at(21, 15, 'done 2024-04-01 is in the future (today is 2024-03-15)'),
      at(27, 18, 'started 2024-04-02 is in the future (today is 2024-03-15)'),
      at(28, 9, 'activity a4 has no responsible entity: add responsible:'),
      at(43, 21, "window 'outside' of activity a6 (2024-03-20 → 2024-04-10) ends after its stage A (2024-02-01 → 2024-03-31)"),
      at(44, 5, 'stage B has no activities'),
    ]);
  });

  it('takes "the future" from the today it is given', () => {
    const messages = lint(roadmapOf(path.join(FIXTURES, 'check', 'lint', 'warnings.yaml')), '2024-04-02' as CalendarDate).map((p) => p.message);
    expect(messages.filter((m) => m.includes('in the future'))).toEqual([]);
  });

  it('reports an activity-level done inherited by several windows once, at the done: line', () => {
    const text = `schema: 1
id: x
title: X
entities: { A: Alpha }
stages:
  - id: S
    title: S
    activities:
      - id: a
        title: Two windows
        responsible: A
        done: 2030-01-01
        windows: [2024-01, 2024-02]
`;
    const r = parseRoadmap(text, 'f.yaml');
    expect(r.ok).toBe(true);
    expect(lint(r.roadmap!, '2024-03-15' as CalendarDate)).toEqual([at(12, 15, 'done 2030-01-01 is in the future (today is 2024-03-15)')]);
  });

  it('says nothing of a completion before the window opens: finished early is on time', () => {
    const text = `schema: 1
id: x
title: X
entities: { A: Alpha }
stages:
  - id: S
    title: S
    activities:
      - id: a
        title: Early
        responsible: A
        window: 2024-03
        done: 2024-02-15
        started: 2024-01-10
`;
    const r = parseRoadmap(text, 'f.yaml');
    expect(lint(r.roadmap!, '2024-03-15' as CalendarDate)).toEqual([]);
    expect(lint(r.roadmap!, '2024-02-01' as CalendarDate)).toEqual([at(13, 15, 'done 2024-02-15 is in the future (today is 2024-02-01)')]);
  });

  it("warns of a milestone's done in the future, at its done: line", () => {
    const roadmap = roadmapOf(path.join(FIXTURES, 'deadlines', 'plan.yaml'));
    expect(lint(roadmap, '2024-06-10' as CalendarDate)).toEqual([at(37, 15, 'done 2024-06-20 is in the future (today is 2024-06-10)')]);
    expect(lint(roadmap, '2024-06-20' as CalendarDate)).toEqual([]);
  });

  it('finds nothing to warn about in the shipped roadmap', () => {
    const roadmap = roadmapOf(SHIPPED);
    for (const today of ['2019-01-01', '2019-07-15', '2022-06-30']) expect(lint(roadmap, today as CalendarDate)).toEqual([]);
  });
});
