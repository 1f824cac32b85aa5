/**
 * iCalendar (RFC 5545): one all-day VEVENT per activity window and per stage deadline, so that a roadmap can be
 * subscribed to or imported. Pure; DTSTAMP comes from the report's today, not a clock.
 *
 * VEVENT rather than VTODO: most calendar applications import and show only events.
 * VEVENT's STATUS has no COMPLETED, so completion is carried by X-ROADMAP-STATE: done,
 * X-ROADMAP-DONE and a "[done]" prefix in the summary; cancelled windows get STATUS:CANCELLED.
 */
import type { ActivityReport, DeadlineReport, Report, WindowReport } from '../evaluate.js';
import { addDays, daysBetween } from '../calendar/date.js';
import { inert, inertLines } from '../text/inert.js';
import { span, when } from './words.js';

const LAST_DAY = '9999-12-31';

export interface IcsOptions {
  /** Name of the calendar (X-WR-CALNAME); default: the roadmap titles. */
  readonly name?: string | undefined;
  /** Product version for PRODID. */
  readonly version: string;
}

const CRLF = '\r\n';
const LIMIT = 75; // octets per line, CRLF excluded (RFC 5545 §3.1)

function octets(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** A content line folded at 75 octets, never inside a UTF-8 sequence; continuation lines start with a space. */
export function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let used = 0;
  for (const ch of line) {
    const n = octets(ch.codePointAt(0)!);
    if (used + n > LIMIT) {
      out.push(current);
      current = ' ';
      used = 1;
    }
    current += ch;
    used += n;
  }
  out.push(current);
  return out.join(CRLF);
}

/** TEXT value escaping (RFC 5545 §3.3.11); controls made visible first, line breaks kept as \n. */
export function icsText(text: string, multiline = false): string {
  return (multiline ? inertLines(text) : inert(text)).replace(/[\\;,\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

const icsDate = (d: string) => d.replaceAll('-', '');

/** Stable across runs and editions: the same window updates its event instead of adding one. */
export function uid(a: ActivityReport, w: WindowReport): string {
  return `${a.roadmap.id}/${a.activity.id}/w${w.index + 1}@roadmap`;
}

const prefix = (w: WindowReport) => (w.state === 'done' || w.state === 'overdue' || w.state === 'cancelled' ? `[${w.state}] ` : '');

function summary(a: ActivityReport, w: WindowReport): string {
  const label = w.window.label ? ` (${w.window.label})` : '';
  return `${prefix(w)}${a.activity.id} ${a.activity.title}${label}`;
}

function description(a: ActivityReport, w: WindowReport): string {
  const name = (id: string) => {
    const e = a.roadmap.entities.get(id);
    return e && e.name !== id ? `${id} (${e.name})` : id;
  };
  const lines = [
    `${a.activity.title}`,
    `Stage ${a.stage.id}: ${a.stage.title}`,
    `Window: ${w.window.label ? `${w.window.label}: ` : ''}${span(w.window.start, w.window.end)}`,
    `State: ${when(w, w.window.done, w.window.cancelled)}`,
    `Responsible: ${a.activity.responsible.map(name).join('; ')}`,
    ...(a.activity.support.length ? [`Support: ${a.activity.support.map(name).join('; ')}`] : []),
    ...[...new Set([...a.activity.evidence, ...w.window.evidence])].map((e) => `Evidence: ${e}`),
    ...((w.window.notes ?? a.activity.notes) ? [`Notes: ${w.window.notes ?? a.activity.notes}`] : []),
    `Roadmap: ${a.roadmap.title} (${a.roadmap.id}, revision ${a.roadmap.revision}), ${a.roadmap.file}:${w.window.at.line}`,
  ];
  return lines.join('\n');
}

function event(a: ActivityReport, w: WindowReport, stamp: string): string[] {
  return vevent(w, stamp, a.roadmap.revision, uid(a, w), summary(a, w), description(a, w), [`Stage ${a.stage.id}`, ...a.activity.responsible]);
}

/** A stage deadline: one day, of no entity; its UID is as stable as a window's. */
function deadlineEvent(d: DeadlineReport, stamp: string): string[] {
  const w = d.deadline;
  const { roadmap, stage } = d;
  const what = `Stage ${stage.id} deadline${w.window.label ? `: ${w.window.label}` : ''}`;
  const lines = [
    `Stage ${stage.id}: ${stage.title}`,
    ...(w.window.label ? [`Deadline: ${w.window.label}`] : []),
    `Due: ${w.window.end}`,
    `State: ${when(w, w.window.done, null)}`,
    `Roadmap: ${roadmap.title} (${roadmap.id}, revision ${roadmap.revision}), ${roadmap.file}:${w.window.at.line}`,
  ];
  return vevent(w, stamp, roadmap.revision, `${roadmap.id}/stage-${stage.id}/d${w.index + 1}@roadmap`, `${prefix(w)}${what}`, lines.join('\n'), [`Stage ${stage.id}`]);
}

function vevent(w: WindowReport, stamp: string, revision: number, id: string, title: string, text: string, tags: readonly string[]): string[] {
  const categories = tags.map((c) => icsText(c)).join(',');
  return [
    'BEGIN:VEVENT',
    `UID:${icsText(id)}`,
    `DTSTAMP:${stamp}`,
    `SEQUENCE:${revision - 1}`,
    `DTSTART;VALUE=DATE:${icsDate(w.window.start)}`,
    // DTEND of an all-day event is exclusive: the day after the window's last day, which
    // for 9999-12-31 has no four-digit year: a duration says the same.
    w.window.end === LAST_DAY ? `DURATION:P${daysBetween(w.window.start, w.window.end) + 1}D` : `DTEND;VALUE=DATE:${icsDate(addDays(w.window.end, 1))}`,
    `SUMMARY:${icsText(title)}`,
    `DESCRIPTION:${icsText(text, true)}`,
    `CATEGORIES:${categories}`,
    `STATUS:${w.state === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:TRANSPARENT',
    `X-ROADMAP-STATE:${w.state}`,
    ...(w.window.done ? [`X-ROADMAP-DONE;VALUE=DATE:${icsDate(w.window.done)}`] : []),
    'END:VEVENT',
  ];
}

export function renderIcs(report: Report, options: IcsOptions): string {
  const stamp = `${icsDate(report.today)}T000000Z`;
  const name = options.name ?? report.roadmaps.map(({ roadmap }) => roadmap.title).join('; ');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//roadmap//roadmap ${icsText(options.version)}//EN`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsText(name)}`,
    ...report.activities.flatMap((a) => a.windows.flatMap((w) => event(a, w, stamp))),
    ...report.deadlines.flatMap((d) => deadlineEvent(d, stamp)),
    'END:VCALENDAR',
  ];
  return lines.map(fold).join(CRLF) + CRLF;
}
