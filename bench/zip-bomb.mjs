/**
 * Writes a .docx-named zip bomb for the bad-input benchmark:
 *   node bench/zip-bomb.mjs FILE MEGABYTES [DECLARED-BYTES]
 * one part, word/document.xml, of MEGABYTES of spaces, deflated; its sizes declared
 * as DECLARED-BYTES when given (a directory that lies).
 */
import { writeFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';

const [file, megabytes, lie] = process.argv.slice(2);
const data = Buffer.alloc(Number(megabytes) * 1024 * 1024, 0x20);
writeFileSync(file, zipOf('word/document.xml', data, lie === undefined ? data.length : Number(lie)));

/** A one-part zip (deflate), its sizes declared as `declared` when given (a lying directory). */
function zipOf(name, data, declared = data.length) {
  const file = Buffer.from(name);
  const packed = deflateRawSync(data, { level: 9 });
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(packed.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(file.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(packed.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(file.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + file.length, 12);
  end.writeUInt32LE(30 + file.length + packed.length, 16);
  return Buffer.concat([local, file, packed, central, file, end]);
}
