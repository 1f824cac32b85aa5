/**
 * `roadmap import`'s core: bytes of a document and its name → the import plan.
 * The reader is chosen by the extension, and by the content where the two disagree.
 */
import type { Block } from './document.js';
import { ImportError } from './errors.js';
import { planImport, type ImportOptions, type ImportPlan, type Note } from './plan.js';
import { readHtml } from './read-html.js';
import { readMarkdown } from './read-markdown.js';
import { readText } from './read-text.js';

export { ImportError } from './errors.js';
export type { ImportPlan, Note } from './plan.js';

export const IMPORT_TYPES = ['.txt', '.tsv', '.md', '.html', '.htm', '.docx'] as const;
const TYPES = 'types read: .txt, .tsv, .md, .html, .docx';

const starts = (bytes: Uint8Array, ...sig: number[]) => sig.every((b, i) => bytes[i] === b);

function decode(bytes: Uint8Array): string {
  if (starts(bytes, 0xff, 0xfe)) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (starts(bytes, 0xfe, 0xff)) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ImportError('the file is not text (not UTF-8)');
  }
  if (text.includes('\u0000')) throw new ImportError('the file is not text (it holds NUL bytes)');
  return text;
}

const looksHtml = (text: string) => /^\s*(?:<!doctype html|<html|<body|<table)/i.test(text);

export async function readDocument(bytes: Uint8Array, name: string): Promise<{ blocks: Block[]; notes: Note[] }> {
  const ext = /\.[^./\\]+$/.exec(name.toLowerCase())?.[0] ?? '';
  if (starts(bytes, 0x25, 0x50, 0x44, 0x46)) throw new ImportError(`the file is a PDF, which is not read: save it as .docx, .html or .txt (${TYPES})`);
  if (starts(bytes, 0xd0, 0xcf, 0x11, 0xe0)) throw new ImportError('the file is an encrypted Word document or an old .doc: save it as .docx without a password');
  const zip = starts(bytes, 0x50, 0x4b, 0x03, 0x04) || starts(bytes, 0x50, 0x4b, 0x05, 0x06);
  if (ext === '.docx') {
    if (!zip) throw new ImportError('the file is not a .docx (a .docx is a zip archive; this is not one)');
    const { docxToHtml } = await import('./read-docx.js');
    return { blocks: readHtml(await docxToHtml(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))), notes: [] };
  }
  if (!(IMPORT_TYPES as readonly string[]).includes(ext)) throw new ImportError(`${ext ? `${ext} files are` : 'a file without an extension is'} not read (${TYPES})`);
  if (zip) throw new ImportError(`the file is a zip archive, not ${ext} text (a Word document? name it .docx)`);
  const text = decode(bytes);
  if (ext === '.html' || ext === '.htm') return { blocks: readHtml(text), notes: [] };
  if (looksHtml(text)) return { blocks: readHtml(text), notes: [{ at: 'document', text: `read as HTML: the ${ext} file holds HTML`, review: false }] };
  if (ext === '.md') return { blocks: readMarkdown(text), notes: [] };
  return { blocks: readText(text), notes: [] };
}

/** The whole import: document bytes → plan (throws ImportError when it cannot be read). */
export async function importDocument(bytes: Uint8Array, name: string, options: ImportOptions = {}): Promise<ImportPlan> {
  const { blocks, notes } = await readDocument(bytes, name);
  const plan = planImport(blocks, options);
  return notes.length ? { ...plan, notes: [...notes, ...plan.notes] } : plan;
}
