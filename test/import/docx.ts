/**
 * Builds small .docx files for the tests: a zip (jszip) of the few parts Word
 * needs: content types, relationships, numbering (for bullet lists) and
 * word/document.xml with paragraphs, headings and tables (gridSpan and vMerge
 * merges, several paragraphs in one cell).
 */
import { deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';

const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const run = (t: string) => `<w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r>`;

export const para = (t: string) => `<w:p>${run(t)}</w:p>`;
export const heading = (t: string) => `<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr>${run(t)}</w:p>`;
export const bullet = (t: string) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>${run(t)}</w:p>`;

/** A cell: text (paragraphs split on "\n"), or {text, span} / {text, merge: 'restart' | 'continue'}. */
export type Cell = string | { text: string; span?: number; merge?: 'restart' | 'continue' };

export function table(rows: Cell[][]): string {
  const cell = (c: Cell) => {
    const o = typeof c === 'string' ? { text: c } : c;
    const props = `${o.span ? `<w:gridSpan w:val="${o.span}"/>` : ''}${o.merge ? `<w:vMerge${o.merge === 'restart' ? ' w:val="restart"' : ''}/>` : ''}`;
    const paras = o.merge === 'continue' ? '<w:p/>' : o.text.split('\n').map(para).join('');
    return `<w:tc><w:tcPr>${props}</w:tcPr>${paras}</w:tc>`;
  };
  return `<w:tbl><w:tblPr/><w:tblGrid/>${rows.map((r) => `<w:tr>${r.map(cell).join('')}</w:tr>`).join('')}</w:tbl>`;
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export async function docx(body: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>`,
  );
  zip.file(
    'word/numbering.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`,
  );
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The small roadmap of test/fixtures/import/small.txt, as Word would hold it. */
export function smallDocx(): Promise<Buffer> {
  const head: Cell[] = [{ text: 'Activity', span: 2 }, 'Deadline', 'Responsible'];
  return docx(
    [
      para('City open data plan 2025-26'),
      para('Goals of the plan:'),
      bullet('Publish budget data'),
      bullet('Open procurement records;'),
      heading('Activities of the I Stage (01 January - 30 June, 2025)'),
      table([
        head,
        ['1.1', 'Inventory of datasets', 'January-february', 'City Council Data Office (hereinafter -CDO)'],
        ['1.2', 'Publishing the budget portal', 'until June 1', 'CDO and Finance Department with the support of civil society groups'],
        ['1.3', 'Training of staff', 'March 2025;\nMay 2025', 'Finance Department'],
      ]),
      heading('Activities of the II Stage (01 July, 2025 - 31 December, 2026)'),
      table([
        head,
        ['2.1.', 'Open procurement records', 'Q3 2025', 'Procurement Agency (PA), CDO'],
        ['2.2.', 'Independent review', 'after the first report', 'civil society group'],
        ['2.3.', 'Publishing the results', 'December 2026', { text: 'Procurement Agency', merge: 'restart' }],
        ['2.4.', 'Closing the plan', 'by the end of 2026', { text: '', merge: 'continue' }],
      ]),
    ].join(''),
  );
}

/** A zip written by hand (deflate), so that tests can make one that lies about its sizes or is huge. */
export function zipOf(entries: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const packed = deflateRawSync(e.data, { level: 9 });
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
