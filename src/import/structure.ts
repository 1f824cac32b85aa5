/**
 * The document's shape: the title, goal and theme lists, stages from the headings
 * above the tables, and one activity per row of a table whose header names the
 * activity, its period and who is responsible (in any order).
 */
import { squeeze, type Block, type Row } from './document.js';

export interface Columns {
  readonly name: number;
  /** The last column of the name: blank header cells after it belong to it (an id and a title). */
  readonly nameEnd: number;
  readonly period: number;
  readonly responsible: number;
  readonly id?: number;
  readonly width: number;
}

export interface ActivityRow {
  readonly id: string | undefined;
  readonly title: string;
  readonly period: string;
  readonly responsible: string;
  readonly at: string;
}

export interface StagePlan {
  readonly id: string;
  title: string;
  period?: string;
  periodAt?: string;
  readonly goals: string[];
  readonly rows: ActivityRow[];
}

export interface Structure {
  readonly title: string | undefined;
  readonly goals: string[];
  readonly themes: string[];
  readonly stages: StagePlan[];
  readonly tables: number;
}

const PERIOD = /period|deadline|timeline|time ?frame|date|when|term|duration|icra müddəti|müddət/i;
const RESPONSIBLE = /responsib|lead|implement|executor|entity|person|owner|icraçı|məsul/i;
const NAME = /activit|action|measure|task|event|name|tədbir|fəaliyyət/i;
const NUMBER = /^(?:no\.?|n°|nr\.?|#|№|id|s\/n)$/i;

/** The columns of an activity table, when these cells are its header row. */
export function columnsOf(row: readonly string[]): Columns | undefined {
  // A case-blind match does not fold the Azerbaijani İ.
  const cells = row.map((c) => c.replace(/İ/g, 'i'));
  const find = (re: RegExp, not: number[] = []) => cells.findIndex((c, i) => !not.includes(i) && re.test(c));
  const period = find(PERIOD);
  const responsible = find(RESPONSIBLE, [period]);
  const name = find(NAME, [period, responsible]);
  if (period < 0 || responsible < 0 || name < 0) return undefined;
  const id = cells.findIndex((c) => NUMBER.test(c));
  let nameEnd = name;
  while (nameEnd + 1 < cells.length && cells[nameEnd + 1]!.trim() === '' && ![period, responsible].includes(nameEnd + 1)) nameEnd++;
  return { name, nameEnd, period, responsible, ...(id >= 0 ? { id } : {}), width: cells.length };
}

/** "Activities of the I Stage (01 March - 31 May, 2019)", "Stage II: Adoption", "2nd stage". */
const ACTIVITIES_OF = /^activities of (?:the )?([IVX]+|\d+)(?:st|nd|rd|th)? stage\b\s*(.*)$/i;
const STAGE = /^(?:stage|phase|mərhələ)\s+([IVX]+|\d+)\b[\s:.–-]*(.*)$/i;
const ROW_ID = /^(\d+(?:\.\d+)*)\.?(?:\s+|$)([\s\S]*)$/;

export function stageHeading(text: string): { id: string; title: string; period?: string } | undefined {
  const m = ACTIVITIES_OF.exec(text) ?? STAGE.exec(text);
  if (!m || text.length > 160) return undefined;
  const rest = m[2] ?? '';
  const paren = /\(([^()]*)\)\s*$/.exec(rest);
  const title = squeeze((paren ? text.slice(0, text.length - paren[0].length) : text).replace(/[:.\s]+$/, ''));
  return { id: (m[1] ?? '').toUpperCase(), title, ...(paren ? { period: squeeze(paren[1] ?? '') } : {}) };
}

function activityOf(row: Row, c: Columns): ActivityRow | undefined {
  const cells = row.cells;
  if (cells.every((x) => x.trim() === '')) return undefined;
  // A row wider than its header: the extra cells belong to the name (an id column the header left blank).
  const extra = Math.max(0, cells.length - c.width);
  const at = (col: number) => cells[col > c.name ? col + extra : col] ?? '';
  const name = cells
    .slice(c.name, c.nameEnd + extra + 1)
    .filter((x) => x.trim() !== '')
    .join(' ');
  const joined = squeeze(name.replace(/\n/g, ' '));
  const m = ROW_ID.exec(joined);
  const written = c.id !== undefined ? squeeze(at(c.id)).replace(/\.$/, '') : undefined;
  const id = written || m?.[1];
  const title = (m && !written ? (m[2] ?? '') : joined).trim();
  return { id: id || undefined, title, period: at(c.period), responsible: at(c.responsible), at: row.at };
}

export function structure(blocks: readonly Block[]): Structure {
  const stages: StagePlan[] = [];
  const goals: string[] = [];
  const themes: string[] = [];
  let title: string | undefined;
  let list: string[] | undefined;
  let stageGoal: StagePlan | undefined;
  let current: StagePlan | undefined;
  let tables = 0;
  const stage = (id: string, t: string) => {
    let s = stages.find((x) => x.id === id);
    if (!s) stages.push((s = { id, title: t, goals: [], rows: [] }));
    return s;
  };
  for (const b of blocks) {
    if (b.kind === 'table') {
      list = undefined;
      stageGoal = undefined;
      let columns: Columns | undefined;
      for (const row of b.rows) {
        const found = columnsOf(row.cells);
        if (found) {
          columns = found;
          continue;
        }
        if (!columns) continue;
        const filled = row.cells.filter((x) => x.trim() !== '');
        const heading = filled.length === 1 ? stageHeading(filled[0]!) : undefined;
        if (heading) {
          current = stage(heading.id, heading.title);
          continue;
        }
        const a = activityOf(row, columns);
        if (!a) continue;
        current ??= stage('S1', 'Activities');
        current.rows.push(a);
      }
      if (columns) tables++;
      continue;
    }
    if (b.kind === 'item') {
      const item = b.text.replace(/\s*[;,]$/, '');
      if (list) list.push(item);
      else if (stageGoal) stageGoal.goals.push(item);
      continue;
    }
    list = undefined;
    const heading = stageHeading(b.text);
    if (heading && ACTIVITIES_OF.test(b.text)) {
      current = stage(heading.id, heading.title);
      current.title = heading.title;
      if (heading.period) Object.assign(current, { period: heading.period, periodAt: b.at });
      stageGoal = undefined;
    } else if (heading) {
      // "Stage I" above a list (or one paragraph) of what the stage is to achieve.
      stageGoal = stage(heading.id, heading.title);
    } else if (stageGoal && stageGoal.goals.length === 0 && b.kind === 'para') {
      stageGoal.goals.push(b.text);
      stageGoal = undefined;
    } else {
      stageGoal = undefined;
      if (title === undefined && b.text.length <= 200) title = b.text.replace(/[:.]$/, '');
      else if (/requirement|principle|goal|objective|standard/i.test(b.text) && b.text.length <= 300) list = goals;
      else if (/direction|theme|area|priorit/i.test(b.text) && b.text.length <= 300) list = themes;
    }
  }
  return { title, goals, themes, stages: stages.filter((s) => s.rows.length > 0), tables };
}
