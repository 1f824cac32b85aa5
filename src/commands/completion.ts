/** `roadmap completion bash|zsh|fish`: prints the shell's completion script. */
import type { Shell } from '../formats.js';
import { completionScript } from '../render/completion.js';
import { command } from '../shell/command.js';
import type { Output } from '../shell/effects.js';
import { EXIT } from '../shell/io.js';
import type { Run } from '../shell/run.js';

export async function plan(_run: Run, _options: unknown, shell: Shell): Promise<Output> {
  return { stdout: completionScript(shell), exit: EXIT.ok };
}

export const run = command(plan);
