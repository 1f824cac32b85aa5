/** A Prompter that answers from a script, recording what it was asked (for whole-flow tests). */
import { Cancelled, type Choice, type Prompter } from '../../src/shell/prompts.js';

/** Ctrl+C at this question. */
export const CTRL_C = Symbol('ctrl-c');

export type Step = { readonly search: string } | { readonly select: string } | { readonly input: string } | { readonly confirm: boolean } | typeof CTRL_C;

export interface Scripted extends Prompter {
  /** One line per question: its message, then what was shown or refused. */
  readonly log: string[];
  readonly left: () => number;
}

export function scripted(steps: Step[]): Scripted {
  const queue = [...steps];
  const log: string[] = [];
  const next = (kind: string, message: string): Step => {
    log.push(`${kind}: ${message}`);
    const step = queue.shift();
    if (step === undefined) throw new Error(`script ran out at ${kind} "${message}"`);
    if (step === CTRL_C) throw new Cancelled();
    if (!(kind in step)) throw new Error(`script expected ${Object.keys(step)[0]}, was asked ${kind} "${message}"`);
    return step;
  };
  const pick = <T>(choices: readonly Choice<T>[], prefix: string): T => {
    const c = choices.find((x) => x.name.startsWith(prefix) && !x.disabled);
    if (!c) throw new Error(`no enabled choice starting with "${prefix}" in: ${choices.map((x) => x.name).join(' | ')}`);
    return c.value;
  };
  return {
    log,
    left: () => queue.length,
    async select(q) {
      const step = next('select', q.message) as { select: string };
      log.push(...q.choices.map((c) => `  ${c.name}${c.disabled ? ` (${c.disabled === true ? 'disabled' : c.disabled})` : ''}`));
      return pick(q.choices, step.select);
    },
    async search(q) {
      const step = next('search', q.message) as { search: string };
      const choices = q.source(step.search);
      log.push(...choices.map((c) => `  ${c.name}`));
      return pick(choices, '');
    },
    async input(q) {
      for (;;) {
        const step = next('input', q.message) as { input: string };
        const value = step.input === '' && q.default !== undefined ? q.default : step.input;
        const ok = q.validate ? q.validate(value) : true;
        if (ok === true) return value;
        log.push(`  refused: ${ok}`);
      }
    },
    async confirm(q) {
      return (next('confirm', q.message) as { confirm: boolean }).confirm;
    },
  };
}
