/**
 * "Record an assessment" as `update` asks it: assessor, window, scale, level,
 * as-of, source, note. Each answer is checked at its question (a date after today
 * or a second rating by the same assessor on the same date, scale and window is
 * asked again), so the planner's own checks are the last word, not the first.
 */
import { parseDate, type CalendarDate } from '../../calendar/date.js';
import { planAssessments, type AssessmentRecord } from '../../edit/assess.js';
import type { ActivityReport } from '../../evaluate.js';
import { COMPLETION, COMPLETION_LEVELS, NO_EVIDENCE, type Activity, type Roadmap } from '../../model.js';
import { futureDate, type TextPlan } from '../../shell/edit.js';
import { problemSummary } from '../../shell/problems.js';
import type { Choice, Prompter } from '../../shell/prompts.js';
import { inert } from '../../text/inert.js';

/** Offered only where ratings can be recorded: the roadmap declares assessors. */
export function assessChoices(roadmap: Roadmap): Choice<'assess'>[] {
  return roadmap.assessors?.size ? [{ name: 'Record an assessment', value: 'assess' }] : [];
}

export async function assessDetails(ask: Prompter, roadmap: Roadmap, r: ActivityReport, today: CalendarDate): Promise<TextPlan> {
  const a = r.activity;
  const by = await ask.select({
    message: 'Who rates?',
    choices: [...roadmap.assessors!.values()].map((x) => ({ name: `${inert(x.id)}  ${inert(x.name)} (${x.kind})`, short: inert(x.id), value: x.id })),
  });
  const window = await askWindow(ask, a);
  const scale = await askScale(ask, roadmap);
  const levels = scale === COMPLETION ? COMPLETION_LEVELS : roadmap.scales!.get(scale)!.levels;
  const level = await ask.select({ message: 'Level:', choices: [...levels, NO_EVIDENCE].map((l) => ({ name: inert(l), value: l })) });
  const asOf = await ask.input({ message: 'As of (YYYY-MM-DD, the date the rating describes):', default: today, validate: asOfCheck(roadmap, a, today, { by, scale, window }) });
  const source = (await ask.input({ message: 'Source (optional, the report it comes from):' })).trim();
  const note = (await ask.input({ message: 'Note (optional):' })).trim();
  const record: AssessmentRecord = {
    activity: a.id,
    by,
    asOf: parseDate(asOf.trim())!,
    level,
    scale,
    window,
    source: source || undefined,
    note: note || undefined,
  };
  return (text, file) => {
    const plan = planAssessments(text, file, [record]);
    if (!plan.ok) return { ok: false, message: `${problemSummary(plan.problems)}; nothing was written`, problems: plan.problems };
    return { ok: true, changed: plan.text !== text, text: plan.text, summary: plan.summary, roadmap: plan.roadmap };
  };
}

/** The label of the window rated; undefined for the whole activity. */
async function askWindow(ask: Prompter, a: Activity): Promise<string | undefined> {
  const labels = a.windows.flatMap((w) => (w.label === null ? [] : [w.label]));
  if (labels.length === 0) return undefined;
  const choices: Choice<string | undefined>[] = [{ name: 'the whole activity', value: undefined }, ...labels.map((l) => ({ name: inert(l), value: l }))];
  return ask.select({ message: 'Which window is rated?', choices });
}

async function askScale(ask: Prompter, roadmap: Roadmap): Promise<string> {
  const declared = [...(roadmap.scales?.values() ?? [])].filter((s) => s.name !== COMPLETION);
  if (declared.length === 0) return COMPLETION;
  return ask.select({
    message: 'On which scale?',
    choices: [{ name: COMPLETION, value: COMPLETION }, ...declared.map((s) => ({ name: `${inert(s.name)}  (${s.levels.map(inert).join(' < ')})`, short: inert(s.name), value: s.name }))],
  });
}

/** A date, not after today, and not the date of this assessor's rating already on this scale and window (the loader refuses a second). */
function asOfCheck(roadmap: Roadmap, a: Activity, today: CalendarDate, key: { by: string; scale: string; window: string | undefined }): (v: string) => true | string {
  return (v) => {
    const date = parseDate(v.trim());
    if (!date) return 'write a date as YYYY-MM-DD';
    const future = futureDate(date, today, 'rating');
    if (future) return future;
    const first = (a.assessments ?? []).find((x) => x.by === key.by && x.asOf === date && x.scale === key.scale && x.window === (key.window ?? null));
    if (!first) return true;
    const on = `${key.scale === COMPLETION ? '' : ` on ${inert(key.scale)}`}${key.window === undefined ? '' : ` of '${inert(key.window)}'`}`;
    return `${inert(key.by)} already rated ${inert(a.id)}${on} as of ${date} (${inert(roadmap.file)}:${first.at.line}:${first.at.column}): give another date`;
  };
}
