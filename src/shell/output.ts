/** Large outputs written with backpressure: each piece once stdout has taken the one before. */
import type { Io } from './io.js';

/** Writes, then waits for 'drain' when the stream's buffer is full; never waits on a stream that is gone. */
export function writePiece(stream: NodeJS.WriteStream, text: string): Promise<void> {
  if (stream.destroyed) return Promise.resolve(); // the reader left (EPIPE): the rest is not wanted
  if (stream.write(text)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done).off('close', done).off('error', done);
      resolve();
    };
    stream.on('drain', done).on('close', done).on('error', done);
  });
}

/** Prints an output that comes in pieces, each once stdout has taken the one before. */
export async function outPieces(io: Io, pieces: Iterable<string>): Promise<void> {
  for (const piece of pieces) {
    if (io.outPiece) await io.outPiece(piece);
    else io.out(piece);
  }
}
