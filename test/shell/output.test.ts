import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { outPieces, writePiece } from '../../src/shell/output.js';
import type { Io } from '../../src/shell/io.js';

/** A stream that takes 4 bytes at a time and finishes each write only when told. */
function slowStream() {
  const pending: Array<() => void> = [];
  const written: string[] = [];
  const stream = new Writable({
    highWaterMark: 4,
    write(chunk, _encoding, callback) {
      written.push(String(chunk));
      pending.push(callback);
    },
  });
  return { stream: stream as unknown as NodeJS.WriteStream, written, release: () => pending.shift()?.() };
}

describe('large outputs with backpressure', () => {
  it('waits for the stream to drain before the next piece', async () => {
    const { stream, written, release } = slowStream();
    const io = { out: () => {}, outPiece: (t: string) => writePiece(stream, t) } as unknown as Io;
    let done = false;
    const all = outPieces(io, ['first piece', 'second', 'third']).then(() => (done = true));
    await new Promise((r) => setImmediate(r));
    expect([written, done]).toEqual([['first piece'], false]); // over the high-water mark: waiting
    release();
    await new Promise((r) => setImmediate(r));
    expect(written).toEqual(['first piece', 'second']);
    release();
    await new Promise((r) => setImmediate(r));
    release();
    await all;
    expect([written, done]).toEqual([['first piece', 'second', 'third'], true]);
  });

  it('stops writing, and does not wait, once the stream is gone', async () => {
    const { stream, written } = slowStream();
    const io = { out: () => {}, outPiece: (t: string) => writePiece(stream, t) } as unknown as Io;
    const all = outPieces(io, ['first piece', 'second']);
    await new Promise((r) => setImmediate(r));
    stream.destroy();
    await all;
    expect(written).toEqual(['first piece']);
  });

  it('falls back to out() for an Io without outPiece', async () => {
    const out: string[] = [];
    await outPieces({ out: (t: string) => void out.push(t) } as unknown as Io, ['a', 'b']);
    expect(out).toEqual(['a', 'b']);
  });
});
