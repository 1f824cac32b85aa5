/** Reports built in memory from roadmap text, for renderer tests. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDate, type CalendarDate } from '../../src/calendar/date.js';
import { evaluate, type Report } from '../../src/evaluate.js';
import { parseRoadmap } from '../../src/load/parse.js';
import { narrow, type Filter } from '../../src/select.js';
import { FIXTURES, SHIPPED } from '../helpers.js';

export const HOSTILE = path.join(FIXTURES, 'hostile.yaml');

export function date(text: string): CalendarDate {
  const d = parseDate(text);
  if (!d) throw new Error(`not a date: ${text}`);
  return d;
}

export function reportOf(text: string, today: string, filter: Filter = {}, file = 'roadmaps/test.yaml'): Report {
  const parsed = parseRoadmap(text, file);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('\n'));
  return narrow(evaluate([parsed.roadmap], { today: date(today), horizonDays: 14 }), filter);
}

export function shippedReport(today: string, filter: Filter = {}): Report {
  return reportOf(readFileSync(SHIPPED, 'utf8'), today, filter, 'roadmaps/az-ogp-2019-21.yaml');
}

export function hostileReport(today: string, filter: Filter = {}): Report {
  return reportOf(readFileSync(HOSTILE, 'utf8'), today, filter, 'roadmaps/hostile.yaml');
}
