import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { acronym, Entities } from '../../src/import/entities.js';
import { ImportError, importDocument } from '../../src/import/index.js';
import { readHtml } from '../../src/import/read-html.js';
import { columnsOf, stageHeading } from '../../src/import/structure.js';
import { parseRoadmap } from '../../src/load/parse.js';
import { FIXTURES } from '../helpers.js';
import { docx, para, smallDocx, table, zipOf } from './docx.js';

const DIR = path.join(FIXTURES, 'import');
const fixture = (name: string) => readFileSync(path.join(DIR, name));
const EXPECTED = fixture('small.yaml').toString('utf8');

async function reason(bytes: Uint8Array | string, name: string): Promise<string> {
  try {
    await importDocument(typeof bytes === 'string' ? Buffer.from(bytes) : bytes, name);
  } catch (error) {
    if (error instanceof ImportError) return error.message;
    throw error;
  }
  return 'imported';
}

describe('one small roadmap as .txt, .md, .html and .docx', () => {
  it.each(['small.txt', 'small.md', 'small.html'])('%s imports to the expected YAML', async (name) => {
    const plan = await importDocument(fixture(name), name);
    expect(plan.yaml).toBe(EXPECTED);
    expect(plan.exit).toBe(1);
    expect(plan.notes.filter((n) => n.review).map((n) => n.text)).toEqual([
      'period "after the first report" not understood',
      '"civil society group" taken as CIVIL-SOCIETY-GROUPS ("Civil society groups"), a close match',
    ]);
  });

  it('the .docx (built with a merged header cell, a vertically merged cell and a two-paragraph cell) too', async () => {
    const plan = await importDocument(await smallDocx(), 'small.docx');
    expect(plan.yaml).toBe(EXPECTED);
    expect(plan.notes.find((n) => n.text.startsWith('period "March 2025;'))?.at).toBe('row 1.3 (table 1, row 4)');
  });

  it('gives positions as lines in text and as table rows elsewhere', async () => {
    const txt = await importDocument(fixture('small.txt'), 'small.txt');
    expect(txt.notes.filter((n) => n.review).map((n) => n.at)).toEqual(['row 2.2 (line 19)', 'row 2.2 (line 19)']);
    const html = await importDocument(fixture('small.html'), 'small.html');
    expect(html.notes.filter((n) => n.review).map((n) => n.at)).toEqual(['row 2.2 (table 2, row 3)', 'row 2.2 (table 2, row 3)']);
  });

  it('writes a file the loader reads, failing only at the placeholder, saying so', () => {
    const result = parseRoadmap(EXPECTED, 'small.yaml');
    expect(result.problems.map((p) => [p.line, p.message.includes('period not understood: review')])).toEqual([[59, true]]);
    const understood = parseRoadmap(EXPECTED.replace('window: "period not understood: review"', 'window: 2026-01'), 'small.yaml');
    expect(understood.ok).toBe(true);
  });

  it('--id and --year: a cell without a year and no stage heading takes --year', async () => {
    const doc = 'Plan\n\nActivity\tPeriod\tResponsible\n1\tA thing\tMarch-May\tThe Board\n';
    const plan = await importDocument(Buffer.from(doc), 'p.txt', { id: 'my-plan', year: 2024 });
    expect(plan.yaml).toContain('id: my-plan\n');
    expect(plan.yaml).toContain('        window: 2024-03..2024-05\n        period: March-May\n');
    expect(plan.notes.map((n) => n.text)).toContain('period "March-May" → window 2024-03..2024-05 (year 2024 from --year)');
    const none = await importDocument(Buffer.from(doc), 'p.txt');
    expect(none.exit).toBe(1);
    expect(none.notes.filter((n) => n.review).map((n) => n.text)).toEqual(['period "March-May" not understood']);
  });
});

describe('untrusted text stays text', () => {
  it('no cell can add a key, break a line or start a document', async () => {
    const evil = ['title: injected', '"quoted', '- item', '{a: b}', '&anchor x', '!!binary x', 'x # comment', '--- x', 'ok\u001b[31m red'];
    const doc = `${evil[0]}\n\nActivity\tPeriod\tResponsible\n${evil.map((e, i) => `${i + 1}\t${e}\tJune 2020\t${e.replace(/[^A-Za-z ]/g, '') || 'X Y'}`).join('\n')}\n`;
    const plan = await importDocument(Buffer.from(doc), 'evil.txt', { id: 'evil' });
    const data = parse(plan.yaml) as { title: string; stages: { activities: { title: string }[] }[] };
    expect(Object.keys(data)).toEqual(['schema', 'id', 'title', 'revision', 'entities', 'stages']);
    expect(data.title).toBe('title: injected');
    expect(data.stages[0]!.activities.map((a) => a.title)).toEqual(evil);
  });

  it('refuses an --id that is not a roadmap id', async () => {
    await expect(importDocument(fixture('small.txt'), 'small.txt', { id: '../etc' })).rejects.toThrow('--id "../etc" is not a roadmap id');
  });
});

describe('documents that cannot be imported', () => {
  it.each([
    ['%PDF-1.7\n...', 'plan.pdf', 'the file is a PDF, which is not read: save it as .docx, .html or .txt (types read: .txt, .tsv, .md, .html, .docx)'],
    ['%PDF-1.7\n...', 'plan.txt', 'the file is a PDF, which is not read: save it as .docx, .html or .txt (types read: .txt, .tsv, .md, .html, .docx)'],
    ['hello', 'plan.rtf', '.rtf files are not read (types read: .txt, .tsv, .md, .html, .docx)'],
    ['hello', 'plan', 'a file without an extension is not read (types read: .txt, .tsv, .md, .html, .docx)'],
    ['just text', 'plan.docx', 'the file is not a .docx (a .docx is a zip archive; this is not one)'],
    [
      'Title\n\nno table here\n',
      'plan.txt',
      'no activity table found: a table needs a header row naming the activity, its period and who is responsible (e.g. "Name of activity | Period of execution | Responsible entity")',
    ],
    ['a\u0000b', 'plan.txt', 'the file is not text (it holds NUL bytes)'],
  ])('%j as %s', async (content, name, message) => expect(await reason(content, name)).toBe(message));

  it('not UTF-8', async () => expect(await reason(Buffer.from([0x41, 0xff, 0xfe, 0x41]), 'a.md')).toBe('the file is not text (not UTF-8)'));

  it('an encrypted or old Word file', async () => {
    expect(await reason(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'plan.docx')).toBe('the file is an encrypted Word document or an old .doc: save it as .docx without a password');
  });

  it('a zip that is not a Word document, and one named .txt', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'hi');
    const bytes = await zip.generateAsync({ type: 'nodebuffer' });
    expect(await reason(bytes, 'plan.docx')).toBe('the zip holds no word/document.xml: it is not a Word .docx');
    expect(await reason(bytes, 'plan.txt')).toBe('the file is a zip archive, not .txt text (a Word document? name it .docx)');
  });

  it('a truncated .docx', async () => {
    const bytes = await smallDocx();
    expect(await reason(bytes.subarray(0, bytes.length - 30), 'plan.docx')).toBe('the file is not a valid .docx (its zip directory is missing: truncated or corrupt)');
  });

  it('a zip bomb: by its directory, and when the directory lies', async () => {
    const bomb = zipOf([{ name: 'word/document.xml', data: Buffer.alloc(80 * 1024 * 1024, 0x20) }]);
    expect(await reason(bomb, 'bomb.docx')).toBe('the .docx would unpack to 80 MB; documents up to 64 MB unpacked are read');
    // The same zip with its sizes rewritten to 1 KB: inflating stops at the declared size.
    const liar = Buffer.from(bomb);
    for (let i = 0; i + 4 <= liar.length; i++) {
      const sig = liar.readUInt32LE(i);
      if (sig === 0x04034b50) liar.writeUInt32LE(1024, i + 22);
      if (sig === 0x02014b50) liar.writeUInt32LE(1024, i + 24);
    }
    expect(await reason(liar, 'bomb.docx')).toBe('the .docx is corrupt or lies about its sizes (part word/document.xml)');
  });

  it('an encrypted entry', async () => {
    const bytes = Buffer.from(await docx(para('x')));
    for (let i = 0; i + 4 <= bytes.length; i++) if (bytes.readUInt32LE(i) === 0x02014b50) bytes.writeUInt16LE(bytes.readUInt16LE(i + 8) | 1, i + 8);
    expect(await reason(bytes, 'plan.docx')).toBe('the .docx is encrypted; save it without a password and import again');
  });

  it('a .docx without an activity table', async () => {
    expect(await reason(await docx(para('Plan') + table([['a', 'b']])), 'plan.docx')).toMatch(/^no activity table found/);
  });
});

describe('structure', () => {
  it.each([
    [['Name of activity', '', 'Period of execution', 'Responsible entity / person'], { name: 0, nameEnd: 1, period: 2, responsible: 3, width: 4 }],
    [['No', 'Activity', 'Deadline', 'Lead'], { name: 1, nameEnd: 1, period: 2, responsible: 3, id: 0, width: 4 }],
    [['Responsible', 'Timeline', 'Activity'], { name: 2, nameEnd: 2, period: 1, responsible: 0, width: 3 }],
    [['#', 'Action', 'Timeframe', 'Implementing agency'], { name: 1, nameEnd: 1, period: 2, responsible: 3, id: 0, width: 4 }],
    [['Tədbirin adı', 'İcra müddəti', 'İcraçı'], { name: 0, nameEnd: 0, period: 1, responsible: 2, width: 3 }],
    [['Activity', 'Budget', 'Notes'], undefined],
  ])('header %j', (cells, expected) => expect(columnsOf(cells)).toEqual(expected));

  it.each([
    ['Activities of the I Stage (01 March - 31 May, 2019)', { id: 'I', title: 'Activities of the I Stage', period: '01 March - 31 May, 2019' }],
    ['Activities of the 2nd stage', { id: '2', title: 'Activities of the 2nd stage' }],
    ['Stage II: Adoption (June - December 2019)', { id: 'II', title: 'Stage II: Adoption', period: 'June - December 2019' }],
    ['Stages of preparation', undefined],
  ])('stage heading %j', (text, expected) => expect(stageHeading(text)).toEqual(expected));

  it('HTML rowspan and colspan fill the grid', () => {
    const [t] = readHtml('<table><tr><td rowspan="2">a</td><td colspan="2">b</td></tr><tr><td>c</td><td>d</td></tr></table>');
    expect(t).toEqual({
      kind: 'table',
      at: 'table 1',
      rows: [
        { cells: ['a', 'b', ''], at: 'table 1, row 1' },
        { cells: ['a', 'c', 'd'], at: 'table 1, row 2' },
      ],
    });
  });
});

describe('entities', () => {
  it.each([
    ['OGP Azerbaijan Platform', 'OGP-AP'],
    ['OGP Support Unit', 'OGP-SU'],
    ['Transparency Azerbaijan', 'TA'],
    ['interested NGOs', 'NGOS'],
    ['State bodies', 'STATE-BODIES'],
    ['Ministry of Justice', 'MJ'],
    ['Ədliyyə Nazirliyi', 'EN'],
  ])('%s → %s', (name, id) => expect(acronym(name)).toBe(id));

  it('resolves later mentions: exact, alias or id, then a close match that is reported', () => {
    const e = new Entities();
    expect(e.resolve('Commission on Combating Corruption of the Republic of Azerbaijan (hereinafter -CCC)')).toMatchObject({ responsible: ['CCC'], support: [] });
    expect(e.resolve('OGP Azerbaijan Platform and CCC')).toMatchObject({ responsible: ['OGP-AP', 'CCC'] });
    expect(e.resolve('OGP Azerbaijan Platform and interested NGOs with the support of state bodies')).toMatchObject({ responsible: ['OGP-AP', 'NGOS'], support: ['STATE-BODIES'] });
    const near = e.resolve('interested NGO');
    expect(near).toEqual({ responsible: ['NGOS'], support: [], notes: [{ text: '"interested NGO" taken as NGOS ("Interested NGOs"), a close match', review: true }] });
    expect(e.resolve('Anti-Corruption Academy (AZACA), ccc')).toMatchObject({ responsible: ['AZACA', 'CCC'] });
    expect(e.list.map((x) => [x.id, x.name, x.aliases])).toEqual([
      ['CCC', 'Commission on Combating Corruption of the Republic of Azerbaijan', []],
      ['OGP-AP', 'OGP Azerbaijan Platform', []],
      ['NGOS', 'Interested NGOs', ['interested NGO']],
      ['STATE-BODIES', 'State bodies', []],
      ['AZACA', 'Anti-Corruption Academy', []],
    ]);
  });

  it('generated ids are unique', () => {
    const e = new Entities();
    expect(e.resolve('Ministry of Justice, Media Joint').responsible).toEqual(['MJ', 'MJ-2']);
  });
});
