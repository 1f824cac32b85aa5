/** `roadmap add <stage> --id … --title … --window … --responsible …`: a new activity in a stage. */
import { pickRoadmap } from '../edit/pick.js';
import { planStructureEdit } from '../edit/structure.js';
import { command } from '../shell/command.js';
import type { Output } from '../shell/effects.js';
import { runRoadmapEdit, type EditOptions } from '../shell/edit.js';
import { UserError } from '../shell/io.js';
import { idList } from '../shell/lists.js';
import type { Run } from '../shell/run.js';

export interface AddOptions extends EditOptions {
  readonly id?: string;
  readonly title?: string;
  readonly window?: string;
  readonly responsible?: string;
  readonly support?: string[];
  readonly after?: string;
  readonly period?: string;
}

export function plan(run: Run, options: AddOptions, stage: string): Promise<Output> {
  const need = (value: string | undefined, flag: string, example: string): string => {
    if (value === undefined || value.trim() === '') throw new UserError(`add needs ${flag}, e.g. ${flag} ${example}`);
    return value.trim();
  };
  const activity = {
    id: need(options.id, '--id', '2.10'),
    title: need(options.title, '--title', '"Publishing the report"'),
    window: need(options.window, '--window', '2020-01..2020-03'),
    responsible: idList([need(options.responsible, '--responsible', 'CCC')]),
    support: idList(options.support ?? []),
    period: options.period?.trim() || undefined,
  };
  let stageId = stage;
  return runRoadmapEdit(
    run,
    { dryRun: options.dryRun },
    (loaded) => {
      const picked = pickRoadmap(loaded.roadmaps, stage, (r, id) => r.stages.some((s) => s.id === id));
      if (!picked.ok) throw new UserError(picked.message);
      stageId = picked.id;
      return picked.roadmap;
    },
    (text, file) => planStructureEdit(text, file, { kind: 'add', stage: stageId, activity, after: options.after?.trim() }),
  );
}

export const run = command<AddOptions, [string]>(plan);
