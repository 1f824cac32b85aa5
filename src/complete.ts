/**
 * Shell completion, pure: the words typed so far → what may come next. The
 * commands, options and choices are read from the commander program itself (so
 * completion never drifts from the command line); ids need the roadmaps, which
 * the caller loads when the answer asks for them.
 */
import { CHECK_FAIL_ON, DIFF_GATES } from './formats.js';
import { STATES } from './model.js';

export interface OptionSpec {
  /** Flags as typed: '--format', '-r'. */
  readonly flags: readonly string[];
  readonly name: string;
  readonly takesValue: boolean;
  readonly choices?: readonly string[] | undefined;
}

export interface CommandSpec {
  readonly name: string;
  readonly options: readonly OptionSpec[];
  readonly args: readonly { readonly name: string; readonly choices?: readonly string[] | undefined }[];
}

export interface ProgramSpec {
  readonly commands: readonly CommandSpec[];
  readonly options: readonly OptionSpec[];
  /** The command run when none is named, whose options may come first (`roadmap --by entity`). */
  readonly defaultCommand?: string;
}

export type IdKind = 'activity' | 'stage' | 'entity';

/** The answer: words to offer, or ids of the roadmaps named (none named: the usual lookup). */
export type Want =
  | { readonly kind: 'words'; readonly words: readonly string[] }
  | { readonly kind: 'ids'; readonly of: IdKind; readonly roadmaps: readonly string[]; readonly prefix: string; readonly current: string };

const NOTHING: Want = { kind: 'words', words: [] };

/** Options whose values are lists of known words or ids, by `command:option` or option name. */
const LISTS: Readonly<Record<string, readonly string[]>> = { 'diff:failOn': DIFF_GATES, failOn: CHECK_FAIL_ON, state: STATES };
const IDS: Readonly<Record<string, IdKind>> = { stage: 'stage', entity: 'entity', responsible: 'entity', support: 'entity', 'add:after': 'activity', 'add-stage:after': 'stage' };
/** Commands whose --entity is not an id (init takes ID=Name). */
const NOT_IDS = new Set(['init:entity']);

const startsWith = (prefix: string) => (w: string) => w.startsWith(prefix);

/** `words`: what follows `roadmap` on the line up to the cursor; the last is the word being completed (maybe ''). */
export function want(spec: ProgramSpec, words: readonly string[]): Want {
  const current = words.at(-1) ?? '';
  const before = words.slice(0, -1);
  let command: CommandSpec | undefined;
  let positionals = 0;
  let pending: OptionSpec | undefined;
  const roadmaps: string[] = [];
  const fallback = spec.commands.find((c) => c.name === spec.defaultCommand);
  const optionsNow = () => [...((command ?? fallback)?.options ?? []), ...spec.options];
  const optionOf = (flag: string) => optionsNow().find((o) => o.flags.includes(flag));
  for (let i = 0; i < before.length; i++) {
    const word = before[i]!;
    if (word.startsWith('-') && word.length > 1 && word !== '--') {
      const eq = word.indexOf('=');
      const option = optionOf(eq > 0 ? word.slice(0, eq) : word);
      if (!option?.takesValue) continue;
      const value = eq > 0 ? word.slice(eq + 1) : before[++i];
      if (value === undefined) pending = option;
      else if (option.name === 'roadmap') roadmaps.push(value);
      continue;
    }
    if (command === undefined) command = spec.commands.find((c) => c.name === word);
    else positionals++;
  }
  if (pending) return valuesOf(pending, command ?? fallback, current, roadmaps);
  if (current.startsWith('-')) {
    const flags = optionsNow().flatMap((o) => o.flags.filter((f) => f.startsWith('--')));
    return { kind: 'words', words: [...new Set([...flags, '--help'])].filter(startsWith(current)) };
  }
  if (command === undefined) return { kind: 'words', words: spec.commands.map((c) => c.name).filter(startsWith(current)) };
  const arg = command.args[positionals];
  if (arg?.choices) return { kind: 'words', words: arg.choices.filter(startsWith(current)) };
  if (arg?.name === 'id') return { kind: 'ids', of: 'activity', roadmaps, prefix: '', current };
  if (arg?.name === 'stage') return { kind: 'ids', of: 'stage', roadmaps, prefix: '', current };
  if (arg?.name === 'command') return { kind: 'words', words: spec.commands.map((c) => c.name).filter(startsWith(current)) };
  return NOTHING;
}

function valuesOf(option: OptionSpec, command: CommandSpec | undefined, current: string, roadmaps: readonly string[]): Want {
  if (option.choices) return { kind: 'words', words: option.choices.filter(startsWith(current)) };
  const key = `${command?.name}:${option.name}`;
  const list = LISTS[key] ?? LISTS[option.name];
  // Comma-separated lists: complete the last item, keep what is before it.
  const comma = current.lastIndexOf(',') + 1;
  const prefix = current.slice(0, comma);
  const last = current.slice(comma);
  if (list) {
    const given = new Set(prefix.split(','));
    return { kind: 'words', words: list.filter((w) => !given.has(w) && w.startsWith(last)).map((w) => prefix + w) };
  }
  const of = IDS[key] ?? IDS[option.name];
  if (of && !NOT_IDS.has(key)) return { kind: 'ids', of, roadmaps, prefix, current: last };
  return NOTHING;
}

/** Only words a shell takes as one inert word: no spaces, controls, quotes, globs or expansions. */
export function inertWords(words: Iterable<string>): string[] {
  return [...new Set([...words].filter((w) => /^[A-Za-z0-9._:,=@+/-]+$/.test(w)))];
}
