/**
 * .docx: a zip of XML parts, turned into HTML by mammoth. The zip is checked
 * first, from its own directory and by inflating each part with a cap, so that a
 * zip bomb or a corrupt or encrypted file is refused before mammoth (jszip) holds
 * it in memory.
 */
import { inflateRawSync } from 'node:zlib';
import { ImportError } from './errors.js';

/** Bigger than any roadmap's document.xml with its styles by two orders of magnitude. */
export const MAX_UNZIPPED = 64 * 1024 * 1024;
const MAX_ENTRIES = 2000;

interface Entry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressed: number;
  readonly size: number;
  readonly local: number;
}

function entries(zip: Buffer): Entry[] {
  // The end-of-central-directory record sits in the last 22 + 65535 bytes.
  const from = Math.max(0, zip.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = zip.length - 22; i >= from; i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ImportError('the file is not a valid .docx (its zip directory is missing: truncated or corrupt)');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  if (count > MAX_ENTRIES) throw new ImportError(`the .docx holds ${count} parts; a Word document has a few dozen`);
  const list: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) throw new ImportError('the file is not a valid .docx (its zip directory is corrupt)');
    const nameLength = zip.readUInt16LE(at + 28);
    list.push({
      flags: zip.readUInt16LE(at + 8),
      method: zip.readUInt16LE(at + 10),
      compressed: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      local: zip.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return list;
}

/** Refuses what mammoth should not be given; returns nothing when the zip is sound. */
export function checkDocx(zip: Buffer): void {
  const list = entries(zip);
  if (list.some((e) => e.flags & 1)) throw new ImportError('the .docx is encrypted; save it without a password and import again');
  if (!list.some((e) => e.name === 'word/document.xml')) throw new ImportError('the zip holds no word/document.xml: it is not a Word .docx');
  const declared = list.reduce((sum, e) => sum + e.size, 0);
  if (declared > MAX_UNZIPPED) throw new ImportError(`the .docx would unpack to ${Math.round(declared / 1048576)} MB; documents up to ${MAX_UNZIPPED / 1048576} MB unpacked are read`);
  let total = 0;
  for (const e of list) {
    const local = e.local;
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== 0x04034b50) throw new ImportError(`the .docx is corrupt (part ${e.name})`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + e.compressed);
    if (e.method === 0) total += data.length;
    else if (e.method === 8) {
      // A directory that lies about sizes still cannot make this inflate more than it declared.
      let out: Buffer;
      try {
        out = inflateRawSync(data, { maxOutputLength: Math.max(e.size, 1) });
      } catch {
        throw new ImportError(`the .docx is corrupt or lies about its sizes (part ${e.name})`);
      }
      total += out.length;
    } else throw new ImportError(`the .docx uses a compression Word does not (method ${e.method} in ${e.name})`);
    if (total > MAX_UNZIPPED) throw new ImportError(`the .docx unpacks to more than ${MAX_UNZIPPED / 1048576} MB`);
  }
}

export async function docxToHtml(zip: Buffer): Promise<string> {
  checkDocx(zip);
  const mammoth = await import('mammoth');
  try {
    const result = await (mammoth.default ?? mammoth).convertToHtml({ buffer: zip });
    return result.value;
  } catch (error) {
    throw new ImportError(`the .docx cannot be read: ${error instanceof Error ? error.message.split('\n')[0] : 'unknown reason'}`);
  }
}
