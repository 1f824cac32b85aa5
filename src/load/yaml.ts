/**
 * YAML text to a small positioned tree. Scalars stay the text as written (the
 * failsafe schema), so `2.10` is "2.10", `no` is "no" and `2019-03-01` is never a
 * timestamp; the file format's own types read them later. Tags are refused and
 * aliases are expanded within a budget.
 */
import { createRequire } from 'node:module';
import type { Alias, Document, Node, Scalar } from 'yaml';
import { readSimpleYaml, scalarNode } from './fast-yaml.js';

// The yaml library is loaded only for files the fast reader leaves to it (see fast-yaml.ts):
// most runs never pay for it at start-up.
let yamlLibrary: typeof import('yaml') | undefined;
function yamlLib(): typeof import('yaml') {
  yamlLibrary ??= createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return yamlLibrary;
}

interface Span {
  /** Offset of the first character of the value. */
  readonly start: number;
  /** Offset just past the value. */
  readonly end: number;
}
export interface PScalar extends Span {
  readonly kind: 'scalar';
  readonly value: string;
  /** Unquoted, so it may be read as a number. */
  readonly plain: boolean;
  /** Nothing written (or `~`, `null`): the YAML null. */
  readonly empty: boolean;
  readonly style: 'plain' | 'single' | 'double' | 'literal' | 'folded';
}
export interface PPair {
  readonly key: PScalar;
  readonly value: PNode;
}
export interface PMap extends Span {
  readonly kind: 'map';
  readonly flow: boolean;
  readonly pairs: readonly PPair[];
}
export interface PSeq extends Span {
  readonly kind: 'seq';
  readonly flow: boolean;
  readonly items: readonly PNode[];
}
export type PNode = PScalar | PMap | PSeq;

export interface YamlProblem {
  readonly offset: number;
  readonly message: string;
}

export interface YamlResult {
  /** Null when the text is not well-formed YAML. */
  readonly root: PNode | null;
  readonly problems: readonly YamlProblem[];
}

export const LIMITS = {
  /** Nesting deeper than any roadmap needs; guards the stack. */
  depth: 64,
  /** Nodes created by expanding aliases, across a whole file. */
  aliasNodes: 10_000,
};

const STYLES: Record<string, PScalar['style']> = {
  PLAIN: 'plain',
  QUOTE_SINGLE: 'single',
  QUOTE_DOUBLE: 'double',
  BLOCK_LITERAL: 'literal',
  BLOCK_FOLDED: 'folded',
};

/**
 * At most the first word of what the library quotes, and no more than 24 characters of it:
 * a message is read in CI logs, and the file it quotes may not be a roadmap at all.
 */
function excerpt(quoted: string): string {
  const word = /^\s*\S*/.exec(quoted)?.[0].trim() ?? '';
  const short = word.length > 24 ? word.slice(0, 24) : word;
  return short.length < quoted.trim().length ? `${short}…` : short;
}

function tidy(message: string): string {
  // The yaml library appends a code frame and position; we print our own.
  const first = (message.split('\n')[0] ?? message)
    .replace(/ at line \d+, column \d+:?$/, '')
    .replace(/\.$/, '')
    // Some messages quote the whole offending token (JSON-quoted), or the rest of a line.
    .replace(/: "((?:[^"\\]|\\.)*)"$/, (_, q: string) => `: "${excerpt(q)}"`)
    .replace(/^(Block scalar header includes extra characters: )(.*)$/, (_, head: string, rest: string) => head + excerpt(rest));
  return first.length > 160 ? `${first.slice(0, 159)}…` : first;
}

class Converter {
  readonly problems: YamlProblem[] = [];
  private aliasBudget = LIMITS.aliasNodes;
  /** Where the outermost alias being expanded was written. */
  private expandingFrom = -1;

  constructor(
    private readonly doc: Document,
    private readonly text: string,
  ) {}

  node(n: Node | null | undefined, depth: number, fallback: number, viaAlias = false): PNode {
    const { isAlias, isMap, isScalar, isSeq } = yamlLib();
    if (viaAlias && --this.aliasBudget < 0) return this.stop(this.expandingFrom, `aliases expand to more than ${LIMITS.aliasNodes} nodes`);
    if (depth > LIMITS.depth) return this.stop(n?.range?.[0] ?? fallback, `nesting deeper than ${LIMITS.depth} levels`);
    if (n == null) return emptyAt(fallback);
    const [start, end] = n.range ?? [fallback, fallback];
    if (n.tag && !isAlias(n)) {
      let bang = this.text.lastIndexOf('!', start);
      while (bang > 0 && this.text[bang - 1] === '!') bang--;
      const shown = n.tag.replace('tag:yaml.org,2002:', '!!');
      this.problems.push({ offset: bang >= 0 ? bang : start, message: `YAML tags such as ${shown} are not supported: write the value without it` });
    }
    if (isAlias(n)) return this.alias(n, depth, start);
    if (isScalar(n)) return scalar(n, start, end);
    if (isMap(n)) {
      const pairs: PPair[] = [];
      for (const p of n.items) {
        const k = p.key as Node | null;
        const kStart = k?.range?.[0] ?? start;
        if (k != null && !isScalar(k)) {
          this.problems.push({ offset: kStart, message: 'keys must be plain text' });
          continue;
        }
        const key = k == null ? emptyAt(kStart) : scalar(k, kStart, k.range?.[1] ?? kStart);
        const vFallback = k?.range?.[2] ?? kStart;
        pairs.push({ key, value: this.node(p.value as Node | null, depth + 1, vFallback, viaAlias) });
      }
      return { kind: 'map', flow: Boolean(n.flow), pairs, start, end };
    }
    if (isSeq(n)) {
      const items = n.items.map((item) => this.node(item as Node | null, depth + 1, start, viaAlias));
      return { kind: 'seq', flow: Boolean(n.flow), items, start, end };
    }
    return emptyAt(start);
  }

  /** Each alias's target, found in one walk: Alias.resolve() walks the whole document for every alias. */
  private targets: Map<Alias, Node | undefined> | undefined;

  private targetOf(a: Alias): Node | undefined {
    if (this.targets === undefined) {
      const { isAlias, isCollection, isScalar, visit } = yamlLib();
      const targets = new Map<Alias, Node | undefined>();
      const anchors = new Map<string, Node>();
      // As Alias.resolve(): the last node with that anchor before the alias, in document order.
      visit(this.doc, {
        Node: (_key, node) => {
          if (isAlias(node)) targets.set(node, anchors.get(node.source));
          else if ((isScalar(node) || isCollection(node)) && node.anchor) anchors.set(node.anchor, node);
        },
      });
      this.targets = targets;
    }
    return this.targets.get(a);
  }

  private alias(a: Alias, depth: number, at: number): PNode {
    const target = this.targetOf(a);
    if (!target) return this.stop(at, `unknown alias *${a.source}`);
    const outermost = this.expandingFrom < 0;
    if (outermost) this.expandingFrom = at;
    const node = this.node(target, depth + 1, at, true);
    if (outermost) this.expandingFrom = -1;
    return node;
  }

  private stop(offset: number, message: string): PNode {
    if (!this.problems.some((p) => p.message === message)) this.problems.push({ offset, message });
    return emptyAt(offset);
  }
}

function emptyAt(offset: number): PScalar {
  return { kind: 'scalar', value: '', plain: true, empty: true, style: 'plain', start: offset, end: offset };
}

function scalar(n: Scalar, start: number, end: number): PScalar {
  return scalarNode(n.value == null ? '' : String(n.value), STYLES[n.type ?? 'PLAIN'] ?? 'plain', start, end);
}

/** Parses one YAML document; a second document in the file is a problem. */
export function parseYaml(text: string): YamlResult {
  const root = readSimpleYaml(text, LIMITS.depth);
  return root ? { root, problems: [] } : parseYamlFully(text);
}

/** The same with the yaml library alone: every YAML feature, every error. */
export function parseYamlFully(text: string): YamlResult {
  let docs: ReturnType<typeof import('yaml').parseAllDocuments>;
  try {
    docs = yamlLib().parseAllDocuments(text, { schema: 'failsafe', prettyErrors: false, uniqueKeys: true, merge: false, strict: true });
  } catch (error) {
    // The composer recurses; absurd nesting overflows the stack before our depth limit can see it.
    if (error instanceof RangeError) return { root: null, problems: [{ offset: 0, message: 'nesting too deep to read' }] };
    throw error;
  }
  const list = Array.isArray(docs) ? docs : [];
  const problems: YamlProblem[] = [];
  for (const doc of list) {
    for (const e of [...doc.errors, ...doc.warnings]) {
      if (e.code === 'TAG_RESOLVE_FAILED') continue; // reported once, by the converter
      // The library's composer recurses, and says so when absurd nesting overflows the stack.
      const message = e.code === 'RESOURCE_EXHAUSTION' ? `nesting too deep to read (at most ${LIMITS.depth} levels)` : tidy(e.message);
      problems.push({ offset: e.pos[0], message });
    }
  }
  const first = list[0];
  if (!first) return { root: null, problems };
  const second = list[1];
  if (second) problems.push({ offset: second.range?.[0] ?? 0, message: 'a file holds one roadmap: remove the second YAML document' });
  if (problems.length > 0) return { root: null, problems };
  const converter = new Converter(first, text);
  const root = first.contents == null ? null : converter.node(first.contents as Node, 0, 0);
  return { root, problems: converter.problems };
}
