/**
 * The import plan: a document's blocks → the text of a schema-1 roadmap file and
 * the review report of every interpretation made. Pure: no file system, no clock.
 */
import { ROADMAP_ID } from '../load/format.js';
import { scalarText } from '../edit/source.js';
import type { Block } from './document.js';
import { Entities } from './entities.js';
import { ImportError } from './errors.js';
import { readPeriod, type PeriodWindow } from './periods.js';
import { structure, type ActivityRow, type StagePlan } from './structure.js';

export interface Note {
  /** Where in the document: `row 1.2 (line 43)`, `stage I (line 40)`. */
  readonly at: string;
  readonly text: string;
  /** Needs the editor: the file fails validation there, or a guess was made. */
  readonly review: boolean;
}

export interface ImportPlan {
  readonly id: string;
  readonly yaml: string;
  readonly notes: readonly Note[];
  readonly counts: { readonly stages: number; readonly activities: number; readonly entities: number };
  /** 0 everything understood, 1 something needs review. */
  readonly exit: 0 | 1;
}

export interface ImportOptions {
  readonly id?: string | undefined;
  readonly year?: number | undefined;
  /** Path of the JSON Schema relative to the file written, for the editor modeline. */
  readonly schemaRef?: string;
}

/** The placeholder window of a period not understood: `validate` fails at its line, saying so. */
export const NOT_UNDERSTOOD = 'period not understood: review';

const short = (text: string, n = 70) => {
  const one = text.replace(/\s+/g, ' ');
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};
const q = (text: string) => scalarText(text.replace(/\s*\n\s*/g, ' '));
const flow = (ids: readonly string[]) => (ids.length === 1 ? q(ids[0]!) : `[${ids.map((i) => scalarText(i, { flow: true })).join(', ')}]`);
/** Ids that look like numbers are quoted, as the format reads them as written either way. */
const itemId = (id: string) => (/^\d/.test(id) ? JSON.stringify(id) : scalarText(id));

export function slug(title: string): string {
  const s = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return ROADMAP_ID.test(s) ? s : 'imported-roadmap';
}

function windowLines(w: PeriodWindow, indent: string): string[] {
  return [w.due ? `${indent}due: ${w.due}` : `${indent}window: ${w.window}`, `${indent}period: ${q(w.period)}`];
}

export function planImport(blocks: readonly Block[], options: ImportOptions = {}): ImportPlan {
  const doc = structure(blocks);
  if (doc.stages.length === 0) {
    throw new ImportError(
      doc.tables
        ? 'the activity tables have no rows'
        : 'no activity table found: a table needs a header row naming the activity, its period and who is responsible (e.g. "Name of activity | Period of execution | Responsible entity")',
    );
  }
  const notes: Note[] = [];
  if (options.id !== undefined && !ROADMAP_ID.test(options.id)) throw new ImportError(`--id ${JSON.stringify(options.id)} is not a roadmap id: lower-case letters, digits and -`);
  const title = doc.title ?? 'Imported roadmap';
  if (doc.title === undefined) notes.push({ at: 'document', text: 'no title found: "Imported roadmap" written', review: true });
  const id = options.id ?? slug(title);
  const entities = new Entities();
  const lines = [
    `# yaml-language-server: $schema=${options.schemaRef ?? '../schema/roadmap.schema.json'}`,
    '# Written by roadmap import. Review what its report lists, then run roadmap validate.',
    'schema: 1',
    `id: ${id}`,
    `title: ${q(title)}`,
    'revision: 1',
  ];
  for (const [key, list] of [
    ['goals', doc.goals],
    ['themes', doc.themes],
  ] as const) {
    if (list.length) lines.push('', `${key}:`, ...list.map((g) => `  - ${q(g)}`));
  }
  const stageLines: string[] = ['', 'stages:'];
  let activities = 0;
  // Stage and activity ids share one namespace.
  const seen = new Set<string>(doc.stages.map((s) => s.id));
  doc.stages.forEach((s, si) => {
    for (const l of stageBlock(s, si, options.year, entities, notes, seen)) stageLines.push(l);
    activities += s.rows.length;
  });
  if (entities.list.length) {
    lines.push('', 'entities:');
    for (const e of entities.list) {
      if (e.aliases.length === 0) lines.push(`  ${scalarText(e.id)}: ${q(e.name)}`);
      else lines.push(`  ${scalarText(e.id)}:`, `    name: ${q(e.name)}`, `    aliases: [${e.aliases.map((a) => scalarText(a, { flow: true })).join(', ')}]`);
    }
  }
  for (const l of stageLines) lines.push(l);
  lines.push('');
  return {
    id,
    yaml: lines.join('\n'),
    notes,
    counts: { stages: doc.stages.length, activities, entities: entities.list.length },
    exit: notes.some((n) => n.review) ? 1 : 0,
  };
}

function stageBlock(s: StagePlan, index: number, year: number | undefined, entities: Entities, notes: Note[], seen: Set<string>): string[] {
  const where = `stage ${s.id}${s.periodAt ? ` (${s.periodAt})` : ''}`;
  const lines = [`  - id: ${itemId(s.id)}`, `    title: ${q(s.title)}`];
  let context = year;
  if (s.period !== undefined) {
    const r = readPeriod(s.period, year);
    const only = r.ok && r.windows.length === 1 ? r.windows[0] : undefined;
    if (only?.window) {
      lines.push(`    window: ${only.window}`);
      context = Number(only.window.slice(0, 4));
      notes.push({ at: where, text: `window ${only.window} from heading "${short(s.period)}"`, review: false });
    } else notes.push({ at: where, text: `heading period "${short(s.period)}" not understood: the stage has no window`, review: true });
  }
  if (s.goals.length) lines.push('    goals:', ...s.goals.map((g) => `      - ${q(g)}`));
  lines.push('    activities:');
  s.rows.forEach((row, n) => {
    for (const l of activityBlock(row, `${index + 1}.${n + 1}`, context, year, entities, notes, seen)) lines.push(l);
  });
  return lines;
}

function activityBlock(row: ActivityRow, fallbackId: string, context: number | undefined, year: number | undefined, entities: Entities, notes: Note[], seen: Set<string>): string[] {
  let id = row.id ?? fallbackId;
  const at = (i: string) => `row ${i} (${row.at})`;
  if (row.id === undefined) notes.push({ at: at(id), text: `no activity number in the row: numbered ${id}`, review: true });
  if (seen.has(id)) {
    const again = `${id}-${row.at.replace(/\D+/g, '-').replace(/^-|-$/g, '')}`;
    notes.push({ at: at(id), text: `activity number ${id} used twice: this one is ${again}`, review: true });
    id = again;
  }
  seen.add(id);
  const lines = [`      - id: ${itemId(id)}`, `        title: ${q(row.title || '(no title)')}`];
  if (!row.title) notes.push({ at: at(id), text: 'no activity name in the row', review: true });
  lines.push(...periodLines(row.period, at(id), context, year, notes));
  const who = entities.resolve(row.responsible);
  for (const n of who.notes) notes.push({ at: at(id), ...n });
  if (who.responsible.length) {
    lines.push(`        responsible: ${flow(who.responsible)}`);
    const support = who.support.length ? `, support [${who.support.join(', ')}]` : '';
    notes.push({ at: at(id), text: `"${short(row.responsible)}" → responsible [${who.responsible.join(', ')}]${support}`, review: false });
  } else notes.push({ at: at(id), text: 'no responsible entity in the row', review: true });
  if (who.support.length) lines.push(`        support: ${flow(who.support)}`);
  return lines;
}

function periodLines(period: string, where: string, context: number | undefined, year: number | undefined, notes: Note[]): string[] {
  const r = readPeriod(period, context);
  if (!r.ok) {
    notes.push({ at: where, text: `period "${short(period)}" not understood`, review: true });
    return [`        period: ${q(period || '(none)')}`, `        window: ${q(NOT_UNDERSTOOD)}`];
  }
  const from = context === year ? '--year' : 'the stage heading';
  const assumed = r.yearAssumed ? ` (year ${context} from ${from})` : '';
  const shown = r.windows.map((w) => (w.due ? `due ${w.due}` : `window ${w.window}`)).join(', ');
  notes.push({ at: where, text: `period "${short(period)}" → ${shown}${assumed}`, review: false });
  if (r.windows.length === 1) return windowLines({ ...r.windows[0]!, period }, '        ');
  return [
    `        period: ${q(period)}`,
    '        windows:',
    ...r.windows.flatMap((w) => {
      const [first, ...rest] = windowLines(w, '            ');
      return [`          - label: ${q(w.period)}`, first!, ...rest];
    }),
  ];
}
