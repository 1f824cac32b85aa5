/**
 * Source-preserving edits of YAML text: every change is a splice of the text at
 * offsets from the positioned tree, so bytes outside the edited lines never move
 * (comments, quoting, flow style, block scalars, CRLF, a BOM, the final newline).
 * Pure: text in, text out.
 */
import { parseYamlFully, type PMap, type PNode, type PPair, type PScalar, type PSeq } from '../load/yaml.js';

/**
 * What was asked cannot be done to this source (a key the edit needs is not where
 * it should be): one line for the user. Returned, never thrown; callers pass it up.
 */
export interface Refused {
  readonly refused: string;
}

export const refused = (message: string): Refused => ({ refused: message });

export const isRefused = (value: unknown): value is Refused => typeof value === 'object' && value !== null && 'refused' in value;

export class Source {
  /** A source to edit, or why its text cannot be edited (the edits' YAML reader is stricter than the fast one). */
  static open(text: string): Source | Refused {
    const source = new Source(text);
    const tree = source.tree();
    return isRefused(tree) ? tree : source;
  }

  private parsed: PNode | null | undefined;

  constructor(private current: string) {}

  get text(): string {
    return this.current;
  }

  /** The file's line ending: CRLF when its first line break is one. */
  get eol(): string {
    const i = this.current.indexOf('\n');
    return i > 0 && this.current[i - 1] === '\r' ? '\r\n' : '\n';
  }

  /**
   * The positioned tree of the current text (re-read after every splice), by the yaml
   * library: its offsets decide where a user's file is cut, so correctness comes
   * before the fast reader's speed (an edit touches one small file).
   */
  root(): PNode {
    const tree = this.tree();
    // open() read the text; a splice that leaves it unreadable is a bug, not the user's mistake.
    if (isRefused(tree)) throw new Error(`an edit left the file unreadable (${tree.refused})`);
    return tree;
  }

  /** The tree, or why the text cannot be read (after an edit the loader refused). */
  tree(): PNode | Refused {
    if (this.parsed === undefined) {
      const parsed = parseYamlFully(this.current);
      if (parsed.problems.length > 0 || !parsed.root) return refused('the file is not valid YAML');
      this.parsed = parsed.root;
    }
    return this.parsed ?? refused('the file is empty');
  }

  splice(start: number, end: number, insert: string): void {
    this.current = this.current.slice(0, start) + insert + this.current.slice(end);
    this.parsed = undefined;
  }

  /** Replaces a node's text (a scalar, or a whole flow collection) in place. */
  replace(node: PNode, text: string): void {
    this.splice(node.start, node.end, text);
  }

  /**
   * Sets `key: value` in a mapping: in place when the key holds a one-line scalar,
   * else as a new line after the mapping's last value (or `, key: value` in a flow mapping).
   * `value` is YAML text, already quoted as needed.
   */
  set(map: PMap, key: string, value: string): Refused | undefined {
    const pair = pairOf(map, key);
    if (!pair) return this.add(map, key, value);
    if (isInline(pair.value, this.current)) this.replace(pair.value, value);
    else this.replacePair(map, pair, key, value);
    return undefined;
  }

  /** Replaces a whole pair (key and value) by `key: value`, keeping its place. */
  replacePair(map: PMap, pair: PPair, key: string, value: string): undefined {
    if (map.flow || isInline(pair.value, this.current)) this.splice(pair.key.start, pair.value.end, `${key}: ${value}`);
    else {
      // A block value spans lines: the pair's lines give way to one line at the key's place.
      const end = lineEndAfter(this.current, pair.value.end);
      const tail = end.needsBreak ? '' : this.eol;
      this.splice(pair.key.start, end.offset, `${key}: ${value}${tail}`);
    }
    return undefined;
  }

  /** Adds a new `key: value` after the mapping's last pair. */
  add(map: PMap, key: string, value: string): Refused | undefined {
    const last = map.pairs[map.pairs.length - 1];
    if (!last) return refused('cannot add to an empty mapping');
    if (map.flow) this.splice(last.value.end, last.value.end, `, ${key}: ${value}`);
    else {
      const indent = ' '.repeat(columnOf(this.current, map.pairs[0]!.key.start));
      const at = lineEndAfter(this.current, last.value.end);
      const line = `${indent}${key}: ${value}`;
      this.splice(at.offset, at.offset, at.needsBreak ? `${this.eol}${line}` : `${line}${this.eol}`);
    }
    return undefined;
  }

  /** Removes a key with its value (and its line(s) in a block mapping). */
  remove(map: PMap, key: string): Refused | undefined {
    const index = map.pairs.findIndex((p) => p.key.value === key);
    const pair = map.pairs[index];
    if (!pair) return undefined;
    const next = map.pairs[index + 1];
    const prev = map.pairs[index - 1];
    if (map.flow) {
      if (prev) this.splice(prev.value.end, pair.value.end, '');
      else if (next) this.splice(pair.key.start, next.key.start, '');
      else this.splice(map.start, map.end, '{}');
      return undefined;
    }
    const lineStart = lineStartOf(this.current, pair.key.start);
    const prefix = this.current.slice(lineStart, pair.key.start);
    if (/^[ \t]*$/.test(prefix)) {
      const end = lineEndAfter(this.current, pair.value.end);
      // Without a line break after it, the last line takes the break before it along.
      const start = end.needsBreak && lineStart > 0 ? lineStart - this.eol.length : lineStart;
      this.splice(start, end.offset, '');
    } else if (next) {
      // `- done: X` opening a list item: the next key moves up onto the dash line.
      this.splice(pair.key.start, next.key.start, '');
    } else {
      return refused(`cannot remove '${key}', the only key of its mapping`);
    }
    return undefined;
  }

  /** Appends items (YAML text) to the list under `key`, creating the key as a flow list when absent. */
  append(map: PMap, key: string, items: readonly string[], flowItems: readonly string[] = items): Refused | undefined {
    if (items.length === 0) return undefined;
    const pair = pairOf(map, key);
    if (!pair) return this.add(map, key, `[${flowItems.join(', ')}]`);
    const list = pair.value;
    if (list.kind !== 'seq') return refused(`'${key}' is not a list`);
    if (list.flow) {
      const last = list.items[list.items.length - 1];
      if (last) this.splice(last.end, last.end, flowItems.map((i) => `, ${i}`).join(''));
      else this.splice(list.start + 1, list.start + 1, flowItems.join(', '));
      return undefined;
    }
    this.appendBlock(list, items);
    return undefined;
  }

  private appendBlock(list: PSeq, items: readonly string[]): void {
    const first = list.items[0]!;
    const last = list.items[list.items.length - 1]!;
    const dash = this.current.slice(lineStartOf(this.current, first.start), first.start);
    // The first item's line prefix is `  - ` unless the list shares its line with a parent dash.
    const prefix = /^[ \t]*-[ \t]+$/.test(dash) ? dash : `${' '.repeat(columnOf(this.current, list.start))}- `;
    const at = lineEndAfter(this.current, last.end);
    const lines = items.map((i) => `${prefix}${i}`);
    this.splice(at.offset, at.offset, at.needsBreak ? lines.map((l) => `${this.eol}${l}`).join('') : lines.map((l) => `${l}${this.eol}`).join(''));
  }
}

export function pairOf(map: PMap, key: string): PPair | undefined {
  return map.pairs.find((p) => p.key.value === key);
}

/** A scalar written on one line, or a flow collection: replaceable in place. */
function isInline(node: PNode, text: string): boolean {
  if (node.kind === 'scalar') return node.style !== 'literal' && node.style !== 'folded' && !text.slice(node.start, node.end).includes('\n');
  return node.flow && !text.slice(node.start, node.end).includes('\n');
}

export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

export function columnOf(text: string, offset: number): number {
  const start = lineStartOf(text, offset);
  // A byte-order mark takes no column.
  return offset - start - (start === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0);
}

/**
 * Where the line holding the end of a value ends: the start of the next line (a
 * trailing comment on that line stays with it), or the end of a text that has no
 * final line break.
 */
export function lineEndAfter(text: string, end: number): { offset: number; needsBreak: boolean } {
  if (end > 0 && text[end - 1] === '\n') return { offset: end, needsBreak: false };
  const nl = text.indexOf('\n', end);
  return nl === -1 ? { offset: text.length, needsBreak: true } : { offset: nl + 1, needsBreak: false };
}

/**
 * Characters never written raw: controls, line and paragraph separators, and the
 * bidi and invisible ones that hide or reorder text in an editor or a diff.
 */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'g');

/** Words other YAML readers take as a boolean or null (YAML 1.1 and 1.2). */
const YAML_WORDS = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$/;

/** A double-quoted YAML scalar: JSON's escapes are YAML's, plus \uXXXX for the invisible characters. */
function doubleQuoted(value: string): string {
  return JSON.stringify(value).replace(INVISIBLE_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/**
 * A string as a YAML scalar: plain when it reads back as itself (in flow context
 * too, when asked) and no YAML reader would take it for a boolean or null, else
 * double-quoted.
 */
export function scalarText(value: string, options: { flow?: boolean; like?: PScalar } = {}): string {
  if (INVISIBLE.test(value)) return doubleQuoted(value);
  if (options.like?.style === 'single') return `'${value.replace(/'/g, "''")}'`;
  if (options.like?.style === 'double') return doubleQuoted(value);
  if (!YAML_WORDS.test(value) && readsBackPlain(value, options.flow ?? false)) return value;
  return doubleQuoted(value);
}

function readsBackPlain(value: string, flow: boolean): boolean {
  if (value === '' || value !== value.trim()) return false;
  const doc = flow ? `k: [${value}]` : `k: ${value}`;
  const parsed = parseYamlFully(doc);
  if (parsed.problems.length > 0 || parsed.root?.kind !== 'map') return false;
  let node = parsed.root.pairs[0]?.value;
  if (flow) node = node?.kind === 'seq' && node.items.length === 1 ? node.items[0] : undefined;
  return node?.kind === 'scalar' && node.style === 'plain' && !node.empty && node.value === value;
}
