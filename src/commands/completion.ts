/** `roadmap completion bash|zsh|fish`: prints the shell's completion script. */
import type { Shell } from '../formats.js';
import { completionScript } from '../render/completion.js';
import type { GlobalOptions } from '../shell/context.js';
import { EXIT, type Io } from '../shell/io.js';

export async function run(_options: GlobalOptions, io: Io, shell: Shell): Promise<number> {
  io.out(completionScript(shell));
  return EXIT.ok;
}
