/**
 * A command as cli.ts calls it, from its pure-ish plan: the options and the
 * environment become a Run (validated once), the plan makes an Output, and the
 * one effect step performs it. The command's bundle holds all three (scripts/build.mjs).
 */
import type { FilterOptions, GlobalOptions } from './context.js';
import { perform, type Output } from './effects.js';
import type { Io } from './io.js';
import { resolveRun, type Run } from './run.js';

export type Plan<O, A extends unknown[] = []> = (run: Run, options: O, ...args: A) => Promise<Output>;

export function command<O, A extends unknown[] = []>(plan: Plan<O, A>) {
  return async (options: O & GlobalOptions & FilterOptions, io: Io, ...args: A): Promise<number> => perform(await plan(await resolveRun(options, io), options, ...args), io);
}
