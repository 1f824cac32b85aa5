/** Titles, labels, reasons and file names that try to break out of every output format. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { run, tree } from '../helpers.js';

const ARGS = ['check', '-r', 'test/fixtures/check/hostile', '--today', '2024-03-15', '--fail-on', 'overdue,cancelled', '-q'];
const H1_TITLE =
  'Line one\n::error file=x.yaml,line=1::injected %0A::warning::also \r\n]]><![CDATA[ <script>alert(1)</script> \u001b[31mred\u001b[0m \u202egnp.exe\u202c & "q" \'a\' | pipe * star _u_ \u0001\u000b\ufffe end';

// Terminal escapes, bidi controls, and every C0 control but the newline that ends a line.
const DANGEROUS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069]/u;
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

const output = async (format: string) => {
  const r = await run([...ARGS, '--format', format]);
  expect(r.code).toBe(1);
  return r.stdout;
};

const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (s: string) => unescapeData(s.replace(/%3A/g, ':').replace(/%2C/g, ','));

/** Parses a workflow command line the way the runner does. */
function parseCommand(line: string) {
  const m = /^::([a-z]+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!m) return null;
  const props = Object.fromEntries(
    (m[2] ?? '')
      .split(',')
      .filter(Boolean)
      .map((kv) => {
        const i = kv.indexOf('=');
        return [kv.slice(0, i), unescapeProperty(kv.slice(i + 1))];
      }),
  );
  return { command: m[1], props, message: unescapeData(m[3]!) };
}

describe('hostile roadmap text stays inert', () => {
  it('the fixture really holds the hostile title', async () => {
    const doc = JSON.parse(await output('json'));
    expect(doc.activities[0].title).toBe(H1_TITLE);
  });

  it('text: one line per failing window, no control or bidi characters', async () => {
    const out = await output('text');
    expect(out).not.toMatch(DANGEROUS);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(
      `hostile h1 · Line one ::error file=x.yaml,line=1::injected %0A::warning::also  ]]><![CDATA[ <script>alert(1)</script> \\x1b[31mred\\x1b[0m \\u202egnp.exe\\u202c & "q" 'a' | pipe * star _u_ \\x01\\x0b\ufffe end · overdue 44d · OPS · test/fixtures/check/hostile/hostile.yaml:11`,
    );
    expect(lines[1]).toBe('hostile h3 · Withdrawn · cancelled: reason ::error::cancel <x> \\x1b]0;title\\x07 · OPS · test/fixtures/check/hostile/hostile.yaml:23');
  });

  it('github: every line is one of our commands; roadmap text cannot start its own', async () => {
    const out = await output('github');
    expect(out).not.toMatch(DANGEROUS);
    const lines = out.trimEnd().split('\n');
    const parsed = lines.map(parseCommand);
    expect(parsed.map((p) => p?.command)).toEqual(['error', 'error', 'warning']);
    const [h1, h3, h2] = parsed;
    expect(h1!.props).toEqual({ file: 'test/fixtures/check/hostile/hostile.yaml', line: '11', col: '9', title: 'hostile h1 overdue 44d' });
    expect(h1!.message).not.toMatch(/[\r\n]/);
    expect(h1!.message).toContain('::error file=x.yaml,line=1::injected %0A::warning::also');
    expect(h3!.props.title).toBe('hostile h3 cancelled: reason ::error::cancel <x> \\x1b]0;title\\x07');
    // A label with a newline, '::' and ',' stays inside the title property.
    expect(h2!.props).toEqual({ file: 'test/fixtures/check/hostile/hostile.yaml', line: '20', col: '18', title: 'hostile h2 [lab el ::error::, \\u2066iso\\u2069] due-soon: due in 5d' });
    expect(h2!.message).toBe('Due soon: %25  ::notice::n, with, commas: and: colons — due-soon: due in 5d (window 2024-03-20; responsible: OPS)');
  });

  it('junit: well-formed XML 1.0 that reads back as the (inert) text', async () => {
    const out = await output('junit');
    expect(XMLValidator.validate(out)).toBe(true);
    expect(out).not.toMatch(NOT_XML);
    expect(out).not.toMatch(DANGEROUS);
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('<![CDATA[');
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', processEntities: true, htmlEntities: false }).parse(out);
    const suite = doc.testsuites.testsuite;
    expect(suite.name).toBe('hostile stage S: Stage ]]> <script>alert(1)</script> \\u202eevil');
    expect(suite.testcase).toHaveLength(6);
    expect(suite.testcase[0].name).toContain(']]><![CDATA[ <script>alert(1)</script> \\x1b[31mred');
    expect(suite.testcase[0].name).toContain('\\x01\\x0b\ufffd end'); // U+FFFE is not XML: replaced
    expect(suite.testcase[0].failure.type).toBe('overdue');
    expect(suite.testcase[3].failure.type).toBe('cancelled');
  });

  it('markdown: no HTML, no line breaks inside rows, pipes escaped', async () => {
    const out = await output('markdown');
    expect(out).not.toMatch(DANGEROUS);
    expect(out).not.toMatch(/<(script|b)\b/);
    const rows = out.split('\n').filter((l) => l.startsWith('|'));
    const cells = (l: string) => l.match(/(?<!\\)\|/g)!.length;
    expect(rows.filter((l) => l.includes('hostile h')).length).toBe(3);
    for (const row of rows) expect([9, 7]).toContain(cells(row));
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('json: escaped, parses back to exactly what the roadmap says', async () => {
    const out = await output('json');
    expect(out).not.toMatch(DANGEROUS);
    expect(out).toContain('\\u202egnp.exe\\u202c');
    expect(JSON.parse(out).roadmaps[0].title).toBe('Hostile <b>roadmap</b> %0A ::error::x \u001b[2J');
  });

  it('a file name with a newline, commas and colons stays one property', async () => {
    const name = 'evil\n::error::x,y:z.yaml';
    const dir = tree({ [`roadmaps/${name}`]: readFileSync(path.resolve('test/fixtures/check/demo/demo.yaml'), 'utf8') });
    const r = await run(['check', '--today', '2024-03-15', '--format', 'github', '-q'], { cwd: dir });
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines.map((l) => parseCommand(l)!.props.file)).toEqual(Array(4).fill(`roadmaps/${name}`));
    const text = await run(['check', '--today', '2024-03-15', '-q'], { cwd: dir });
    expect(text.stdout.split('\n')[0]).toBe('demo a1 · Write the plan · overdue 15d · OPS · roadmaps/evil ::error::x,y:z.yaml:14');
  });

  it('validate: messages quoting hostile keys stay inert in every format', async () => {
    const dir = tree({ 'r.yaml': 'schema: 1\nid: x\ntitle: X\n"bad\\e[31m\\nkey::error::": 1\nstages: []\n' });
    const text = await run(['validate', 'r.yaml'], { cwd: dir });
    expect(text.code).toBe(2);
    expect(text.stdout).not.toMatch(DANGEROUS);
    expect(text.stdout.split('\n')[0]).toBe("r.yaml:4:1: error: unknown key 'bad\\x1b[31m key::error::' in roadmap");
    const gh = await run(['validate', 'r.yaml', '--format', 'github', '-q'], { cwd: dir });
    expect(
      gh.stdout
        .trimEnd()
        .split('\n')
        .map((l) => parseCommand(l)?.message),
    ).toEqual(["unknown key 'bad\\x1b[31m key::error::' in roadmap"]);
    const json = await run(['validate', 'r.yaml', '--format', 'json'], { cwd: dir });
    expect(json.stdout).not.toMatch(DANGEROUS);
    expect(JSON.parse(json.stdout).problems[0].message).toBe("unknown key 'bad\u001b[31m key::error::' in roadmap");
  });
});

describe('shared escapes used by check and validate', () => {
  it('formatProblem keeps a file name with a newline on one line', async () => {
    const { formatProblem } = await import('../../src/shell/problems.js');
    expect(formatProblem({ file: 'a\nb\u001b.yaml', line: 2, column: 3, severity: 'error', message: 'm' })).toBe('a b\\x1b.yaml:2:3: error: m');
    expect(formatProblem({ file: 'a\nb.yaml', line: 0, column: 0, severity: 'error', message: 'm' })).toBe('a b.yaml: error: m');
  });

  it('status: what is on record (support, started, evidence, notes) stays inert in the table and markdown', async () => {
    const status = (...more: string[]) => run(['status', '-r', 'test/fixtures/check/hostile', '--today', '2024-03-15', ...more], { env: { COLUMNS: '200' } });
    const table = (await status()).stdout;
    expect(table).not.toMatch(DANGEROUS);
    expect(table).toContain('│ started 2024-03-02 · ends in 291d  │');
    const md = (await status('--format', 'markdown')).stdout;
    expect(md).not.toMatch(DANGEROUS);
    expect(md).not.toMatch(/<(?!https?:\/\/|br>)[a-z/]/i);
    expect(md.split('\n').filter((l) => l.startsWith('- h4'))).toEqual([
      '- h4 — support: OPS · started 2024-03-01 · evidence: javascript:alert(1), <https://example.org/%E2%80%AEevil>, &lt;script&gt;alert(1)&lt;/script&gt; · notes: note ::error::n \\\\x1b\\[31mred\\\\x1b\\[0m \\\\u202eevil &lt;b&gt;b&lt;/b&gt; \\| pipe',
      '- h4 \\[w1\\] — evidence: \\]\\]&gt;&lt;x&gt; · notes: wnote   \\\\x85 ::warning::w &lt;i&gt;i&lt;/i&gt; \\| \\`code\\`',
    ]);
  });

  it('status --format json: what is on record, escaped, reads back exactly', async () => {
    const r = await run(['status', '-r', 'test/fixtures/check/hostile', '--today', '2024-03-15', '--format', 'json']);
    expect(r.stdout).not.toMatch(DANGEROUS);
    const h4 = JSON.parse(r.stdout).activities.find((a: { id: string }) => a.id === 'h4');
    expect([h4.support, h4.started, h4.cancelled, h4.evidence, h4.notes]).toEqual([
      ['OPS'],
      '2024-03-01',
      null,
      ['javascript:alert(1)', 'https://example.org/\u202Eevil', '<script>alert(1)</script>'],
      'note\n::error::n \u001b[31mred\u001b[0m \u202Eevil <b>b</b> | pipe',
    ]);
    expect(h4.windows[0]).toMatchObject({ started: '2024-03-02', evidence: [']]><x>'], notes: 'wnote \u2028 \u0085 ::warning::w <i>i</i> | `code`' });
    const h3 = JSON.parse(r.stdout).activities.find((a: { id: string }) => a.id === 'h3');
    expect(h3.cancelled).toBe('reason\n::error::cancel <x> \u001b]0;title\u0007');
  });

  it('status --format json escapes bidi and C1 characters too, losslessly', async () => {
    const r = await run(['status', '-r', 'test/fixtures/check/hostile', '--today', '2024-03-15', '--format', 'json']);
    expect(r.stdout).not.toMatch(DANGEROUS);
    expect(JSON.parse(r.stdout).activities[0].title).toBe(H1_TITLE);
  });
});

describe('hostile words in ratings stay inert', async () => {
  const { check } = await import('../../src/check.js');
  const { evaluate } = await import('../../src/evaluate.js');
  const { parseRoadmap } = await import('../../src/load/parse.js');
  const { renderCheckText } = await import('../../src/render/check-text.js');
  const { renderCheckGithub } = await import('../../src/render/github.js');
  const { renderJunit } = await import('../../src/render/junit.js');
  const { renderCheckMarkdown } = await import('../../src/render/check-markdown.js');
  const { renderTable } = await import('../../src/render/table.js');
  const { renderMarkdown } = await import('../../src/render/markdown.js');
  const { renderHtml } = await import('../../src/render/html.js');
  const { renderReportMarkdown } = await import('../../src/render/report-markdown.js');
  const { renderJson } = await import('../../src/render/json.js');
  const { plain } = await import('../../src/render/paint.js');
  const file = 'test/fixtures/check/hostile-ratings/hostile-ratings.yaml';
  const parsed = parseRoadmap(readFileSync(path.join(process.cwd(), file), 'utf8'), file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const report = evaluate([parsed.roadmap], { today: '2024-03-01' as never, horizonDays: 14 });
  const result = check(report, ['overdue'], { disagreement: true });

  it('the fixture has its disagreements (two apart, one complete while overdue)', () => {
    expect(result.disagreements.map((f) => f.disagreement.kind)).toEqual(['apart', 'apart', 'complete-but-overdue']);
  });

  it('text and table: no control or bidi characters, one line per item', () => {
    const text = renderCheckText(result, plain);
    expect(text).not.toMatch(DANGEROUS);
    expect(text.trimEnd().split('\n')).toHaveLength(6);
    expect(text).toContain('disagreement: GOV high | pipe \\u202egnp on evil vs IRM low ::error::level <script>x</script> on evil: 2 steps apart');
    expect(renderTable(report, { by: 'stage', width: 120, paint: plain })).not.toMatch(DANGEROUS);
  });

  it('github: only our commands', () => {
    const lines = renderCheckGithub(result).trimEnd().split('\n');
    expect(lines.map((l) => parseCommand(l)?.command)).toEqual(['error', 'error', 'error', 'error']);
    expect(lines.join('\n')).not.toMatch(DANGEROUS);
  });

  it('junit: well-formed XML', () => {
    const xml = renderJunit(result);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toMatch(NOT_XML);
    expect(xml).not.toContain('<script>');
  });

  it('markdown and html: no markup from a rating', () => {
    for (const out of [renderCheckMarkdown(result), renderMarkdown(report), renderReportMarkdown(report)]) {
      expect(out).not.toMatch(DANGEROUS);
      expect(out).not.toContain('<script>');
      expect(out).not.toContain('<img');
      expect(out).not.toContain('<b>');
    }
    const html = renderHtml(report, { version: '1' });
    expect(html).not.toMatch(DANGEROUS);
    expect(html).not.toMatch(/<(script|img|b)[ >]/);
    expect(html).not.toContain('href="javascript');
    expect(html).toContain('<span class="not-link">javascript:alert(1)</span>');
  });

  it('json: the words as they are, invisible characters escaped', () => {
    const json = renderJson(report);
    expect(json).not.toMatch(DANGEROUS);
    expect(JSON.parse(json).activities[0].assessments[0].note).toBe('note\n::error::x <img src=x onerror=alert(1)> \u001b[2J');
  });
});

describe('hostile milestone labels and periods stay inert', () => {
  const DEADLINES = ['-r', 'test/fixtures/check/hostile-deadlines', '--today', '2024-03-15', '-q'];
  const out = async (args: string[]) => (await run([...args, ...DEADLINES])).stdout;

  it('check text, github, junit and markdown: the label is text', async () => {
    const text = await out(['check']);
    expect(text).not.toMatch(DANGEROUS);
    expect(text.split('\n')[1]).toBe(
      'hostile-deadlines stage S deadline [Label ::error file=x.yaml,line=1::injected %0A \\x1b[31mred\\x1b[0m \\u202eevil <script>alert(1)</script> ]]> | pipe * _u_ & "q"] · Stage S · Stage · overdue 14d · — · test/fixtures/check/hostile-deadlines/deadlines.yaml:13',
    );
    const github = (await out(['check', '--format', 'github'])).trimEnd().split('\n');
    expect(github.map((l) => parseCommand(l)?.command)).toEqual(['error', 'error']);
    expect(github.join('\n')).not.toMatch(DANGEROUS);
    expect(parseCommand(github[1]!)!.props.line).toBe('13');
    const junit = await out(['check', '--format', 'junit']);
    expect(XMLValidator.validate(junit)).toBe(true);
    expect(junit).not.toMatch(NOT_XML);
    expect(junit).not.toContain('<script>');
    const markdown = await out(['check', '--format', 'markdown']);
    expect(markdown).not.toMatch(DANGEROUS);
    expect(markdown).not.toContain('<script>');
    expect(markdown).toContain('\\| pipe \\* \\_u\\_ &amp; "q"\\]');
  });

  it('status table, markdown, json, html and timeline: the period and the label are text', async () => {
    const table = await out(['status', '--no-color']);
    expect(table).not.toMatch(DANGEROUS);
    expect(table).toContain('\\x1b[2J');
    const markdown = await out(['status', '--format', 'markdown']);
    expect(markdown).not.toMatch(DANGEROUS);
    expect(markdown).not.toMatch(/<img|<script/);
    expect(markdown).toContain('(_Period ::warning::p \\\\x1b\\[2J \\\\u202eevil &lt;img src=x onerror=alert(1)&gt; \\| pipe \\]\\]&gt;_)');
    const json = JSON.parse(await out(['status', '--format', 'json']));
    expect(json.activities[0].period).toBe('Period\n::warning::p \u001b[2J \u202eevil <img src=x onerror=alert(1)> | pipe ]]>');
    expect(await out(['status', '--format', 'json'])).not.toMatch(DANGEROUS);
    const html = await out(['report', '--format', 'html']);
    expect(html).not.toMatch(/<img|<script|\u001b|\u202e/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const timeline = await out(['timeline', '--no-color']);
    expect(timeline).not.toMatch(DANGEROUS);
  });
});
