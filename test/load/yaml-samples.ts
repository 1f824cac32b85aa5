/**
 * Random YAML in the shapes roadmap files take, and small corruptions of it,
 * for comparing the fast reader with the full parser. Seeded: the same seed
 * gives the same documents.
 */
import { prng } from '../../bench/generate.mjs';

type Rand = () => number;

let tame = false;
/** In tame documents, only the first (well-formed) choices of each list. */
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * (tame ? Math.min(xs.length, 14) : xs.length))]!;
/** Any of the list, tame or not. */
const any = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

const PLAIN = [
  'x',
  'a b',
  '1.10',
  '2019-03..2019-04',
  'https://e.org/a:b#c',
  'null',
  '~',
  'Null',
  'yes',
  'C#',
  'a  b',
  'a,b',
  'R&D',
  '100%',
  'x',
  'a b',
  'x',
  'y z',
  'x]y',
  'é ü',
  '-5',
  'a: b',
  'a:',
  '#x',
  '*x',
  '&a x',
  '!t x',
  '"q"',
  "'q'",
  '%x',
  'a #b',
  '@x',
  '`x',
  '? x',
  ': x',
  '- x',
  '-',
  '[x]',
  '{x}',
  '|',
  '>',
];
const DOUBLE = ['"a"', '""', '"a\\"b"', '"\\n\\t\\\\"', '"\\u00e9\\x41"', '"a # b"', '"a: b"', '"a"', '"a"', '"a"', '"a"', '"a"', '"a"', '"a"', '"\\q"', '"\\ud800"', '"x\\\n y"'];
const SINGLE = ["'a'", "''", "'it''s'", "'a # b'", "'a: b'"];
const FLOW = [
  '[]',
  '{}',
  '[a, b]',
  '[ a , "b" ]',
  '[a, [b, c]]',
  '{a: b}',
  '{ a: b, c: [d] }',
  '{"a": b}',
  '[https://x.org/a:b]',
  "[ 'a', b ]",
  '[a]',
  '[a]',
  '[a]',
  '[a]',
  '[a, ]',
  '[a,,b]',
  '{a}',
  '{a: }',
  '[a: b]',
  '[a b, c]',
  '{ a: b, a: c }',
  '[https://x.org/a:b]',
  '[a, b] x',
  '[a, b',
  '{a:b}',
];
const KEYS = ['id', 'title', 'a', 'b', 'key', 'x y', '1.1', 'null', '~', 'k#', 'c', 'd', 'e', 'f', '"q"', "'q'", '? k', 'a: b', '[k]', '-k', 'k ', 'id'];
const BLOCK = ['|', '|-', '>', '>-', '|+', '>2', '| # c', '|  '];

function comment(r: Rand, indent: number): string {
  return `${' '.repeat(Math.max(0, indent + Math.floor(r() * 7) - 3))}# ${pick(r, ['c', 'note: x', '- y', ''])}`;
}

function filler(r: Rand, lines: string[], indent: number): void {
  while (r() < 0.25) lines.push(r() < 0.5 ? '' : r() < 0.9 ? comment(r, indent) : ' '.repeat(Math.floor(r() * 4)));
}

function scalar(r: Rand): string {
  const k = r();
  if (k < 0.55) return pick(r, PLAIN);
  if (k < 0.7) return pick(r, DOUBLE);
  if (k < 0.8) return pick(r, SINGLE);
  return pick(r, FLOW);
}

function tail(r: Rand): string {
  return r() < 0.15 ? `${' '.repeat(1 + Math.floor(r() * 2))}# t` : r() < 0.1 ? '  ' : '';
}

function blockScalar(r: Rand, lines: string[], head: string, indent: number): void {
  lines.push(`${head}${pick(r, BLOCK)}`);
  const inner = indent + 1 + Math.floor(r() * 3);
  const n = 1 + Math.floor(r() * 4);
  for (let i = 0; i < n; i++) {
    if (r() < 0.2) lines.push(r() < 0.8 || tame ? '' : ' '.repeat(inner));
    lines.push(`${' '.repeat(inner + (!tame && r() < 0.1 ? 1 : 0))}${pick(r, ['some text', 'more  text ', '# not a comment', 'k: v', '- item'])}`);
  }
  if (r() < 0.3) lines.push('');
}

function node(r: Rand, lines: string[], head: string, indent: number, depth: number): void {
  const k = r();
  if (depth > 4 || k < 0.45) {
    if (r() < 0.08) return blockScalar(r, lines, head, indent);
    lines.push(`${head}${r() < 0.08 ? '' : scalar(r)}${tail(r)}`);
    return;
  }
  lines.push(`${head.trimEnd()}${tail(r)}`);
  filler(r, lines, indent);
  const inner = indent + (r() < 0.1 ? 0 : 2 + (r() < 0.1 ? 1 : 0));
  if (k < 0.75) mapping(r, lines, inner, depth + 1);
  else sequence(r, lines, inner, depth + 1);
}

function mapping(r: Rand, lines: string[], indent: number, depth: number, first?: string): void {
  const n = 1 + Math.floor(r() * 4);
  const pad = ' '.repeat(indent);
  const used: string[] = [];
  for (let i = 0; i < n; i++) {
    let key = pick(r, KEYS);
    if (r() < 0.9) while (used.includes(key)) key = `${key}${i}`;
    used.push(key);
    const head = i === 0 && first !== undefined ? `${first}${key}: ` : `${pad}${key}: `;
    node(r, lines, head, indent, depth);
    filler(r, lines, indent);
  }
}

function sequence(r: Rand, lines: string[], indent: number, depth: number): void {
  const n = 1 + Math.floor(r() * 4);
  const pad = ' '.repeat(indent);
  for (let i = 0; i < n; i++) {
    if (r() < 0.35 && depth < 5) mapping(r, lines, indent + 2, depth + 1, `${pad}- `);
    else node(r, lines, `${pad}- `, indent, depth);
    filler(r, lines, indent);
  }
}

/** A random document; mostly valid YAML, sometimes not. */
export function randomYaml(seed: number): string {
  const r = prng(seed);
  tame = seed % 2 === 0;
  const lines: string[] = [];
  filler(r, lines, 0);
  if (!tame && r() < 0.1) lines.push(pick(r, ['---', '%YAML 1.2\n---', '# only']));
  if (r() < 0.85) mapping(r, lines, r() < 0.9 ? 0 : 1, 0);
  else sequence(r, lines, 0, 0);
  if (!tame && r() < 0.05) lines.push('---', 'a: 1');
  const text = lines.join('\n');
  return r() < 0.8 ? `${text}\n` : text;
}

/** `text` with one small corruption: a character dropped, doubled, or a line re-indented. */
export function corrupt(text: string, seed: number): string {
  const r = prng(seed);
  const i = Math.floor(r() * text.length);
  switch (Math.floor(r() * 5)) {
    case 0:
      return text.slice(0, i) + text.slice(i + 1);
    case 1:
      return text.slice(0, i) + text[i] + text.slice(i);
    case 2:
      return `${text.slice(0, i)}${any(r, [' ', ':', '-', '#', '"', "'", '\n', '[', ']', '{', '}', ',', '&a ', '*a', '!', '|', '>', '\t', '\r'])}${text.slice(i)}`;
    case 3: {
      const start = text.lastIndexOf('\n', i) + 1;
      return `${text.slice(0, start)} ${text.slice(start)}`;
    }
    default: {
      const start = text.lastIndexOf('\n', i) + 1;
      return text[start] === ' ' ? text.slice(0, start) + text.slice(start + 1) : text;
    }
  }
}

/*
 * The shapes where the full parser applies a rule of its own to well-formed
 * input: duplicate keys (compared by their text: under the failsafe schema
 * `null`, `~` and `"null"` are text like any other), the 1024-character limit
 * on implicit keys (counted from the key, but after an empty value from that
 * value's end, blank lines included where collections close) and the nesting
 * limit.
 */

/** Words other schemas read as null, booleans or numbers. */
export const KEY_WORDS = ['null', 'Null', 'NULL', '~', 'true', 'False', 'yes', 'y', '1.0', '0x1'];
const quoted = (w: string): string[] => [w, `'${w}'`, `"${w}"`];
const FILLER_KEYS = Array.from({ length: 16 }, (_, i) => `f${i}: v`);

/** Mappings with two keys `a` and `b`, in every layout the reader supports (16 keys before them: its set path). */
export function keyPairLayouts(a: string, b: string): string[] {
  const block = (pad: string, keys: string[]) => keys.map((k) => `${pad}${k}\n`).join('');
  return [
    `m:\n${block('  ', [`${a}: x`, `${b}: y`])}`,
    `m:\n${block('  ', [...FILLER_KEYS, `${a}: x`, `${b}:`])}`,
    `- ${a}: x\n  ${b}: y\n`,
    `m: {${a}: x, ${b}: y}\n`,
    `m: {${[...FILLER_KEYS, `${a}: x`, `${b}: y`].join(', ')}}\n`,
  ];
}

/** Every pair of key words, plain, single- and double-quoted, in every layout; `same` when their texts are equal. */
export function keyWordDocs(): { text: string; same: boolean }[] {
  const docs: { text: string; same: boolean }[] = [];
  for (const w1 of KEY_WORDS) {
    for (const w2 of KEY_WORDS) {
      for (const k1 of quoted(w1)) {
        for (const k2 of quoted(w2)) {
          for (const text of keyPairLayouts(k1, k2)) docs.push({ text, same: w1 === w2 });
        }
      }
    }
  }
  return docs;
}

/** Places for a key K: first in its mapping, after values of each kind (empty ones above all), nested, in flow. */
const LONG_KEY_PLACES = [
  'K: v\n',
  'K   : v\n',
  'K:\n  a: 1\n',
  'a: 1\nK: v\n',
  'a:\nK: v\n',
  'a:   \nK: v\n',
  'a:\nK   : v\n',
  'a: # c\nK: v\n',
  'a:\n\nK: v\n',
  'a:\n# c\nK: v\n',
  'a: [b]\nK: v\n',
  'a: |\n  t\nK: v\n',
  'a: "q"\nK: v\n',
  'x:\n  K: v\n',
  'x:\n  a: 1\n  K: v\n',
  'x:\n  a:\n  K: v\n',
  'x:\n    a:\n    K: v\n',
  'x:\n  a:\n    b:\n  K: v\n',
  'x:\n  b:\nK: v\n',
  'x:\n  b:\n    c:\nK: v\n',
  'x:\n  - a\nK: v\n',
  'x:\n- a:\nK: v\n',
  'x:\n  -\nK: v\n',
  '- K: v\n',
  '- a:\n  K: v\n',
  '- a: 1\n  K: v\n',
  '-   a:\n    K: v\n',
  '- a:\n    b:\n  K: v\n',
  '-\n  a:\n  K: v\n',
  'x:\n-\n\nK: v\n',
  'x:\n-\n  \n\nK: v\n',
  'x:\n  b:\n\nK: v\n',
  'x:\n  y:\n  -\n\n  K: v\n',
  'x:\n-\n# c\nK: v\n',
  'x:\n  b: 1\n\nK: v\n',
  'm: {K: v}\n',
  'm: {a: 1, K: v}\n',
  'm: { K : v }\n',
  'm: {"K": v}\n',
  'm: [K]\n',
  'm: [a, K]\n',
  'a:\n"K": v\n',
];
export const LONG_KEY_LENGTHS = [1000, 1016, 1019, 1020, 1021, 1022, 1023, 1024, 1025, 1026, 1030];

/** Keys of about 1024 characters in every place, of letters alone and with spaces. */
export function longKeyDocs(): string[] {
  const docs: string[] = [];
  for (const n of LONG_KEY_LENGTHS) {
    for (const key of ['k'.repeat(n), `${'ab '.repeat(Math.ceil(n / 3)).slice(0, n - 1)}z`]) {
      for (const place of LONG_KEY_PLACES) docs.push(place.replace('K', key));
    }
  }
  return docs;
}

/**
 * A leaf at `depth` (the root collection is at depth 0) under a chain of
 * collections of one form: block mappings, block sequences, compact mappings
 * in sequence items, sequences in the column of their key, flow collections
 * inside a block mapping.
 */
export function nested(form: 'map' | 'seq' | 'compact' | 'flat' | 'flow' | 'flow-map', depth: number, leaf: string): string {
  const lines: string[] = [];
  const pad = (n: number) => ' '.repeat(n);
  switch (form) {
    case 'map':
      for (let d = 0; d < depth; d++) lines.push(`${pad(2 * d)}k${d}:${d === depth - 1 ? ` ${leaf}` : ''}`);
      break;
    case 'seq':
      for (let d = 0; d < depth; d++) lines.push(`${pad(2 * d)}-${d === depth - 1 ? ` ${leaf}` : ''}`);
      break;
    case 'compact':
    case 'flat': {
      // A sequence, a mapping in its item, a sequence as that mapping's value...; `flat` puts each
      // sequence in the column of its key, under a mapping at the root.
      const step = form === 'compact' ? 4 : 2;
      if (form === 'flat') lines.push('top:');
      for (let d = form === 'flat' ? 1 : 0, j = 0; ; d += 2, j++) {
        const head = `${pad(j * step)}- `;
        if (d + 1 === depth) lines.push(`${head}${leaf}`);
        else lines.push(`${head}k${j}:${d + 2 === depth ? ` ${leaf}` : ''}`);
        if (d + 2 >= depth) break;
      }
      break;
    }
    case 'flow':
    case 'flow-map': {
      // A block mapping for the first half, flow collections below.
      const block = Math.floor(depth / 2);
      for (let d = 0; d < block; d++) lines.push(`${pad(2 * d)}k${d}:`);
      const inner = depth - block;
      const open = form === 'flow' ? '[' : '{a: ';
      const close = form === 'flow' ? ']' : '}';
      lines[lines.length - 1] += ` ${open.repeat(inner)}${leaf}${close.repeat(inner)}`;
      break;
    }
  }
  return `${lines.join('\n')}\n`;
}

/** A key for ruleYaml: mostly a key word, plain or quoted (in block mappings rarely: the reader leaves those to the library); sometimes about 1024 characters long. */
function ruleKey(r: Rand, used: Set<string>, flow = false): string {
  if (r() < 0.05) {
    const n = 995 + Math.floor(r() * 36);
    return r() < 0.5 ? 'k'.repeat(n) : `${'ab '.repeat(n).slice(0, n - 1)}z`;
  }
  let word = KEY_WORDS[Math.floor(r() * KEY_WORDS.length)]!;
  // Mostly distinct keys, or nearly every deep document would have a duplicate somewhere.
  if (r() < 0.98) while (used.has(word)) word += 'x';
  used.add(word);
  const q = r();
  const plain = flow ? 0.6 : 0.97;
  return q < plain ? word : q < (1 + plain) / 2 ? `'${word}'` : `"${word}"`;
}

const RULE_VALUES = ['x', '', '', ' ', '# c', '[a]', '{a: b}', '"q"', '|'];
const RULE_LEAVES = ['x', '', '"q"', '[]', '{}'];

/** An entry's line (an empty value with or without trailing spaces), and a block scalar's text in column `col`. */
function entry(lines: string[], head: string, value: string, col = 0): void {
  lines.push(value === '' ? head.trimEnd() : `${head}${value}`);
  if (value === '|') lines.push(`${' '.repeat(col + 2)}text`);
}

/** Sometimes a blank line, a comment or a line of spaces between entries. */
function ruleGap(r: Rand, lines: string[], col: number): void {
  const k = r();
  if (k < 0.05) lines.push('');
  else if (k < 0.1) lines.push(`${' '.repeat(col)}# ${'c'.repeat(Math.floor(r() * 3) * 600)}`);
  else if (k < 0.12) lines.push(' '.repeat(1 + Math.floor(r() * col)));
}

/** A flow collection at `depth` over a chain down to a leaf at `target`, with siblings. */
function ruleFlow(r: Rand, depth: number, target: number): string {
  const inner =
    depth + 1 === target
      ? any(
          r,
          RULE_LEAVES.filter((l) => l !== ''),
        )
      : ruleFlow(r, depth + 1, target);
  const used = new Set<string>();
  const n = Math.floor(r() * 3);
  const at = Math.floor(r() * (n + 1));
  const parts: string[] = [];
  const map = r() < 0.5;
  for (let i = 0; i <= n; i++) {
    const value = i === at ? inner : any(r, ['x', '"q"', '[a]', '{a: b}']);
    parts.push(map ? `${ruleKey(r, used, true)}: ${value}` : value);
  }
  return map ? `{${parts.join(', ')}}` : `[${parts.join(', ')}]`;
}

/** A block mapping at `depth` in column `col` over a chain down to a leaf at `target`; `first`: its first line's head. */
function ruleMap(r: Rand, lines: string[], depth: number, target: number, col: number, first?: string): void {
  const used = new Set<string>();
  const n = Math.floor(r() * 3);
  const at = Math.floor(r() * (n + 1));
  for (let i = 0; i <= n; i++) {
    if (i > 0) ruleGap(r, lines, col);
    const head = `${i === 0 && first !== undefined ? first : ' '.repeat(col)}${ruleKey(r, used)}: `;
    if (i !== at) entry(lines, head, any(r, RULE_VALUES), col);
    else if (depth + 1 === target) entry(lines, head, any(r, RULE_LEAVES));
    else {
      const form = r();
      if (form < 0.15) lines.push(`${head}${ruleFlow(r, depth + 1, target)}`);
      else {
        lines.push(head.trimEnd());
        const step = 1 + Math.floor(r() * 3);
        if (form < 0.55) ruleMap(r, lines, depth + 1, target, col + step);
        else ruleSeq(r, lines, depth + 1, target, r() < 0.3 ? col : col + step);
      }
    }
  }
}

/** A block sequence at `depth` in column `col` over a chain down to a leaf at `target`. */
function ruleSeq(r: Rand, lines: string[], depth: number, target: number, col: number): void {
  const n = Math.floor(r() * 3);
  const at = Math.floor(r() * (n + 1));
  const head = `${' '.repeat(col)}- `;
  for (let i = 0; i <= n; i++) {
    if (i > 0) ruleGap(r, lines, col);
    if (i !== at) {
      if (r() < 0.3) entry(lines, `${head}${ruleKey(r, new Set())}: `, any(r, RULE_VALUES), col + 2);
      else entry(lines, head, any(r, RULE_VALUES), col);
    } else if (depth + 1 === target) entry(lines, head, any(r, RULE_LEAVES));
    else {
      const form = r();
      if (form < 0.15) lines.push(`${head}${ruleFlow(r, depth + 1, target)}`);
      else if (form < 0.6) ruleMap(r, lines, depth + 1, target, col + 2, head);
      else {
        lines.push(head.trimEnd());
        if (form < 0.8) ruleMap(r, lines, depth + 1, target, col + 2);
        else ruleSeq(r, lines, depth + 1, target, col + 2);
      }
    }
  }
}

/**
 * A random document around the full parser's own rules: a chain of collections
 * of random forms down to a leaf at a random depth (half of them near the
 * limit), with siblings whose keys are key words (plain or quoted, rarely
 * repeated) or about 1024 characters long, and empty values before them.
 */
export function ruleYaml(seed: number): string {
  const r = prng(seed);
  const target = r() < 0.5 ? 1 + Math.floor(r() * 5) : 60 + Math.floor(r() * 7);
  const lines: string[] = [];
  if (r() < 0.8) ruleMap(r, lines, 0, target, 0);
  else ruleSeq(r, lines, 0, target, 0);
  return `${lines.join('\n')}\n`;
}
