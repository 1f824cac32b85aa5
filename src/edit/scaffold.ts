/** The text of a new roadmap file, as `roadmap init` writes it. Pure. */
import { scalarText } from './source.js';

export interface Scaffold {
  /** Path of the JSON Schema, relative to the new file, for the editor modeline. */
  readonly schemaRef: string;
  readonly id: string;
  readonly title: string;
  readonly timezone?: string | undefined;
  readonly entities: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  readonly stage: { readonly id: string; readonly title: string; readonly window?: string | undefined };
}

/** Ids that look like numbers are quoted, as the format reads them as written either way. */
const id = (v: string) => (/^\d/.test(v) ? JSON.stringify(v) : scalarText(v));

export function scaffold(s: Scaffold): string {
  const lines = [`# yaml-language-server: $schema=${s.schemaRef}`, 'schema: 1', `id: ${scalarText(s.id)}`, `title: ${scalarText(s.title)}`, 'revision: 1'];
  if (s.timezone) lines.push(`timezone: ${scalarText(s.timezone)}`);
  if (s.entities.length) {
    lines.push('', 'entities:');
    for (const e of s.entities) lines.push(`  ${scalarText(e.id)}: ${scalarText(e.name)}`);
  }
  const who = s.entities[0]?.id ?? 'ENTITY-ID';
  lines.push(
    '',
    'stages:',
    `  - id: ${id(s.stage.id)}`,
    `    title: ${scalarText(s.stage.title)}`,
    ...(s.stage.window ? [`    window: ${scalarText(s.stage.window)}`] : []),
    '    # Add the activities of the stage, for example:',
    '    # activities:',
    '    #   - id: "1.1"',
    '    #     title: What is to be done',
    `    #     window: ${s.stage.window ?? '2025-03..2025-04'}`,
    `    #     responsible: ${who}`,
    '',
  );
  return lines.join('\n');
}
