/** Narrowing a report to some stages, entities or states. Pure. */
import { count, type ActivityReport, type DeadlineReport, type Group, type Report } from './evaluate.js';
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
  const leads = (a: ActivityReport) => !entities || a.activity.responsible.some((e) => entities.has(e));
  // An entity's view includes what it supports; its counts stay those of what it leads.
  const keep = (a: ActivityReport) => (!stages || stages.has(a.stage.id)) && (!states || states.has(a.state)) && (leads(a) || a.activity.support.some((e) => entities!.has(e)));
  // A stage deadline belongs to its stage and to no entity.
  const keepDeadline = (d: DeadlineReport) => !entities && (!stages || stages.has(d.stage.id)) && (!states || states.has(d.deadline.state));
  const regroup = (groups: readonly Group[], only?: Set<string> | null): Group[] =>
    groups.flatMap((g) => {
      if (only && !only.has(g.key)) return [];
      const activities = g.activities.filter(keep);
      const deadlines = g.deadlines.length ? g.deadlines.filter(keepDeadline) : g.deadlines;
      if (!activities.length && !deadlines.length) return [];
      if (g.supported === undefined) return [{ ...g, activities, deadlines, counts: count(activities) }];
      const led = activities.filter((a) => a.activity.responsible.includes(g.key));
      return [{ ...g, activities, deadlines, counts: count(led), supported: activities.length - led.length }];
    });
  const activities = report.activities.filter(keep);
  return {
    ...report,
    activities,
    summary: count(activities),
    stages: regroup(report.stages),
    entities: regroup(report.entities, entities),
    deadlines: report.deadlines.filter(keepDeadline),
  };
}
