/**
 * The structure edits as `update` asks them: add an activity after the one
 * picked, assign, change a text field, remove; add a stage after its stage, add an entity. Each answer is checked at its
 * question (a taken id, an unknown entity, a reversed window are asked again),
 * with the same checks the planner makes, so the diff is the next thing shown.
 */
import { parseWindowText } from '../../calendar/window.js';
import { entitiesProblem, idProblem, planStructureEdit, windowProblem, type Fields, type StructureEdit } from '../../edit/structure.js';
import type { ActivityReport } from '../../evaluate.js';
import { ENTITY_ID } from '../../load/format.js';
import type { Activity, Roadmap } from '../../model.js';
import type { TextPlan } from '../../shell/edit.js';
import { idList } from '../../shell/lists.js';
import type { Choice, Prompter } from '../../shell/prompts.js';
import { inert } from '../../text/inert.js';

export type StructureKind = 'add' | 'assign' | 'set' | 'remove' | 'add-stage' | 'add-entity';

export const STRUCTURE_KINDS: readonly StructureKind[] = ['add', 'assign', 'set', 'remove', 'add-stage', 'add-entity'];

export function structureChoices(roadmap: Roadmap, r: ActivityReport): Choice<StructureKind>[] {
  const referrers = referrersOf(roadmap, r.activity.id);
  return [
    { name: 'Add an activity after this one', value: 'add' },
    { name: 'Assign (responsible and supporting entities)', value: 'assign' },
    { name: 'Change title, period, notes or tags', value: 'set' },
    { name: 'Remove', value: 'remove', disabled: referrers.length ? `dates of ${referrers.map(inert).join(', ')} refer to it` : false },
    { name: 'Add a stage after this stage', value: 'add-stage' },
    { name: 'Add an entity', value: 'add-entity' },
  ];
}

/** The activities whose windows count from `id` (the planner also checks the stages'). */
function referrersOf(roadmap: Roadmap, id: string): string[] {
  const refersTo = (text: string) => {
    const w = parseWindowText(text);
    return w.ok && [w.value.start, w.value.end].some((t) => t.kind === 'relative' && t.ref === id);
  };
  return roadmap.stages
    .flatMap((s) => s.activities)
    .filter((a) => a.id !== id && a.windows.some((w) => refersTo(w.startText) || refersTo(w.endText)))
    .map((a) => a.id);
}

export async function structureDetails(ask: Prompter, kind: StructureKind, roadmap: Roadmap, r: ActivityReport): Promise<TextPlan> {
  const a = r.activity;
  const edit = await request(ask, kind, roadmap, a);
  return (text, file) => planStructureEdit(text, file, edit);
}

async function request(ask: Prompter, kind: StructureKind, roadmap: Roadmap, a: Activity): Promise<StructureEdit> {
  switch (kind) {
    case 'add':
      return addRequest(ask, roadmap, a);
    case 'assign': {
      const responsible = await entities(ask, roadmap, 'Responsible entities (comma-separated):', a.responsible.join(', '), true);
      const support = await entities(ask, roadmap, 'Supporting entities (comma-separated; - for none):', a.support.join(', ') || '-', false);
      return { kind, activity: a.id, responsible, support };
    }
    case 'set':
      return { kind, activity: a.id, fields: await fields(ask, a) };
    case 'remove':
      return { kind, activity: a.id };
    case 'add-stage':
      return addStageRequest(ask, roadmap, a);
    case 'add-entity':
      return addEntityRequest(ask, roadmap);
  }
}

async function addStageRequest(ask: Prompter, roadmap: Roadmap, a: Activity): Promise<StructureEdit> {
  const id = (await ask.input({ message: 'Id of the new stage:', validate: (v) => idProblem(roadmap, v.trim()) ?? true })).trim();
  const title = (await ask.input({ message: 'Title:', validate: (v) => (v.trim() ? true : 'give a title') })).trim();
  const window = (await ask.input({ message: 'Window (optional; e.g. 2021-01..2021-06):', validate: (v) => (v.trim() ? (windowProblem(v, roadmap) ?? true) : true) })).trim();
  return { kind: 'add-stage', stage: { id, title, window: window || undefined }, after: a.stage };
}

/** An id or alias an entity of the roadmap already has, said as the planner says it. */
function entityTaken(roadmap: Roadmap, id: string): string | null {
  for (const [key, entity] of roadmap.entities) {
    if (key === id || entity.aliases.includes(id)) return `entity ${inert(id)} is already there (${inert(entity.name)})`;
  }
  return null;
}

async function addEntityRequest(ask: Prompter, roadmap: Roadmap): Promise<StructureEdit> {
  const idCheck = (v: string) => (ENTITY_ID.test(v) ? entityTaken(roadmap, v) : `${JSON.stringify(inert(v))} is not an entity id: letters, digits, '.', '-' and '_', starting with a letter or digit`);
  const id = (await ask.input({ message: 'Id of the new entity (e.g. MOJ):', validate: (v) => idCheck(v.trim()) ?? true })).trim();
  const name = (await ask.input({ message: 'Name:', validate: (v) => (v.trim() ? true : 'give a name') })).trim();
  const aliases = idList([
    await ask.input({
      message: 'Aliases (comma-separated, optional):',
      validate: (v) => idList([v]).reduce<string | null>((problem, a) => problem ?? (a === id ? 'an alias is another name than the id' : idCheck(a)), null) ?? true,
    }),
  ]);
  return { kind: 'add-entity', id, name, aliases };
}

async function addRequest(ask: Prompter, roadmap: Roadmap, after: Activity): Promise<StructureEdit> {
  const id = (await ask.input({ message: 'Id of the new activity:', validate: (v) => idProblem(roadmap, v.trim()) ?? true })).trim();
  const title = (await ask.input({ message: 'Title:', validate: (v) => (v.trim() ? true : 'give a title') })).trim();
  const window = (await ask.input({ message: 'Window (e.g. 2020-01..2020-03, 2020-06, 2020-12-31):', validate: (v) => (v.trim() ? (windowProblem(v, roadmap) ?? true) : 'give a window') })).trim();
  const responsible = await entities(ask, roadmap, 'Responsible entities (comma-separated):', undefined, true);
  const support = await entities(ask, roadmap, 'Supporting entities (comma-separated, optional):', undefined, false);
  return { kind: 'add', stage: after.stage, activity: { id, title, window, responsible, support }, after: after.id };
}

/** A comma-separated list of entity ids; `-` or nothing for none, where none is allowed. */
async function entities(ask: Prompter, roadmap: Roadmap, message: string, current: string | undefined, needed: boolean): Promise<string[]> {
  const read = (v: string) => (v.trim() === '-' ? [] : idList([v]));
  const answer = await ask.input({
    message,
    default: current,
    validate: (v) => {
      const ids = read(v);
      if (needed && ids.length === 0) return 'name at least one entity';
      return entitiesProblem(roadmap, ids) ?? true;
    },
  });
  return read(answer);
}

type Field = 'title' | 'period' | 'notes' | 'tags';

async function fields(ask: Prompter, a: Activity): Promise<Fields> {
  const field = await ask.select<Field>({
    message: 'Which field?',
    choices: [
      { name: 'Title', value: 'title' },
      { name: 'Period (as the source words it)', value: 'period' },
      { name: 'Notes', value: 'notes' },
      { name: 'Tags', value: 'tags' },
    ],
  });
  switch (field) {
    case 'title':
      return { title: (await ask.input({ message: 'New title:', default: a.title, validate: (v) => (v.trim() ? true : 'give a title') })).trim() };
    case 'period':
      return { period: (await ask.input({ message: 'Period (empty to remove it):' })).trim() };
    case 'notes':
      return { notes: (await ask.input({ message: 'Notes (empty to remove them):', default: a.notes ?? undefined })).trim() };
    case 'tags':
      return { tags: idList([await ask.input({ message: 'Tags (comma-separated, empty to remove them):', default: a.tags.join(', ') || undefined })]) };
  }
}
