/** A small roadmap with assessors, for the assessment tests. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers.js';
import { reportOf } from '../render/support.js';

/** The fictional example roadmap of the README. */
export const EXAMPLE = readFileSync(path.join(ROOT, 'examples', 'city-open-data.yaml'), 'utf8');

export const HEAD = `schema: 1
id: demo
title: Demo roadmap
entities:
  GOVT: Government office
  CS: { name: Civil society network, aliases: [NGO] }
scales:
  impact: [worsened, no-change, marginal, major]
assessors:
  GOV: { entity: GOVT, kind: self }
  CSO: { entity: NGO, kind: alternative }
  IRM: { name: Independent Reporting Mechanism, kind: independent }
stages:
  - id: S
    title: Stage
    activities:
`;

/** One activity (line 17 of the file; its first assessment on line 22) with the given assessments, one flow mapping a line. */
export function oneActivity(assessments: readonly string[], status = 'window: 2024-01..2024-06', extra = ''): string {
  return `${HEAD}      - id: a1
        title: First
        ${status}
        responsible: GOVT${extra}
        assessments:
${assessments.map((x) => `          - ${x}\n`).join('')}`;
}

export const report = (text: string, today: string) => reportOf(text, today, {}, 'r.yaml');
