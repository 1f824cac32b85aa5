/** planStructureEdit, pure: what it refuses and why, on small roadmaps written for the case. */
import { describe, expect, it } from 'vitest';
import { planStructureEdit, type StructureEdit } from '../../src/edit/structure.js';

const TEXT = `schema: 1
id: demo
title: Demo roadmap
entities:
  A: Alpha agency
  B: { name: Beta board, aliases: [Beta] }
stages:
  - id: S1
    title: First stage
    activities:
      - id: "1.1"
        title: First
        window: 2019-03
        responsible: &team [A, B]
      - id: "1.2"
        title: Second
        window: 2019-04
        responsible: *team
      - id: "1.3"
        title: Third
        window: 2019-05
        responsible: B
  - id: S2
    title: Counted from 1.2
    window: {start: 1.2.end + 1 day, end: 2019-12}
    activities:
      - id: "2.1"
        title: Notes that only look like a date
        window: 2019-06
        responsible: A
        notes: 1.3.end
`;

const plan = (edit: StructureEdit) => planStructureEdit(TEXT, 'demo.yaml', edit);
const refusal = (edit: StructureEdit) => {
  const r = plan(edit);
  return r.ok ? 'accepted' : r.message;
};

describe('planStructureEdit refuses, with the reason', () => {
  it.each([
    [
      'a value shared through an alias',
      { kind: 'assign', activity: '1.1', responsible: ['A'] },
      'this edit would also change activity 1.2: part of the file is shared through a YAML anchor (&name) and alias (*name); edit the file by hand',
    ],
    [
      'an activity a stage counts from',
      { kind: 'remove', activity: '1.2' },
      'cannot remove activity 1.2: a relative date refers to it:\n  demo.yaml:25:21: stage S2 (1.2.end + 1 day)\nchange those dates first (roadmap move)',
    ],
    [
      'a window counting from no item',
      { kind: 'add', stage: 'S2', activity: { id: '2.2', title: 'x', window: '1.4.end..2019-12', responsible: ['A'], support: [] } },
      "\"1.4.end..2019-12\" counts from '1.4', which is no stage or activity of demo; did you mean '1.1'?",
    ],
    ['an alias as an id', { kind: 'add-entity', id: 'B', name: 'Again', aliases: [] }, 'demo.yaml:6:3: entity B is already there (Beta board)'],
    ['an id that is none', { kind: 'add-stage', stage: { id: 'S 3', title: 'x' } }, "\"S 3\" is not an id: letters, digits, '.', '-' and '_', starting with a letter or digit"],
    ['nothing to assign', { kind: 'assign', activity: '2.1' }, 'say what to assign: --responsible A,B and/or --support C,D (--support "" removes it)'],
  ] as Array<[string, StructureEdit, string]>)('%s', (_what, edit, message) => {
    expect(refusal(edit)).toBe(message);
  });

  it('accepts an alias of an entity, and a note that reads like a date is no reference', () => {
    expect(refusal({ kind: 'assign', activity: '2.1', responsible: ['Beta'] })).toBe('accepted');
    const r = plan({ kind: 'remove', activity: '1.3' });
    expect(r.ok && r.summary).toBe('demo 1.3: removed ("Third")');
  });
});
