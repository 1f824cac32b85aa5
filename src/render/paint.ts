/** Colour, decided once in the shell and handed to renderers. */
import type { State } from '../model.js';

export interface Paint {
  readonly enabled: boolean;
  state(state: State, text: string): string;
  bold(text: string): string;
  dim(text: string): string;
}

export const plain: Paint = {
  enabled: false,
  state: (_s, t) => t,
  bold: (t) => t,
  dim: (t) => t,
};

/** A Paint over a chalk instance (kept out of renderers so they stay pure and cheap to import). */
export interface ChalkLike {
  red: ChalkLike & ((t: string) => string);
  yellow: ChalkLike & ((t: string) => string);
  cyan: ChalkLike & ((t: string) => string);
  blue: ChalkLike & ((t: string) => string);
  green: ChalkLike & ((t: string) => string);
  gray: ChalkLike & ((t: string) => string);
  bold: ChalkLike & ((t: string) => string);
  dim: ChalkLike & ((t: string) => string);
  strikethrough: ChalkLike & ((t: string) => string);
}

export function chalkPaint(c: ChalkLike): Paint {
  const byState: Record<State, (t: string) => string> = {
    overdue: c.red.bold,
    'due-soon': c.yellow.bold,
    active: c.cyan,
    upcoming: c.blue,
    later: c.gray,
    done: c.green,
    cancelled: c.gray.strikethrough,
  };
  return { enabled: true, state: (s, t) => byState[s](t), bold: c.bold, dim: c.dim };
}
