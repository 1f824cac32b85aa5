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

const PLAIN = ['x', 'a b', '1.10', '2019-03..2019-04', 'https://e.org/a:b#c', 'null', '~', 'Null', 'yes', 'C#', 'a  b', 'a,b', 'R&D', '100%', 'x', 'a b', 'x', 'y z', 'x]y', 'é ü', '-5', 'a: b', 'a:', '#x', '*x', '&a x', '!t x', '"q"', "'q'", '%x', 'a #b', '@x', '`x', '? x', ': x', '- x', '-', '[x]', '{x}', '|', '>'];
const DOUBLE = ['"a"', '""', '"a\\"b"', '"\\n\\t\\\\"', '"\\u00e9\\x41"', '"a # b"', '"a: b"', '"a"', '"a"', '"a"', '"a"', '"a"', '"a"', '"a"', '"\\q"', '"\\ud800"', '"x\\\n y"'];
const SINGLE = ["'a'", "''", "'it''s'", "'a # b'", "'a: b'"];
const FLOW = ['[]', '{}', '[a, b]', '[ a , "b" ]', '[a, [b, c]]', '{a: b}', '{ a: b, c: [d] }', '{"a": b}', '[https://x.org/a:b]', "[ 'a', b ]", '[a]', '[a]', '[a]', '[a]', '[a, ]', '[a,,b]', '{a}', '{a: }', '[a: b]', '[a b, c]', '{ a: b, a: c }', '[https://x.org/a:b]', '[a, b] x', '[a, b', '{a:b}'];
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
    case 0: return text.slice(0, i) + text.slice(i + 1);
    case 1: return text.slice(0, i) + text[i] + text.slice(i);
    case 2: return `${text.slice(0, i)}${pick(r, [' ', ':', '-', '#', '"', "'", '\n', '[', ']', '{', '}', ',', '&a ', '*a', '!', '|', '>', '\t', '\r'])}${text.slice(i)}`;
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
