/** The changes between two sides, grouped by roadmap and stage for the renderers. Pure. */
import type { Roadmap } from '../model.js';
import type { Gate } from '../formats.js';
import { failing, type Change } from './changes.js';
import { diffRoadmaps } from './compare.js';

/** One side of a comparison: what the user named it, and the roadmaps it holds (one edition each). */
export interface Side {
  readonly label: string;
  readonly roadmaps: readonly Roadmap[];
}

export interface StageGroup {
  readonly id: string;
  readonly title: string;
  readonly changes: readonly Change[];
}

export interface RoadmapGroup {
  readonly id: string;
  readonly title: string;
  /** Roadmap-level changes: title, time zone, revision, entities, the roadmap added or removed. */
  readonly changes: readonly Change[];
  readonly stages: readonly StageGroup[];
  /** Activity titles by id (the new title, else the old). */
  readonly titles: ReadonlyMap<string, string>;
}

export interface DiffReport {
  readonly old: Side;
  readonly new: Side;
  readonly changes: readonly Change[];
  readonly common: readonly string[];
  readonly groups: readonly RoadmapGroup[];
  readonly failOn: readonly Gate[];
  /** The changes that need sign-off under failOn. */
  readonly failing: readonly Change[];
}

export function diffReport(before: Side, after: Side, failOn: readonly Gate[] = []): DiffReport {
  const { changes, common } = diffRoadmaps(before.roadmaps, after.roadmaps);
  const ids = [...new Set(changes.map((c) => c.roadmap))];
  const groups = ids.map((id) =>
    group(
      id,
      changes.filter((c) => c.roadmap === id),
      before.roadmaps.find((r) => r.id === id),
      after.roadmaps.find((r) => r.id === id),
    ),
  );
  return { old: before, new: after, changes, common, groups, failOn, failing: failing(changes, failOn) };
}

function group(id: string, changes: readonly Change[], o: Roadmap | undefined, n: Roadmap | undefined): RoadmapGroup {
  const stageTitles = new Map<string, string>();
  const titles = new Map<string, string>();
  for (const r of [o, n]) {
    for (const s of r?.stages ?? []) {
      stageTitles.set(s.id, s.title);
      for (const a of s.activities) titles.set(a.id, a.title);
    }
  }
  const stageIds = [...new Set(changes.flatMap((c) => (c.stage === null ? [] : [c.stage])))];
  return {
    id,
    title: (n ?? o)?.title ?? id,
    changes: changes.filter((c) => c.stage === null),
    stages: stageIds.map((s) => ({ id: s, title: stageTitles.get(s) ?? '', changes: changes.filter((c) => c.stage === s) })),
    titles,
  };
}
