/** Everything recorded is shown: support, started, evidence, cancel reasons and notes, in every format. */
import { describe, expect, it } from 'vitest';
import { roadmapYaml, run, tree } from './helpers.js';

const ACTIVITIES = `      - id: r1
        title: Started and supported
        window: 2025-01-01..2025-03-31
        responsible: A
        support: [B]
        started: 2025-02-03
        evidence: [https://example.org/minutes]
        notes: "Kick-off held.\\nSecond line"
      - id: r2
        title: Done late
        window: 2025-01
        responsible: A
        done: 2025-02-05
      - id: r3
        title: Windows with their own records
        responsible: B
        windows:
          - { label: first, window: 2025-01, done: 2025-01-20, evidence: [https://example.org/first], notes: on time }
          - { label: second, window: 2025-06, cancelled: merged into r1 }
          - { label: third, window: 2025-09, started: 2025-02-01 }
      - id: r4
        title: Withdrawn
        window: 2025-05
        responsible: B
        cancelled: no budget
      - id: r5
        title: To be started later
        window: 2025-02..2025-08
        responsible: A
        started: 2025-03-01
`;

const dir = tree({ 'roadmaps/demo.yaml': roadmapYaml(ACTIVITIES) });
const roadmap = async (...args: string[]) => {
  const r = await run(['--today', '2025-02-15', ...args], { cwd: dir, env: { COLUMNS: '140' } });
  expect(r.stderr).toBe('');
  return r.stdout;
};

const w = (label: string | null, start: string, end: string, state: string, done: string | null, more = {}) => ({
  label,
  start,
  end,
  state,
  done,
  started: null,
  cancelled: null,
  evidence: [],
  notes: null,
  period: null,
  ...more,
});

describe('status --format json', () => {
  it('names every recorded field on the activity and on each window, after the fields of SPEC §4', async () => {
    const [r1, r2, r3, r4, r5] = JSON.parse(await roadmap('status', '--format', 'json')).activities;
    expect(Object.keys(r1)).toEqual([
      'roadmap',
      'stage',
      'id',
      'title',
      'responsible',
      'state',
      'start',
      'end',
      'done',
      'late',
      'daysLeft',
      'file',
      'line',
      'windows',
      'support',
      'started',
      'cancelled',
      'evidence',
      'notes',
      'period',
    ]);
    expect(Object.keys(r1.windows[0])).toEqual(['label', 'start', 'end', 'state', 'done', 'started', 'cancelled', 'evidence', 'notes', 'period']);
    expect([r1.support, r1.started, r1.cancelled, r1.evidence, r1.notes]).toEqual([['B'], '2025-02-03', null, ['https://example.org/minutes'], 'Kick-off held.\nSecond line']);
    expect(r1.windows).toEqual([w(null, '2025-01-01', '2025-03-31', 'active', null, { started: '2025-02-03' })]);
    expect([r2.state, r2.late, r2.daysLate, r2.support, r2.started, r2.cancelled, r2.evidence, r2.notes]).toEqual(['done', true, 5, [], null, null, [], null]);
    expect([r3.state, r3.started, r3.cancelled, r3.evidence, r3.notes]).toEqual(['later', '2025-02-01', null, [], null]);
    expect(r3.windows).toEqual([
      w('first', '2025-01-01', '2025-01-31', 'done', '2025-01-20', { evidence: ['https://example.org/first'], notes: 'on time' }),
      w('second', '2025-06-01', '2025-06-30', 'cancelled', null, { cancelled: 'merged into r1' }),
      w('third', '2025-09-01', '2025-09-30', 'later', null, { started: '2025-02-01' }),
    ]);
    expect([r4.state, r4.cancelled, r4.windows[0].cancelled]).toEqual(['cancelled', 'no budget', 'no budget']);
    // As of today: a start recorded for a later day is not shown as started yet.
    expect([r5.state, r5.started, r5.windows[0].started]).toEqual(['active', null, null]);
  });
});

describe('status table', () => {
  it('says when an activity in progress started, in its "when" column', async () => {
    const rows = (await roadmap('status')).split('\n').filter((l) => /^│ r\d/.test(l));
    expect(rows.map((l) => l.split('│').slice(-2, -1)[0]!.trim())).toEqual(['started 2025-02-03 · ends in 44d', 'done 2025-02-05 (5d late)', 'starts in 198d', 'cancelled: no budget', 'ends in 197d']);
  });
});

describe('markdown', () => {
  const DETAILS = [
    '- r1 — support: B · evidence: <https://example.org/minutes> · notes: Kick-off held. Second line',
    '- r3 \\[first\\] — evidence: <https://example.org/first> · notes: on time',
    '- r3 \\[second\\] — cancelled: merged into r1',
    '- r3 \\[third\\] — started 2025-02-01',
  ];

  it('status: the when column, and a line for each activity or window with more on record', async () => {
    const out = await roadmap('status', '--format', 'markdown');
    expect(out).toContain('| r1 | Started and supported | 2025-01-01 → 2025-03-31 | A (+ B) | 🔵 active | started 2025-02-03 · ends in 44d |\n');
    const table = out.indexOf('| r5 |');
    expect(out.slice(table).split('\n').slice(1, 7)).toEqual(['', ...DETAILS, '']);
  });

  // By entity, r1 is listed under A (responsible) and under B (support).
  it('report: the same lines under each table, evidence among them (no section of its own)', async () => {
    const out = await roadmap('report', '--format', 'markdown');
    expect(out).toContain('| r1 | Started and supported | 2025-01-01 → 2025-03-31 | A (+ B) | 🔵 active | started 2025-02-03 · ends in 44d |\n');
    expect(out.split('\n').filter((l) => l.startsWith('- r'))).toEqual([...DETAILS, ...DETAILS, DETAILS[0]]);
  });
});

describe('html report', () => {
  it('shows support, started, window records, and a late completion as late', async () => {
    const out = await roadmap('report', '--format', 'html');
    const row = (id: string) => new RegExp(`<tr [^>]*data-activity="${id}">[\\s\\S]*?</tr>`).exec(out)![0];
    expect(row('r1')).toContain('<div class="support">support: <abbr title="Beta board">B</abbr></div>');
    expect(row('r1')).toContain('<span class="when">started 2025-02-03 · ends in 44d</span>');
    expect(row('r2')).toContain('<span class="badge s-done late">done, late</span><span class="when">done 2025-02-05 (5d late)</span>');
    expect(row('r3')).toContain('<span class="window"><bdi>second</bdi>: 2025-06-01 → 2025-06-30 <span class="badge s-cancelled">cancelled</span> <span class="reason">merged into r1</span></span>');
    expect(row('r3')).toContain('<span class="window"><bdi>first</bdi>: 2025-01-01 → 2025-01-31 <span class="badge s-done">done</span> <span class="window-notes" dir="auto">on time</span></span>');
    expect(row('r3')).toContain('<span class="window"><bdi>third</bdi>: 2025-09-01 → 2025-09-30 <span class="window-started">started 2025-02-01</span></span>');
    expect(row('r4')).toContain('<span class="when">cancelled: no budget</span>');
    expect(row('r1')).toContain('<div class="notes" dir="auto">Kick-off held.\nSecond line</div>');
    expect(row('r1')).toContain('<a href="https://example.org/minutes" rel="noreferrer">https://example.org/minutes</a>');
  });
});
