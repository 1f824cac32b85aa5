/** `roadmap schema`: the JSON Schema of the file format, for editors. */
import { jsonSchema } from '../load/format.js';
import { command } from '../shell/command.js';
import type { Output } from '../shell/effects.js';
import { EXIT } from '../shell/io.js';

export function schemaText(): string {
  return `${JSON.stringify(jsonSchema(), null, 2)}\n`;
}

export async function plan(): Promise<Output> {
  return { stdout: schemaText(), exit: EXIT.ok };
}

export const run = command(plan);
