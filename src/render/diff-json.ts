/** `roadmap diff --format json`: the typed list of changes, with the two sides and the gate. */
import type { Change } from '../diff/changes.js';
import type { DiffReport, Side } from '../diff/report.js';
import { gatesOf } from '../diff/changes.js';
import { jsonText } from './json.js';

function side(s: Side) {
  return { label: s.label, roadmaps: s.roadmaps.map((r) => ({ id: r.id, title: r.title, revision: r.revision, schema: r.schema, file: r.file })) };
}

/** Every change with the same leading keys, `window` null where it does not apply. */
export function changeJson(c: Change) {
  const { kind, roadmap, stage, activity, ...rest } = c;
  const window = 'window' in rest ? rest.window : null;
  return { kind, roadmap, stage, activity, window, ...rest, gates: gatesOf(c) };
}

export function diffJson(report: DiffReport) {
  return {
    old: side(report.old),
    new: side(report.new),
    common: report.common,
    count: report.changes.length,
    failOn: report.failOn,
    failed: report.failing.length > 0,
    changes: report.changes.map(changeJson),
  };
}

export function renderDiffJson(report: DiffReport): string {
  return jsonText(diffJson(report));
}
