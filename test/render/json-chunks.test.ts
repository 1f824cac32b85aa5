import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { roadmapFile } from '../../bench/generate.mjs';
import { evaluate } from '../../src/evaluate.js';
import type { CalendarDate } from '../../src/calendar/date.js';
import { parseRoadmap } from '../../src/load/index.js';
import { jsonText, renderJson, renderJsonChunks, reportJson } from '../../src/render/json.js';
import { narrow } from '../../src/select.js';
import { SHIPPED } from '../helpers.js';

const today = '2019-07-15' as CalendarDate;

function report(texts: string[]) {
  const roadmaps = texts.map((t, i) => {
    const r = parseRoadmap(t, `f${i}.yaml`);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    return r.roadmap;
  });
  return evaluate(roadmaps, { today, horizonDays: 14 });
}

describe('JSON output in chunks', () => {
  it('is byte for byte JSON.stringify of the whole document, in pieces of the size asked', () => {
    const r = report([readFileSync(SHIPPED, 'utf8'), roadmapFile(1, 300), roadmapFile(2, 40)]);
    const whole = `${JSON.stringify(reportJson(r), null, 2)}\n`;
    const chunks = [...renderJsonChunks(r, 4096)];
    expect(chunks.join('')).toBe(whole);
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.slice(0, -1).every((c) => c.length >= 4096 && c.length < 4096 + 2000)).toBe(true);
    expect(renderJson(r)).toBe(whole);
  });

  it('prints some of the activities and keys after them (the check document) as one document would', () => {
    const r = report([readFileSync(SHIPPED, 'utf8'), roadmapFile(1, 300)]);
    const some = r.activities.filter((a) => a.state !== 'done');
    const extra = { failOn: ['overdue'], failed: true };
    const chunks = [...renderJsonChunks(r, 4096, some, extra)];
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.join('')).toBe(jsonText({ ...reportJson(r, some), ...extra }));
    expect([...renderJsonChunks(r, 4096, [], extra)].join('')).toBe(jsonText({ ...reportJson(r, []), ...extra }));
  });

  it('prints an empty activity list as JSON.stringify does', () => {
    const r = narrow(report([readFileSync(SHIPPED, 'utf8')]), { states: ['cancelled'] });
    expect(r.activities).toHaveLength(0);
    expect([...renderJsonChunks(r)].join('')).toBe(`${JSON.stringify(reportJson(r), null, 2)}\n`);
  });
});
