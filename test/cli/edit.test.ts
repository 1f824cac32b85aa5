import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHIPPED, spawn, tree } from '../helpers.js';

describe('bin/roadmap edits', () => {
  it('done 1.1 adds exactly two lines to a copy of the shipped roadmap, and status then shows it done', () => {
    const dir = tree({});
    const file = path.join(dir, 'roadmaps', 'az-ogp-2019-21.yaml');
    cpSync(SHIPPED, file);
    const before = readFileSync(file, 'utf8');

    const dry = spawn(['done', '1.1', '--on', '2019-04-20', '--evidence', 'https://example.org/x', '--dry-run'], { cwd: dir });
    expect(dry.code).toBe(0);
    expect(dry.stdout.split('\n').filter((l) => /^[-+]/.test(l))).toEqual([
      '--- a/roadmaps/az-ogp-2019-21.yaml',
      '+++ b/roadmaps/az-ogp-2019-21.yaml',
      '+        done: 2019-04-20',
      '+        evidence: [https://example.org/x]',
    ]);
    expect(readFileSync(file, 'utf8')).toBe(before);

    const r = spawn(['done', '1.1', '--on', '2019-04-20', '--evidence', 'https://example.org/x'], { cwd: dir });
    expect(r).toEqual({ code: 0, stdout: 'az-ogp-2019-21 1.1: done 2019-04-20, evidence +1\n', stderr: '' });
    const after = readFileSync(file, 'utf8').split('\n');
    const old = before.split('\n');
    const at = old.indexOf('        responsible: CCC') + 1;
    expect(after).toEqual([...old.slice(0, at), '        done: 2019-04-20', '        evidence: [https://example.org/x]', ...old.slice(at)]);

    const s = spawn(['status', '--today', '2019-07-15', '--format', 'json'], { cwd: dir });
    const doc = JSON.parse(s.stdout);
    expect(doc.activities.find((a: { id: string }) => a.id === '1.1')).toMatchObject({ state: 'done', done: '2019-04-20' });
    expect(doc.summary).toMatchObject({ overdue: 5, done: 1 });
  });
});
