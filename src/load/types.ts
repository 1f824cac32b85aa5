/**
 * A small schema language for the YAML tree: each type both checks a node
 * (reporting every problem at its position) and describes itself as JSON Schema,
 * so the loader and the editors' schema can never disagree.
 */
import { parseDate, type CalendarDate } from '../calendar/date.js';
import { closest } from '../suggest.js';
import type { PMap, PNode, PScalar } from './yaml.js';

export type JsonSchema = { readonly [key: string]: unknown };

export interface Reporter {
  error(node: { start: number }, message: string): void;
}

export interface Type<T> {
  check(node: PNode, r: Reporter): T | undefined;
  json(): JsonSchema;
  /** Checks `key:` with nothing too (else an optional key written so is taken as absent). */
  readonly checksEmpty?: boolean;
}

const KIND_NAMES = { scalar: 'a value', map: 'a mapping', seq: 'a list' } as const;

function found(node: PNode): string {
  if (node.kind === 'scalar') return node.empty ? 'nothing' : `'${clip(node.value)}'`;
  return KIND_NAMES[node.kind];
}

function clip(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > 40 ? `${one.slice(0, 39)}…` : one;
}

function scalarOf(node: PNode, r: Reporter, expected: string): PScalar | undefined {
  if (node.kind === 'scalar' && !node.empty) return node;
  r.error(node, `expected ${expected}, found ${found(node)}`);
  return undefined;
}

interface TextOptions {
  readonly pattern?: RegExp;
  /** What the pattern means, for messages. */
  readonly patternHint?: string;
  readonly description?: string;
  /** Also allow a plain number in editors (`id: 1.1`), read as written. */
  readonly numberToo?: boolean;
}

export function text(options: TextOptions = {}): Type<string> {
  return {
    check(node, r) {
      const s = scalarOf(node, r, options.patternHint ?? 'text');
      if (!s) return undefined;
      if (options.pattern && !options.pattern.test(s.value)) {
        r.error(s, `'${clip(s.value)}' is not ${options.patternHint ?? `of the form ${options.pattern.source}`}`);
        return undefined;
      }
      return s.value;
    },
    json() {
      const base: Record<string, unknown> = { type: options.numberToo ? ['string', 'number'] : 'string' };
      if (options.pattern && !options.numberToo) base.pattern = options.pattern.source;
      if (options.description) base.description = options.description;
      return base;
    },
  };
}

export function integer(min: number, description: string): Type<number> {
  return {
    check(node, r) {
      const s = scalarOf(node, r, `a whole number >= ${min}`);
      if (!s) return undefined;
      if (!s.plain || !/^\d+$/.test(s.value) || Number(s.value) < min) {
        r.error(s, `expected a whole number >= ${min}, found ${found(s)}`);
        return undefined;
      }
      return Number(s.value);
    },
    // Also as text: the loader reads every scalar as text (YAML's failsafe schema).
    json: () => ({
      description,
      anyOf: [
        { type: 'integer', minimum: min },
        { type: 'string', pattern: min === 1 ? '^0*[1-9][0-9]*$' : '^[0-9]+$' },
      ],
    }),
  };
}

export const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

export function date(description: string): Type<CalendarDate> {
  return {
    check(node, r) {
      const s = scalarOf(node, r, 'a date (YYYY-MM-DD)');
      if (!s) return undefined;
      const d = parseDate(s.value);
      if (d) return d;
      r.error(s, new RegExp(DATE_PATTERN).test(s.value) ? `${s.value} is not a calendar date` : `expected a date (YYYY-MM-DD), found ${found(s)}`);
      return undefined;
    },
    json: () => ({ type: 'string', pattern: DATE_PATTERN, description }),
  };
}

export function list<T>(item: Type<T>, description: string): Type<T[]> {
  return {
    check(node, r) {
      if (node.kind !== 'seq') {
        r.error(node, `expected a list, found ${found(node)}`);
        return undefined;
      }
      // map() sizes the array exactly: lists such as tags and evidence end up in the model.
      let failed = false;
      const out = node.items.map((n) => {
        const v = item.check(n, r);
        if (v === undefined) failed = true;
        return v;
      });
      return failed ? out.filter((v): v is T => v !== undefined) : (out as T[]);
    },
    json: () => ({ type: 'array', items: item.json(), description }),
  };
}

/** One value or a list of them. */
export function oneOrMany<T>(item: Type<T>, description: string): Type<T[]> {
  const many = list(item, description);
  return {
    check(node, r) {
      if (node.kind === 'seq') return many.check(node, r);
      const v = item.check(node, r);
      return v === undefined ? undefined : [v];
    },
    json: () => ({ description, anyOf: [item.json(), { type: 'array', items: item.json() }] }),
  };
}

/** The value together with the node it came from, for later checks that point at it. */
export interface Located<T> {
  readonly value: T;
  readonly node: PNode;
}
export function located<T>(inner: Type<T>): Type<Located<T>> {
  return {
    check(node, r) {
      const value = inner.check(node, r);
      return value === undefined ? undefined : { value, node };
    },
    json: () => inner.json(),
  };
}

/** Chooses by the kind of node written: a scalar, a mapping or a list. */
export function byKind<S, M>(description: string, scalar: Type<S>, map: Type<M>, expected: string): Type<S | M> {
  return {
    check(node, r) {
      if (node.kind === 'map') return map.check(node, r);
      if (node.kind === 'scalar' && !node.empty) return scalar.check(node, r);
      r.error(node, `expected ${expected}, found ${found(node)}`);
      return undefined;
    },
    json: () => ({ description, anyOf: [scalar.json(), map.json()] }),
  };
}

interface Field<T> {
  readonly type: Type<T>;
  readonly required?: boolean;
}
type Fields = Record<string, Field<unknown>>;
type ValueOf<F> = F extends Field<infer T> ? T : never;

/** A checked mapping: the values that passed, and where each key's value was written. */
export type Checked<F extends Fields> = { readonly [K in keyof F]?: ValueOf<F[K]> } & {
  readonly $node: PMap;
  readonly $at: Readonly<Partial<Record<keyof F, PNode>>>;
};

export function field<T>(type: Type<T>, required = false): Field<T> {
  return { type, required };
}

export function object<F extends Fields>(name: string, fields: F, description: string): Type<Checked<F>> {
  const known = Object.keys(fields);
  const required = known.filter((k) => fields[k]!.required);
  return {
    check(node, r) {
      if (node.kind !== 'map') {
        r.error(node, `expected ${name} (a mapping), found ${found(node)}`);
        return undefined;
      }
      // Built in one shape, with no temporary objects: this runs for every
      // activity and window of a portfolio.
      const at: Record<string, PNode> = {};
      const out: Record<string, unknown> = { $node: node, $at: at };
      let misspelt: Set<string> | undefined;
      const pairs = node.pairs;
      for (let i = 0; i < pairs.length; i++) {
        const { key, value } = pairs[i]!;
        const k = key.value;
        const f = Object.hasOwn(fields, k) ? fields[k] : undefined;
        if (f === undefined) {
          const [meant] = closest(k, known, 1);
          if (meant !== undefined) (misspelt ??= new Set()).add(meant);
          r.error(key, `unknown key '${clip(k)}' in ${name}${meant === undefined ? '' : `; did you mean '${meant}'?`}`);
          continue;
        }
        at[k] = value;
        if (value.kind === 'scalar' && value.empty && !f.required && !f.type.checksEmpty) continue; // `key:` with nothing = not given
        const v = f.type.check(value, r);
        if (v !== undefined) out[k] = v;
      }
      for (const k of required) {
        // A misspelt required key is one mistake, reported at the misspelling.
        if (at[k] === undefined && !misspelt?.has(k)) r.error(node, `${name} is missing '${k}'`);
      }
      return out as Checked<F>;
    },
    json() {
      const properties: Record<string, JsonSchema> = {};
      for (const [k, f] of Object.entries(fields)) properties[k] = f.type.json();
      return { type: 'object', description, properties, ...(required.length ? { required } : {}), additionalProperties: false };
    },
  };
}

/** A mapping from ids (matching `pattern`) to values. */
export function record<T>(name: string, pattern: RegExp, hint: string, value: Type<T>, description: string): Type<Array<{ id: string; key: PScalar; value: T }>> {
  return {
    check(node, r) {
      if (node.kind !== 'map') {
        r.error(node, `expected ${name} (a mapping), found ${found(node)}`);
        return undefined;
      }
      const out: Array<{ id: string; key: PScalar; value: T }> = [];
      for (const { key, value: v } of node.pairs) {
        if (!pattern.test(key.value)) {
          r.error(key, `'${clip(key.value)}' is not ${hint}`);
          continue;
        }
        const checked = value.check(v, r);
        if (checked !== undefined) out.push({ id: key.value, key, value: checked });
      }
      return out;
    },
    json: () => ({ type: 'object', description, propertyNames: { pattern: pattern.source }, additionalProperties: value.json() }),
  };
}
