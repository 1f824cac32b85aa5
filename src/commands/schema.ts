/** `roadmap schema`: the JSON Schema of the file format, for editors. */
import { jsonSchema } from '../load/format.js';
import type { Io } from '../shell/io.js';

export function schemaText(): string {
  return `${JSON.stringify(jsonSchema(), null, 2)}\n`;
}

export async function run(_options: unknown, io: Io): Promise<number> {
  io.out(schemaText());
  return 0;
}
