/** HTML (and .docx, which mammoth turns into HTML): headings, paragraphs, list items and tables in document order. */
import { parse, type HTMLElement, NodeType } from 'node-html-parser';
import { squeeze, type Block, type Row } from './document.js';

const HEADING = /^h[1-6]$/;
const SKIP = new Set(['script', 'style', 'head', 'template', 'noscript']);

/** A cell's text: its paragraphs (or <br> lines) apart by "\n". */
function cellText(cell: HTMLElement): string {
  const parts = cell.querySelectorAll('p, li');
  const texts = parts.length ? parts.map((p) => p.innerHTML) : [cell.innerHTML];
  return texts
    .flatMap((html) => html.split(/<br\s*\/?>/i))
    .map((html) => squeeze(parse(html).text))
    .filter((t) => t !== '')
    .join('\n');
}

function readTable(table: HTMLElement, n: number): Row[] {
  const rows: Row[] = [];
  // Cells a rowspan carries down: column -> [text, rows left].
  const carried = new Map<number, [string, number]>();
  const trs = table.querySelectorAll('tr').filter((tr) => tr.closest('table') === table);
  trs.forEach((tr, r) => {
    const cells: string[] = [];
    const take = () => {
      for (let held = carried.get(cells.length); held; held = carried.get(cells.length)) {
        cells.push(held[0]);
        if (--held[1] === 0) carried.delete(cells.length - 1);
      }
    };
    for (const td of tr.childNodes) {
      if (td.nodeType !== NodeType.ELEMENT_NODE) continue;
      const el = td as HTMLElement;
      if (el.tagName !== 'TD' && el.tagName !== 'TH') continue;
      take();
      const text = cellText(el);
      const span = Math.min(Math.max(Number(el.getAttribute('colspan')) || 1, 1), 50);
      const down = Math.min(Math.max(Number(el.getAttribute('rowspan')) || 1, 1), 1000);
      for (let c = 0; c < span; c++) {
        // A merged cell's text stands in its first column; the others are empty.
        if (down > 1) carried.set(cells.length, [c === 0 ? text : '', down - 1]);
        cells.push(c === 0 ? text : '');
      }
    }
    take();
    rows.push({ cells, at: `table ${n}, row ${r + 1}` });
  });
  return rows;
}

export function readHtml(html: string): Block[] {
  const root = parse(html, { blockTextElements: { script: false, style: false, noscript: false, pre: true } });
  const blocks: Block[] = [];
  let tables = 0;
  let paras = 0;
  const walk = (node: HTMLElement) => {
    for (const child of node.childNodes) {
      if (child.nodeType !== NodeType.ELEMENT_NODE) continue;
      const el = child as HTMLElement;
      const tag = el.rawTagName?.toLowerCase() ?? '';
      if (SKIP.has(tag)) continue;
      if (tag === 'table') {
        tables++;
        blocks.push({ kind: 'table', rows: readTable(el, tables), at: `table ${tables}` });
      } else if (HEADING.test(tag) || tag === 'p' || tag === 'li') {
        if (el.querySelector('table')) {
          walk(el);
          continue;
        }
        const text = squeeze(el.text);
        if (text === '') continue;
        paras++;
        const kind = tag === 'li' ? 'item' : tag === 'p' ? 'para' : 'heading';
        blocks.push({ kind, text, at: `paragraph ${paras}` });
        if (tag === 'li') walk(el); // nested lists
      } else walk(el);
    }
  };
  walk(root);
  return blocks;
}
