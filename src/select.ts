/** Narrowing a report to some stages, entities or states. Pure. */
import { count, type ActivityReport, type Group, type Report } from './evaluate.js';
import type { State } from './model.js';

export interface Filter {
  readonly stages?: readonly string[] | undefined;
  readonly entities?: readonly string[] | undefined;
  readonly states?: readonly State[] | undefined;
}

export function isEmptyFilter(f: Filter): boolean {
  return !f.stages?.length && !f.entities?.length && !f.states?.length;
}

/** Entity ids matching `name` in a roadmap: the id itself or one of its aliases. */
export function entityIds(report: Report, name: string): Set<string> {
  const ids = new Set<string>();
  for (const { roadmap } of report.roadmaps) {
    for (const e of roadmap.entities.values()) if (e.id === name || e.aliases.includes(name)) ids.add(e.id);
  }
  return ids;
}

export function narrow(report: Report, filter: Filter): Report {
  if (isEmptyFilter(filter)) return report;
  const stages = filter.stages?.length ? new Set(filter.stages) : null;
  const states = filter.states?.length ? new Set(filter.states) : null;
  const entities = filter.entities?.length ? new Set(filter.entities.flatMap((n) => [...entityIds(report, n)])) : null;
  const keep = (a: ActivityReport) =>
    (!stages || stages.has(a.stage.id)) &&
    (!states || states.has(a.state)) &&
    (!entities || a.activity.responsible.some((e) => entities.has(e)));
  const regroup = (groups: readonly Group[], only?: Set<string> | null): Group[] =>
    groups.flatMap((g) => {
      if (only && !only.has(g.key)) return [];
      const activities = g.activities.filter(keep);
      return activities.length ? [{ ...g, activities, counts: count(activities) }] : [];
    });
  const activities = report.activities.filter(keep);
  return {
    ...report,
    activities,
    summary: count(activities),
    stages: regroup(report.stages),
    entities: regroup(report.entities, entities),
  };
}
