import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, SHIPPED, spawn, tree } from '../helpers.js';

const today = ['--today', '2019-10-01'];

describe('roadmap timeline (end to end)', () => {
  it('shows the three stages on a 2019–2021 axis with today in October 2019', () => {
    const r = spawn(['timeline', ...today]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(path.join(ROOT, 'test', 'expected', 'timeline-100.txt'), 'utf8'));
    expect(r.stderr).toBe('');
  });
});

describe('roadmap report (end to end)', () => {
  it('writes the HTML page atomically and says so on stderr', () => {
    const dir = tree({});
    const r = spawn(['report', '-r', SHIPPED, ...today, '--format', 'html', '--output', 'status.html'], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: 'roadmap: wrote status.html (html, 19 activities)\n' });
    expect(readdirSync(dir)).toEqual(['status.html']); // no temporary file left
    const page = readFileSync(path.join(dir, 'status.html'), 'utf8');
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain('<strong>8</strong> overdue');
  });

  it('replaces an existing file whole', () => {
    const dir = tree({ 'out.md': 'x'.repeat(100_000) });
    const r = spawn(['report', '-r', SHIPPED, ...today, '--output', 'out.md', '-q'], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const text = readFileSync(path.join(dir, 'out.md'), 'utf8');
    expect(text.startsWith('# Roadmap status: ')).toBe(true); // markdown, from the extension
    expect(text).not.toContain('xxx');
  });

  it('takes the format from the --output extension, and --format over it', () => {
    const dir = tree({});
    expect(spawn(['report', '-r', SHIPPED, ...today, '--output', 'cal.ics', '-q'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(path.join(dir, 'cal.ics'), 'utf8').startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(spawn(['report', '-r', SHIPPED, ...today, '--format', 'mermaid', '--output', 'chart.md', '-q'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(path.join(dir, 'chart.md'), 'utf8').startsWith('gantt\n')).toBe(true);
  });

  it('prints to stdout without --output (markdown by default)', () => {
    const r = spawn(['report', '-r', SHIPPED, ...today, '--stage', 'I']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('# Roadmap status: Roadmap for the development of the 2019-21 OGP action plan');
    expect(r.stdout).toContain('### Stage I — Launch of the process');
    expect(r.stdout).not.toContain('### Stage II');
  });

  it('gives one entity its own calendar', () => {
    const r = spawn(['report', '-r', SHIPPED, ...today, '--format', 'ics', '--entity', 'OGP-AZ']);
    expect(r.stdout.replace(/\r\n /g, '')).toContain('\r\nX-WR-CALNAME:Roadmap for the development of the 2019-21 OGP action plan — OGP-AZ\r\n');
    expect(r.stdout.match(/BEGIN:VEVENT/g)).toHaveLength(10); // 1.2, 1.3, 1.4, 2.1, 2.2, 2.3, 2.5, 2.6, 2.7, 3.5
  });

  it('writes the calendar and chart when only stage deadlines match', () => {
    const plan = path.join(FIXTURES, 'deadlines', 'plan.yaml');
    const ics = spawn(['report', '-r', plan, '--today', '2024-06-10', '--state', 'overdue', '--format', 'ics']);
    expect(ics.code).toBe(0);
    expect(ics.stdout.match(/\r\nUID:.*/g)).toEqual(['\r\nUID:plan/stage-S1/d1@roadmap', '\r\nUID:plan/stage-S2/d5@roadmap']);
    const chart = spawn(['report', '-r', plan, '--today', '2024-06-10', '--state', 'overdue', '--format', 'mermaid']);
    expect(chart.stdout.split('\n').filter((l) => l.includes(' deadline'))).toEqual([
      '    Stage S1 deadline :crit, milestone, d1, 2024-06-01, 0d',
      '    Stage S2 deadline#58; Done after today :crit, milestone, d2, 2024-06-05, 0d',
    ]);
  });

  it('writes no calendar or chart when nothing matches, and says why', () => {
    const dir = tree({});
    for (const format of ['ics', 'mermaid']) {
      const r = spawn(['report', '-r', SHIPPED, ...today, '--format', format, '--state', 'cancelled', '--output', `x.${format}`], { cwd: dir });
      expect(r.code).toBe(0);
      expect(r.stderr).toBe(`roadmap: nothing to show: no activity matches; no ${format === 'ics' ? 'calendar' : 'chart'} written\n`);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('fails with exit 2 and a one-line message when the file cannot be written', () => {
    const dir = tree({});
    const r = spawn(['report', '-r', SHIPPED, ...today, '--format', 'html', '--output', 'missing/dir/status.html'], { cwd: dir });
    expect(r).toMatchObject({ code: 2, stdout: '', stderr: 'roadmap: cannot write missing/dir/status.html: cannot create a file in dir/: no such file or directory; no file was created\n' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes nothing when the roadmap is invalid', () => {
    const dir = tree({ 'bad.yaml': 'schema: 1\nid: bad\ntitle: Bad\nstages: []\nwhoops: 1\n' });
    writeFileSync(path.join(dir, 'status.html'), 'old');
    const r = spawn(['report', '-r', 'bad.yaml', ...today, '--output', 'status.html'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^bad\.yaml:5:1: error: /);
    expect(readFileSync(path.join(dir, 'status.html'), 'utf8')).toBe('old');
    expect(existsSync(path.join(dir, 'status.html'))).toBe(true);
  });

  it('rejects an unknown format', () => {
    const r = spawn(['report', '--format', 'pdf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: option '--format <format>' argument 'pdf' is invalid. Allowed choices are html, ics, mermaid, markdown.\n");
  });
});
