/** Offsets in a text to 1-based line and column, by binary search over line starts. */
export class LineIndex {
  private readonly starts: Uint32Array;
  private readonly bom: boolean;

  constructor(text: string) {
    this.bom = text.charCodeAt(0) === 0xfeff;
    // Counted first, then filled: no array grown line by line for every file read.
    let lines = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
    this.starts = new Uint32Array(lines);
    let n = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts[n++] = i + 1;
  }

  at(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    // A byte-order mark takes no column in an editor.
    const column = offset - (this.starts[lo] ?? 0) + (lo === 0 && this.bom && offset > 0 ? 0 : 1);
    return { line: lo + 1, column };
  }
}
