/** The SPEC §4 JSON document. */
import type { ActivityReport, DeadlineReport, Group, Report, WindowReport } from '../evaluate.js';
import { assess, assessActivity, disagreementJson, hasAssessments, isRated } from '../assess.js';
import { COMPLETION, type Assessment } from '../model.js';

export function activityJson(a: ActivityReport) {
  const d = a.deciding.window;
  return {
    roadmap: a.roadmap.id,
    stage: a.stage.id,
    id: a.activity.id,
    title: a.activity.title,
    responsible: a.activity.responsible,
    state: a.state,
    start: d.start,
    end: d.end,
    done: a.done,
    late: a.late,
    ...(a.daysOverdue !== undefined ? { daysOverdue: a.daysOverdue } : {}),
    ...(a.daysLeft !== undefined ? { daysLeft: a.daysLeft } : {}),
    ...(a.daysUntilStart !== undefined ? { daysUntilStart: a.daysUntilStart } : {}),
    ...(a.daysLate !== undefined ? { daysLate: a.daysLate } : {}),
    file: a.roadmap.file,
    line: a.activity.at.line,
    windows: a.windows.map((w) => ({
      label: w.window.label,
      start: w.window.start,
      end: w.window.end,
      state: w.state,
      done: w.window.done,
      started: w.window.started,
      cancelled: w.window.cancelled,
      evidence: w.window.evidence,
      notes: w.window.notes,
      period: w.window.period ?? null,
    })),
    // Spec revision 2: everything recorded, as of today (a later start is not shown yet).
    support: a.activity.support,
    started: a.started,
    cancelled: a.state === 'cancelled' ? cancelReason(a) : null,
    evidence: a.activity.evidence,
    notes: a.activity.notes,
    period: a.activity.period,
    // Spec revision 2, in a roadmap with assessments: ratings, the latest as of today, disagreements.
    ...(isRated(a.roadmap) ? assessmentsJson(a) : undefined),
  };
}

function dayCounts(w: WindowReport) {
  return {
    ...(w.daysOverdue !== undefined ? { daysOverdue: w.daysOverdue } : {}),
    ...(w.daysLeft !== undefined ? { daysLeft: w.daysLeft } : {}),
    ...(w.daysUntilStart !== undefined ? { daysUntilStart: w.daysUntilStart } : {}),
    ...(w.daysLate !== undefined ? { daysLate: w.daysLate } : {}),
  };
}

/** A stage deadline (spec revision 2), as of today. */
export function deadlineJson(d: DeadlineReport) {
  const w = d.deadline;
  return { label: w.window.label, due: w.window.end, done: w.window.done, state: w.state, late: w.late, ...dayCounts(w), line: w.window.at.line };
}

/** A stage with its deadlines (spec revision 2). */
export function stageJson(g: Group) {
  const line = g.stage?.at.line ?? null;
  return { roadmap: g.roadmap.id, id: g.key, title: g.title, start: g.start, end: g.end, file: g.roadmap.file, line, deadlines: g.deadlines.map(deadlineJson) };
}

// ---- Assessments (spec revision 2) ----

function assessmentJson(x: Assessment) {
  return {
    by: x.by,
    asOf: x.asOf,
    level: x.level,
    scale: x.scale,
    source: x.source,
    window: x.window,
    published: x.published,
    evidence: x.evidence,
    note: x.note,
    line: x.at.line,
  };
}

/**
 * `latest` maps each assessor to its latest completion rating of the whole activity
 * (SPEC's simple case); `latestRatings` lists every latest rating, of every scale and window.
 */
export function assessmentsJson(a: ActivityReport) {
  const x = assessActivity(a);
  if (x === null) return { assessments: [], latest: {}, latestRatings: [], disagreements: [] };
  const latest: Record<string, string> = {};
  for (const l of x.latest) if (l.assessment.scale === COMPLETION && l.assessment.window === null) latest[l.assessment.by] = l.assessment.level;
  return {
    assessments: x.all.map(assessmentJson),
    latest,
    latestRatings: x.latest.map(({ assessment: r }) => ({ by: r.by, scale: r.scale, window: r.window, level: r.level, asOf: r.asOf, line: r.at.line })),
    disagreements: x.disagreements.map((d) => disagreementJson(d)),
  };
}

/** Per assessor, its latest ratings counted per scale and level (of all activities, as of today). */
export function assessorsJson(report: Report) {
  return assess(report).assessors.map((s) => ({
    roadmap: s.roadmap.id,
    id: s.assessor.id,
    name: s.assessor.name,
    kind: s.assessor.kind,
    entity: s.assessor.entity,
    activities: s.activities.length,
    counts: s.counts,
  }));
}

/** The activity's own reason, else its first window's (it is cancelled when every window is). */
export function cancelReason(a: ActivityReport): string | null {
  return a.activity.cancelled ?? a.windows.find((w) => w.window.cancelled !== null)?.window.cancelled ?? null;
}

export function reportJson(report: Report, activities: readonly ActivityReport[] = report.activities) {
  return {
    today: report.today,
    horizonDays: report.horizonDays,
    summary: hasAssessments(report) ? { ...report.summary, assessors: assessorsJson(report) } : report.summary,
    roadmaps: report.roadmaps.map(({ roadmap }) => ({ id: roadmap.id, title: roadmap.title, revision: roadmap.revision, file: roadmap.file })),
    // Before activities: renderJsonChunks cuts the document at the activities' placeholder, the last 0 in it.
    stages: report.stages.map(stageJson),
    activities: activities.map(activityJson),
  };
}

export function renderJson(report: Report): string {
  return [...renderJsonChunks(report)].join('');
}

// JSON.stringify escapes C0 controls but passes DEL, C1 controls, bidi and line
// separators through; as \u escapes they read back the same and stay inert in a terminal.
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;

function escapeUnsafe(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Pretty JSON with every invisible or reordering character escaped. */
export function jsonText(value: unknown): string {
  return `${escapeUnsafe(JSON.stringify(value, null, 2))}\n`;
}

/**
 * The same document in pieces of about `size` characters, for printing as they
 * come: for 100,000 activities neither the whole object tree nor one string of
 * 60 MB is built. Byte for byte what jsonText({ ...reportJson(report, activities), ...extra }) prints.
 */
export function* renderJsonChunks(report: Report, size = 1 << 20, activities: readonly ActivityReport[] = report.activities, extra?: Record<string, unknown>): Generator<string> {
  if (activities.length === 0) {
    yield jsonText({ ...reportJson(report, activities), ...extra });
    return;
  }
  // The document with one placeholder activity, cut around it.
  const head = escapeUnsafe(JSON.stringify({ ...reportJson(report, []), activities: [0] }, null, 2));
  const at = head.lastIndexOf('0');
  let chunk = head.slice(0, at);
  // The head holds every stage (a portfolio has thousands): it goes out in pieces of its own.
  while (chunk.length >= size) {
    yield chunk.slice(0, size);
    chunk = chunk.slice(size);
  }
  for (let i = 0; i < activities.length; i++) {
    if (i > 0) chunk += ',\n    ';
    chunk += escapeUnsafe(JSON.stringify(activityJson(activities[i]!), null, 2)).replace(/\n/g, '\n    ');
    if (chunk.length >= size) {
      yield chunk;
      chunk = '';
    }
  }
  // The keys after the activities: `\n  ]` then either `\n}` or `,\n  "key": …\n}`.
  const after = extra ? `\n  ],${escapeUnsafe(JSON.stringify(extra, null, 2)).slice(1)}` : head.slice(at + 1);
  yield `${chunk}${after}\n`;
}
