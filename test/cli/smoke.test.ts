import { describe, expect, it } from 'vitest';
import { spawn } from '../helpers.js';

describe('bin/roadmap', () => {
  it('reports the shipped roadmap as JSON at a fixed date', () => {
    const r = spawn(['status', '--today', '2019-07-15', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.summary).toEqual({ overdue: 6, 'due-soon': 0, active: 3, upcoming: 0, later: 10, done: 0, cancelled: 0 });
  });
});
