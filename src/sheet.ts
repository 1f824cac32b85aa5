/**
 * Rating sheets: a CSV an assessor fills in a spreadsheet program, one row per
 * activity and per labelled window, read back into assessments to record. Pure:
 * no file system, no clock (the assessor and the as-of date are parameters).
 *
 * Written with a UTF-8 byte-order mark and CRLF line ends (RFC 4180): Excel reads
 * UTF-8 only with the mark, and LibreOffice, Numbers and Google Sheets accept both.
 * Read back with or without either.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { latestRatings } from './assess.js';
import type { CalendarDate } from './calendar/date.js';
import type { AssessmentRecord } from './edit/assess.js';
import { findActivity } from './edit/find.js';
import { COMPLETION, COMPLETION_LEVELS, NO_EVIDENCE, type Activity, type Problem, type Roadmap } from './model.js';
import { closest, didYouMean } from './suggest.js';

export const SHEET_COLUMNS = ['roadmap', 'id', 'window', 'title', 'responsible', 'start', 'end', 'previous', 'level', 'source', 'evidence', 'note'] as const;

export interface SheetRow {
  readonly roadmap: string;
  readonly id: string;
  /** A window's label; empty for the whole activity. */
  readonly window: string;
  readonly title: string;
  readonly responsible: string;
  readonly start: string;
  readonly end: string;
  /** The assessor's latest completion level as of the sheet's date, or empty. */
  readonly previous: string;
}

/** The roadmaps that declare the assessor. */
export function ratedBy(roadmaps: readonly Roadmap[], assessor: string): Roadmap[] {
  return roadmaps.filter((r) => r.assessors?.has(assessor));
}

/** One row per activity, then one per labelled window of it, of every roadmap the assessor rates. */
export function sheetRows(roadmaps: readonly Roadmap[], assessor: string, asOf: CalendarDate): SheetRow[] {
  const rows: SheetRow[] = [];
  for (const roadmap of ratedBy(roadmaps, assessor)) {
    for (const a of roadmap.stages.flatMap((s) => s.activities)) {
      const mine = latestRatings(roadmap, a.assessments ?? [], asOf).filter((l) => l.assessor.id === assessor && l.assessment.scale === COMPLETION);
      const previous = (window: string | null) => mine.find((l) => l.assessment.window === window)?.assessment.level ?? '';
      const common = { roadmap: roadmap.id, id: a.id, title: a.title, responsible: a.responsible.join(', ') };
      const starts = a.windows.map((w) => w.start).sort();
      const ends = a.windows.map((w) => w.end).sort();
      rows.push({ ...common, window: '', start: starts[0] ?? '', end: ends[ends.length - 1] ?? '', previous: previous(null) });
      for (const w of a.windows) {
        if (w.label !== null) rows.push({ ...common, window: w.label, start: w.start, end: w.end, previous: previous(w.label) });
      }
    }
  }
  return rows;
}

/** A cell a spreadsheet would run as a formula gets a leading apostrophe (read back without it). */
function defused(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function undefused(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

export function renderSheet(rows: readonly SheetRow[]): string {
  const records = rows.map((r) => [r.roadmap, r.id, r.window, r.title, r.responsible, r.start, r.end, r.previous, '', '', '', ''].map(defused));
  // A line break inside a cell is quoted whatever the record delimiter.
  return stringify([[...SHEET_COLUMNS], ...records], { bom: true, record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}

export interface SheetOptions {
  readonly by: string;
  readonly asOf: CalendarDate;
}

export type SheetResult = { readonly ok: true; readonly records: readonly AssessmentRecord[] } | { readonly ok: false; readonly problems: readonly Problem[] };

const LEVELS: readonly string[] = [...COMPLETION_LEVELS, NO_EVIDENCE];

interface CsvFailure {
  readonly code?: string;
  readonly records?: number;
  readonly empty_lines?: number;
  readonly message: string;
}

/** The CSV's rows, each with its number as a spreadsheet shows it (header = row 1, blank lines count). */
function rowsOf(text: string, file: string): { ok: true; rows: Array<{ cells: string[]; row: number }> } | { ok: false; problem: Problem } {
  try {
    const parsed = parse(text, { bom: true, info: true, skip_empty_lines: true, relax_column_count: false }) as unknown as Array<{ record: string[]; info: { records: number; empty_lines: number } }>;
    return { ok: true, rows: parsed.map((p) => ({ cells: p.record, row: p.info.records + p.info.empty_lines })) };
  } catch (error) {
    const e = error as CsvFailure;
    if (typeof e?.message !== 'string') throw error;
    const row = (e.records ?? 0) + (e.empty_lines ?? 0) + 1;
    const message =
      e.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH'
        ? "this row has a different number of cells from the header row: keep the sheet's columns as they are"
        : e.code === 'CSV_QUOTE_NOT_CLOSED'
          ? 'a quote (") opened in this row is never closed'
          : `not a CSV file: ${e.message}`;
    return { ok: false, problem: { file, line: row, column: 1, severity: 'error', message } };
  }
}

/**
 * A filled-in sheet to the assessments it records. Every row is checked before any
 * is returned; a row without a level is skipped. Problems are FILE:ROW:COLUMN.
 */
export function readSheet(text: string, file: string, roadmaps: readonly Roadmap[], options: SheetOptions): SheetResult {
  const read = rowsOf(text, file);
  if (!read.ok) return { ok: false, problems: [read.problem] };
  const [header, ...rows] = read.rows;
  const problems: Problem[] = [];
  const at = (row: number, column: number, message: string) => problems.push({ file, line: row, column, severity: 'error', message });
  if (!header) return { ok: false, problems: [{ file, line: 1, column: 1, severity: 'error', message: `the sheet is empty: its first row names the columns (${SHEET_COLUMNS.join(', ')})` }] };
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const column = (name: string) => names.indexOf(name);
  for (const name of ['id', 'level']) {
    if (column(name) < 0) at(1, 1, `the header row has no column '${name}' (the sheet's columns: ${SHEET_COLUMNS.join(', ')})`);
  }
  if (problems.length > 0) return { ok: false, problems };

  const records: AssessmentRecord[] = [];
  const seen = new Map<string, number>();
  for (const { cells, row } of rows) {
    const cell = (name: string) => (column(name) < 0 ? '' : (cells[column(name)] ?? ''));
    const col = (name: string) => column(name) + 1;
    const level = cell('level').trim();
    const note = cell('note').replace(/\r\n?/g, '\n').trim();
    const source = cell('source').trim();
    const evidence = cell('evidence')
      .split(/[\s;]+/)
      .filter(Boolean);
    if (level === '') {
      if (note || source || evidence.length) at(row, col('level'), 'level is empty, but the row has a source, evidence or note: give a level (or no-evidence), or clear the row');
      continue;
    }
    const found = activityOf(undefused(cell('roadmap').trim()), undefused(cell('id').trim()), roadmaps, options.by);
    if ('problem' in found) {
      at(row, col(found.column), found.problem);
      continue;
    }
    const { roadmap, activity } = found;
    const window = undefused(cell('window').trim());
    const labels = activity.windows.flatMap((w) => (w.label === null ? [] : [w.label]));
    if (window !== '' && !labels.includes(window)) {
      const hint = labels.length ? didYouMean(window, labels) || ` (windows: ${labels.join(', ')})` : ': the activity has no labelled windows';
      at(row, col('window'), `window '${window}' is not a window of activity ${activity.id}${hint}`);
    }
    const wanted = LEVELS.find((l) => l === level.toLowerCase());
    if (wanted === undefined) {
      at(row, col('level'), `level '${level}' is not on the scale completion${didYouMean(level, LEVELS) || ` (levels: ${LEVELS.join(', ')})`}`);
    }
    const target = `${roadmap.id}\u0000${activity.id}\u0000${window}`;
    const first = seen.get(target);
    if (first !== undefined) at(row, col('id'), `a second row for activity ${activity.id}${window ? ` (window '${window}')` : ''}: the first is row ${first}`);
    seen.set(target, row);
    if (wanted === undefined || (window !== '' && !labels.includes(window)) || first !== undefined) continue;
    records.push({
      activity: `${roadmap.id}:${activity.id}`,
      by: options.by,
      asOf: options.asOf,
      level: wanted,
      ...(window ? { window } : {}),
      ...(source ? { source } : {}),
      ...(evidence.length ? { evidence } : {}),
      ...(note ? { note } : {}),
      at: { file, line: row, column: col('level') },
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, records };
}

function activityOf(roadmapId: string, id: string, roadmaps: readonly Roadmap[], by: string): { roadmap: Roadmap; activity: Activity } | { problem: string; column: string } {
  if (id === '') return { problem: 'id is empty: the activity to rate', column: 'id' };
  let within = ratedBy(roadmaps, by);
  if (roadmapId !== '') {
    const named = roadmaps.find((r) => r.id === roadmapId);
    if (!named) {
      const near = closest(
        roadmapId,
        roadmaps.map((r) => r.id),
        1,
      );
      return { problem: `roadmap '${roadmapId}' is not loaded${near.length ? `; did you mean '${near[0]}'?` : ''}`, column: 'roadmap' };
    }
    if (!named.assessors?.has(by)) return { problem: `roadmap ${named.id} has no assessor ${by}`, column: 'roadmap' };
    within = [named];
  }
  const found = findActivity(within, id);
  return found.ok ? found : { problem: `id: ${found.message}`, column: 'id' };
}
