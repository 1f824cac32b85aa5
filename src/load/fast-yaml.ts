/**
 * A fast reader for the plain YAML that roadmap files are made of: block
 * mappings and sequences, one-line scalars (plain, quoted), one-line flow
 * collections, simple literal and folded block scalars, comments.
 *
 * It builds the same positioned tree as the full parser (yaml.ts) but only for
 * input it fully understands; for anything else — an error, an anchor, a tag, a
 * multi-line plain scalar, a tab, a duplicate key, a second document — it gives
 * up and returns null, and the full parser reads the file and reports whatever
 * there is to report. Being wrong is not an option, so it gives up early: the
 * differential tests compare the two on every shape they can generate.
 *
 * Why: the yaml library reads about 6 MB/s; roadmaps of 100,000 activities are
 * 24 MB. This reads the same files about twenty times faster (npm run bench).
 */
import type { PMap, PNode, PPair, PScalar, PSeq } from './yaml.js';

/**
 * The yaml library version whose rules and node ranges this reader copies
 * (duplicate keys, the key length limit, where a key counts from, what a
 * node's end takes in). package.json pins it exactly and a test fails when
 * another is installed: a new version is taken only with the differential
 * tests run against it and this constant changed.
 */
export const YAML_VERSION_MIRRORED = '2.9.1';

/** Thrown to give up; caught once in readSimpleYaml. */
const GIVE_UP = Symbol('give up');

/** Characters the fast reader leaves to the full parser wherever they appear (outside comments too). */
const UNSUPPORTED = /[\t\r\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;

const SPACE = 32;
const NL = 10;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const AMPERSAND = 38;
const AT = 64;
const BACKSLASH = 92;
const BACKTICK = 96;
const BANG = 33;
const CLOSE_BRACE = 125;
const CLOSE_BRACKET = 93;
const COMMA = 44;
const DOUBLE_QUOTE = 34;
const GREATER = 62;
const OPEN_BRACE = 123;
const OPEN_BRACKET = 91;
const PERCENT = 37;
const PIPE = 124;
const QUESTION = 63;
const SINGLE_QUOTE = 39;
const STAR = 42;

/** The yaml library's limit (strict mode) on how far an implicit key's ':' may stand from where the key's item starts. */
const KEY_LIMIT = 1024;

/** Characters that may not start a plain scalar or key here (YAML indicators, or ones left to the full parser). */
function badStart(c: number): boolean {
  switch (c) {
    case DASH: // a plain scalar may start with '-x', but keys and values like that are rare)
    case QUESTION:
    case COLON:
    case COMMA:
    case OPEN_BRACKET:
    case CLOSE_BRACKET:
    case OPEN_BRACE:
    case CLOSE_BRACE:
    case HASH:
    case AMPERSAND:
    case STAR:
    case BANG:
    case PIPE:
    case GREATER:
    case SINGLE_QUOTE:
    case DOUBLE_QUOTE:
    case PERCENT:
    case AT:
    case BACKTICK:
    case SPACE:
    case NL:
      return true;
    default:
      return Number.isNaN(c);
  }
}

export function scalarNode(value: string, style: PScalar['style'], start: number, end: number): PScalar {
  const plain = style === 'plain';
  return {
    kind: 'scalar',
    value,
    plain,
    style,
    start,
    end,
    empty: plain && (value === '' || value === '~' || value === 'null' || value === 'Null' || value === 'NULL'),
  };
}

/**
 * Whether a mapping has `key` already: a scan of the few keys a mapping usually
 * has, and from the sixteenth on a set of them (`seen`, which this fills).
 */
function taken(pairs: readonly PPair[], key: PScalar, seen: { set: Set<string> | null }): boolean {
  // Compared by their text, as the library does under the failsafe schema: `null`, `~` and "null" are three keys.
  const id = key.value;
  if (seen.set === null) {
    for (let i = 0; i < pairs.length; i++) if (pairs[i]!.key.value === id) return true;
    if (pairs.length < 15) return false;
    seen.set = new Set();
    for (let i = 0; i < pairs.length; i++) seen.set.add(pairs[i]!.key.value);
  } else if (seen.set.has(id)) return true;
  seen.set.add(id);
  return false;
}

class Reader {
  constructor(
    private readonly s: string,
    private readonly maxDepth: number,
  ) {}

  /**
   * Set by every block-context reading (value, map, seq and the scalars) about
   * the node it returns: fields, not a result object per node.
   * `end`: where the node ends for its parent (the yaml library's `range[2]`):
   * past whatever ends its last line, and past comments that the library's parser
   * attaches to it. `consumed`: how far the blank and comment lines after it are
   * taken up by it. `leaf`: a scalar or flow collection on its line, to which
   * following indented comments attach.
   */
  private end = 0;
  private consumed = 0;
  private leaf = false;

  private read<N extends PNode>(node: N, end: number, consumed: number, leaf: boolean): N {
    this.end = end;
    this.consumed = consumed;
    this.leaf = leaf;
    return node;
  }

  /** Set by gap(): where the next content starts (-1: none), and its indentation. */
  private nextAt = -1;
  private nextIndent = 0;

  private give(): never {
    throw GIVE_UP;
  }

  private c(i: number): number {
    return this.s.charCodeAt(i);
  }

  private skipSpaces(i: number): number {
    while (this.c(i) === SPACE) i++;
    return i;
  }

  /** Offset past the end of the line at i (past its newline), or the text's length. */
  private lineEnd(i: number): number {
    const n = this.s.indexOf('\n', i);
    return n === -1 ? this.s.length : n + 1;
  }

  /**
   * From offset i, just after a value on its line: only spaces and a comment may
   * follow. Returns the offset past the newline.
   */
  private restOfLine(i: number): number {
    const j = this.skipSpaces(i);
    const c = this.c(j);
    if (Number.isNaN(c)) return j;
    if (c === NL) return j + 1;
    if (c === HASH && j > i) return this.lineEnd(j);
    return this.give();
  }

  /**
   * Skips blank lines and comment lines from `i` (in a line's indentation, or at a
   * newline). Returns where the next content (or the text) ends the gap, past the
   * next line's indentation, and sets nextAt and nextIndent: fields, not a result
   * object, as this runs for every entry of every collection.
   */
  private gap(i: number): number {
    const s = this.s;
    while (i < s.length) {
      const j = this.skipSpaces(i);
      const c = this.c(j);
      if (c === NL) {
        i = j + 1;
        continue;
      }
      if (Number.isNaN(c)) break;
      if (c === HASH) {
        i = this.lineEnd(j);
        continue;
      }
      // i may be past the indentation already (where an earlier gap ended).
      const indent = j - this.lineStart(j);
      // Document markers and directives: left to the full parser.
      if (indent === 0 && (c === PERCENT || ((s.startsWith('---', j) || s.startsWith('...', j)) && (j + 3 >= s.length || this.c(j + 3) === SPACE || this.c(j + 3) === NL)))) this.give();
      this.nextAt = j;
      this.nextIndent = indent;
      return j;
    }
    this.nextAt = -1;
    return s.length;
  }

  /** Whether a comment line starts in [from, to) and is indented at least `col` (when given). */
  private hasComment(from: number, to: number, col = 0): boolean {
    for (let i = from; i < to; i = this.lineEnd(i)) {
      const j = this.skipSpaces(i);
      if (j < to && this.c(j) === HASH && j - this.lineStart(j) >= col) return true;
    }
    return false;
  }

  /**
   * Comment lines indented deeper than `col` right after a leaf value (blank lines
   * between them too) belong to the value in the yaml library: where they end.
   */
  private absorb(from: number, col: number): number {
    let end = from;
    let i = from;
    const s = this.s;
    while (i < s.length) {
      const j = this.skipSpaces(i);
      const c = this.c(j);
      if (c === NL) {
        i = j + 1;
        continue;
      }
      if (c !== HASH || j - i <= col) break;
      i = this.lineEnd(j);
      end = i;
    }
    return end;
  }

  /** The whole document: one block mapping or sequence, nothing after it. */
  document(): PNode {
    this.gap(0);
    if (this.nextAt === -1) return this.give();
    const node = this.block(this.nextAt, this.nextIndent, 0);
    this.gap(this.consumed);
    if (this.nextAt !== -1) this.give();
    return node;
  }

  /** A block collection whose first entry starts at `at`, in column `col`. */
  private block(at: number, col: number, depth: number): PMap | PSeq {
    if (this.isDash(at)) return this.seq(at, col, depth);
    if (this.keyEnd(at) === -1) this.give();
    return this.map(at, col, depth);
  }

  /**
   * Key text, shared between equal keys: a slice of a large text used as a
   * property name costs V8 a lookup in its string table every time; one string
   * per distinct key makes the schema's checks several times faster.
   */
  private readonly keys = new Map<string, string>();
  private key(from: number, to: number): string {
    const slice = this.s.slice(from, to);
    let shared = this.keys.get(slice);
    if (shared === undefined) {
      // The concatenation makes a flat copy of a short key, not a slice of the whole text.
      // biome-ignore lint/style/useTemplate: see above
      shared = slice.length < 64 ? (' ' + slice).slice(1) : slice;
      this.keys.set(shared, shared);
    }
    return shared;
  }

  private isDash(i: number): boolean {
    if (this.c(i) !== DASH) return false;
    const n = this.c(i + 1);
    return n === SPACE || n === NL || Number.isNaN(n);
  }

  /** Where the ':' of a plain implicit key starting at i stands, or -1 when the line is no `key:`. */
  private keyEnd(i: number): number {
    if (badStart(this.c(i))) return -1;
    const s = this.s;
    for (let j = i + 1; j < s.length && j - i <= KEY_LIMIT; j++) {
      const c = this.c(j);
      if (c === NL) return -1;
      if (c === HASH && this.c(j - 1) === SPACE) return -1;
      if (c === COLON) {
        const n = this.c(j + 1);
        if (n === SPACE || n === NL || Number.isNaN(n)) return j;
      }
    }
    return -1;
  }

  /**
   * The end of a block collection in column `col` whose last value was read with
   * `lastEnd`, `lastConsumed` and `lastLeaf`, followed by a gap ending at `gapEnd`:
   * which of the following comment lines the yaml library counts into it. This
   * mirrors its parser, which hands trailing comment lines up from a closing
   * collection to its parent unless the collection is in column 0 or one of the
   * comments is indented at least as deep as the collection. Returns the node's
   * end and sets the reading fields for the collection.
   */
  private close(lastEnd: number, lastConsumed: number, lastLeaf: boolean, col: number, gapEnd: number): number {
    let end = lastEnd;
    let consumed = lastConsumed;
    if (lastLeaf) {
      end = this.absorb(lastEnd, col);
      consumed = end;
    }
    const more = consumed < gapEnd && col > 0 && this.hasComment(consumed, gapEnd, col);
    this.end = more ? gapEnd : end;
    this.consumed = more ? gapEnd : consumed;
    this.leaf = false;
    return end;
  }

  /**
   * Where the yaml library counts a key's characters from: after an empty value,
   * that value's end (the line break, the indentation and, where collections
   * close, blank lines are the value's tokens); the key itself when a comment lies
   * between. Counting from `prevEnd` whenever only spaces and line breaks lie
   * between is at worst stricter than the library, and then the reader gives up.
   */
  private keyCountedFrom(prevEnd: number, key: number): number {
    for (let j = prevEnd; j < key; j++) {
      const c = this.c(j);
      if (c !== NL && c !== SPACE) return key;
    }
    return prevEnd;
  }

  private map(at: number, col: number, depth: number): PMap {
    // Every block collection has a child one level deeper: the library refuses it past the limit.
    if (depth >= this.maxDepth) this.give();
    const pairs: PPair[] = [];
    const seen = { set: null };
    let i = at;
    let prevEnd = at;
    for (;;) {
      const colon = this.keyEnd(i);
      if (colon === -1) this.give();
      if (colon - prevEnd > KEY_LIMIT && colon - this.keyCountedFrom(prevEnd, i) > KEY_LIMIT) this.give();
      let kEnd = colon;
      while (this.c(kEnd - 1) === SPACE) kEnd--;
      const keyText = this.key(i, kEnd);
      const key = scalarNode(keyText, 'plain', i, kEnd);
      if (taken(pairs, key, seen)) this.give();
      const value = this.value(colon + 1, col, depth, true, -1);
      const { end: valueEnd, consumed: valueConsumed, leaf: valueLeaf } = this;
      prevEnd = valueEnd;
      pairs.push({ key, value });
      const gapEnd = this.gap(valueConsumed);
      if (this.nextAt === -1 || this.nextIndent < col) {
        const end = this.close(valueEnd, valueConsumed, valueLeaf, col, gapEnd);
        return { kind: 'map', flow: false, pairs, start: at, end };
      }
      if (this.nextIndent > col) this.give();
      i = this.nextAt;
    }
  }

  private seq(at: number, col: number, depth: number): PSeq {
    if (depth >= this.maxDepth) this.give();
    const items: PNode[] = [];
    let i = at;
    // Where comment lines before an item would count as its own: past what the item before took.
    let untaken = -1;
    for (;;) {
      items.push(this.value(i + 1, col, depth, false, untaken));
      const { end: itemEnd, consumed: itemConsumed, leaf: itemLeaf } = this;
      const gapEnd = this.gap(itemConsumed);
      const nextAt = this.nextAt;
      // In `key:\n- a\n- b\nnext: 1` the sequence ends at a key of its own column.
      if (nextAt === -1 || this.nextIndent < col || (this.nextIndent === col && !this.isDash(nextAt))) {
        const end = this.close(itemEnd, itemConsumed, itemLeaf, col, gapEnd);
        return { kind: 'seq', flow: false, items, start: at, end };
      }
      if (this.nextIndent > col) this.give();
      i = nextAt;
      untaken = itemLeaf ? this.absorb(itemEnd, col) : itemConsumed;
    }
  }

  /**
   * The value after a key's ':' or a sequence's '-' (at offset i) of a
   * collection in column `col`. For a sequence item, `untaken` is where comment
   * lines before it would count as its own (-1: nowhere).
   */
  private value(i: number, col: number, depth: number, inMap: boolean, untaken: number): PNode {
    const j = this.skipSpaces(i);
    const c = this.c(j);
    if (Number.isNaN(c) || c === NL || (c === HASH && j > i)) {
      // Nothing on this line: a collection on the next lines, or nothing at all.
      const gapEnd = this.gap(c === HASH ? this.lineEnd(j) : j);
      const nextAt = this.nextAt;
      const nextIndent = this.nextIndent;
      if (nextAt !== -1 && (nextIndent > col || (inMap && nextIndent === col && this.isDash(nextAt)))) {
        return this.block(nextAt, nextIndent, depth + 1);
      }
      // The library keeps the lines up to the next content with the empty value, and counts
      // them into its end when it has a comment (for a sequence item, also one before its '-').
      // (i - 1 is the item's '-'.)
      const end = c === HASH || this.hasComment(j, gapEnd) || (untaken !== -1 && this.hasComment(untaken, i - 1)) ? gapEnd : j;
      return this.read(scalarNode('', 'plain', j, j), end, gapEnd, false);
    }
    if (!inMap && this.keyEnd(j) !== -1) return this.map(j, j - this.lineStart(j), depth + 1);
    switch (c) {
      case DOUBLE_QUOTE:
        return this.lineScalar(this.doubleQuoted(j));
      case SINGLE_QUOTE:
        return this.lineScalar(this.singleQuoted(j));
      case OPEN_BRACKET:
      case OPEN_BRACE: {
        const flow = this.flow(j, depth + 1);
        const end = this.restOfLine(flow.end);
        return this.read(flow, end, end, true);
      }
      case PIPE:
      case GREATER:
        return this.blockScalar(j, col);
      default:
        return this.lineScalar(this.plain(j));
    }
  }

  private lineStart(i: number): number {
    return this.s.lastIndexOf('\n', i - 1) + 1;
  }

  private lineScalar(node: PScalar): PScalar {
    const end = this.restOfLine(node.end);
    return this.read(node, end, end, true);
  }

  /** A one-line plain scalar in block context. */
  private plain(i: number): PScalar {
    if (badStart(this.c(i))) this.give();
    const s = this.s;
    let j = i;
    let last = i; // past the last non-space
    for (; j < s.length; j++) {
      const c = this.c(j);
      if (c === NL) break;
      if (c === HASH && this.c(j - 1) === SPACE) break;
      if (c === COLON) {
        const n = this.c(j + 1);
        if (n === SPACE || n === NL || Number.isNaN(n)) this.give(); // a mapping where a scalar stands
      }
      if (c !== SPACE) last = j + 1;
    }
    return scalarNode(s.slice(i, last), 'plain', i, last);
  }

  private doubleQuoted(i: number): PScalar {
    const s = this.s;
    let out = '';
    let from = i + 1;
    let j = i + 1;
    for (;;) {
      const c = this.c(j);
      if (Number.isNaN(c) || c === NL) this.give();
      if (c === DOUBLE_QUOTE) break;
      if (c === BACKSLASH) {
        out += s.slice(from, j);
        const [text, width] = this.escape(j + 1);
        out += text;
        j += 1 + width;
        from = j;
        continue;
      }
      j++;
    }
    out += s.slice(from, j);
    return scalarNode(out, 'double', i, j + 1);
  }

  /** The escape after a backslash at i: its text and how many characters it took. */
  private escape(i: number): [string, number] {
    const e = this.s[i];
    switch (e) {
      case '\\':
        return ['\\', 1];
      case '"':
        return ['"', 1];
      case '/':
        return ['/', 1];
      case ' ':
        return [' ', 1];
      case '0':
        return ['\0', 1];
      case 'a':
        return ['\x07', 1];
      case 'b':
        return ['\b', 1];
      case 'e':
        return ['\x1b', 1];
      case 'f':
        return ['\f', 1];
      case 'n':
        return ['\n', 1];
      case 'r':
        return ['\r', 1];
      case 't':
        return ['\t', 1];
      case 'v':
        return ['\v', 1];
      case 'N':
        return ['\u0085', 1];
      case '_':
        return ['\u00a0', 1];
      case 'L':
        return ['\u2028', 1];
      case 'P':
        return ['\u2029', 1];
      case 'x':
        return [this.hex(i + 1, 2), 3];
      case 'u':
        return [this.hex(i + 1, 4), 5];
      default:
        return this.give();
    }
  }

  private hex(i: number, n: number): string {
    const digits = this.s.slice(i, i + n);
    if (!/^[0-9A-Fa-f]+$/.test(digits) || digits.length !== n) this.give();
    const code = parseInt(digits, 16);
    if (code >= 0xd800 && code <= 0xdfff) this.give();
    return String.fromCharCode(code);
  }

  private singleQuoted(i: number): PScalar {
    const s = this.s;
    let out = '';
    let from = i + 1;
    let j = i + 1;
    for (;;) {
      const c = this.c(j);
      if (Number.isNaN(c) || c === NL) this.give();
      if (c === SINGLE_QUOTE) {
        if (this.c(j + 1) !== SINGLE_QUOTE) break;
        out += s.slice(from, j + 1);
        j += 2;
        from = j;
        continue;
      }
      j++;
    }
    out += s.slice(from, j);
    return scalarNode(out, 'single', i, j + 1);
  }

  /** A literal (|, |-) or folded (>, >-) block scalar whose header is at i, in a collection in column col. */
  private blockScalar(i: number, col: number): PScalar {
    const s = this.s;
    const literal = this.c(i) === PIPE;
    let h = i + 1;
    const strip = this.c(h) === DASH;
    if (strip) h++;
    if (this.c(h) !== NL) this.give(); // indentation indicators, keep (+), comments: the full parser
    const lines: string[] = [];
    let blank = 0;
    let indent = -1;
    let p = h + 1;
    let end = p;
    while (p < s.length) {
      const e = this.lineEnd(p);
      const lineEnd = this.c(e - 1) === NL ? e - 1 : e;
      if (lineEnd === p) {
        if (lines.length === 0) this.give();
        blank++;
        p = e;
        continue;
      }
      const lead = this.skipSpaces(p) - p;
      if (indent === -1) {
        if (lead <= col) this.give();
        indent = lead;
      }
      if (lead < indent) {
        if (this.skipSpaces(p) === lineEnd) this.give(); // a line of spaces only
        break;
      }
      if (lead > indent || this.skipSpaces(p) === lineEnd) this.give(); // more-indented lines fold differently
      if (lines.length > 0) {
        if (literal) lines.push('\n'.repeat(blank + 1));
        else lines.push(blank > 0 ? '\n'.repeat(blank) : ' ');
      }
      lines.push(s.slice(p + indent, lineEnd));
      blank = 0;
      p = e;
      end = e;
    }
    if (lines.length === 0) this.give();
    const text = lines.join('') + (strip ? '' : '\n');
    return this.read(scalarNode(text, literal ? 'literal' : 'folded', i, end), end, end, false);
  }

  /** A flow collection on one line, opening at i. */
  private flow(i: number, depth: number): PMap | PSeq {
    const isMap = this.c(i) === OPEN_BRACE;
    const close = isMap ? CLOSE_BRACE : CLOSE_BRACKET;
    const items: PNode[] = [];
    const pairs: PPair[] = [];
    const seen = { set: null };
    let j = this.skipSpaces(i + 1);
    if (this.c(j) !== close) {
      // Its entries would be one level deeper than the library takes (an empty one is fine).
      if (depth >= this.maxDepth) this.give();
      for (;;) {
        if (isMap) {
          const k = this.flowScalar(j, true);
          if (taken(pairs, k, seen)) this.give();
          if (this.c(k.end) !== COLON || this.c(k.end + 1) !== SPACE) this.give();
          const v = this.flowValue(this.skipSpaces(k.end + 1), depth);
          pairs.push({ key: k, value: v });
          j = this.skipSpaces(v.end);
        } else {
          const v = this.flowValue(j, depth);
          items.push(v);
          j = this.skipSpaces(v.end);
        }
        const c = this.c(j);
        if (c === close) break;
        if (c !== COMMA) this.give();
        j = this.skipSpaces(j + 1);
        if (this.c(j) === close || this.c(j) === COMMA) this.give(); // empty entries: the full parser
      }
    }
    const end = j + 1;
    return isMap ? { kind: 'map', flow: true, pairs, start: i, end } : { kind: 'seq', flow: true, items, start: i, end };
  }

  /** A value inside a flow collection; it ends at its `end`. */
  private flowValue(j: number, depth: number): PNode {
    const c = this.c(j);
    if (c === OPEN_BRACKET || c === OPEN_BRACE) return this.flow(j, depth + 1);
    return this.flowScalar(j, false);
  }

  /** A scalar inside a flow collection; `key` when it is a mapping key (ends at ':'). */
  private flowScalar(j: number, key: boolean): PScalar {
    const c = this.c(j);
    if (c === DOUBLE_QUOTE) return this.doubleQuoted(j);
    if (c === SINGLE_QUOTE) return this.singleQuoted(j);
    if (badStart(c)) this.give();
    const s = this.s;
    let last = j;
    let k = j;
    for (; k < s.length; k++) {
      const d = this.c(k);
      if (d === NL) this.give();
      if (d === COMMA || d === OPEN_BRACKET || d === CLOSE_BRACKET || d === OPEN_BRACE || d === CLOSE_BRACE) break;
      if (d === HASH && this.c(k - 1) === SPACE) this.give();
      if (d === COLON) {
        const n = this.c(k + 1);
        if (n === SPACE || n === COMMA || n === CLOSE_BRACKET || n === CLOSE_BRACE || n === NL || Number.isNaN(n)) {
          if (!key) this.give(); // an implicit pair in a flow sequence
          break;
        }
      }
      if (d !== SPACE) last = k + 1;
    }
    if (k >= s.length) this.give();
    return scalarNode(s.slice(j, last), 'plain', j, last);
  }
}

/**
 * The positioned tree of `text` when it is plain YAML this reader fully
 * understands and that the full parser would accept without a problem; null
 * otherwise (then use the full parser).
 */
export function readSimpleYaml(text: string, maxDepth: number): PNode | null {
  if (UNSUPPORTED.test(text)) return null;
  try {
    return new Reader(text, maxDepth).document();
  } catch (error) {
    if (error === GIVE_UP || error instanceof RangeError) return null;
    throw error;
  }
}
