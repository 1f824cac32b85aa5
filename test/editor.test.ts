/** Editor support: the committed JSON Schema is current, and the shipped roadmaps point their editors at it. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, run } from './helpers.js';

const SCHEMA = path.join(ROOT, 'schema', 'roadmap.schema.json');
const MODELINE = /^# yaml-language-server: \$schema=(\S+)$/;
const shipped = readdirSync(path.join(ROOT, 'roadmaps'))
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => path.join(ROOT, 'roadmaps', f));

describe('editor support', () => {
  it('schema/roadmap.schema.json is the output of `roadmap schema` (run `npm run schema` when this fails)', async () => {
    const r = await run(['schema']);
    expect(r.code).toBe(0);
    expect(readFileSync(SCHEMA, 'utf8')).toBe(r.stdout);
  });

  it.each(shipped.map((f) => [path.basename(f), f]))('%s starts with a modeline pointing at the committed schema', (_name, file) => {
    const first = readFileSync(file, 'utf8').split('\n')[0]!;
    const m = MODELINE.exec(first);
    expect(m).not.toBeNull();
    expect(path.resolve(path.dirname(file), m![1]!)).toBe(SCHEMA);
  });

  it('the schema accepts the shipped roadmaps and flags a misspelt key, as an editor would', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
    for (const file of shipped) expect(validate(parse(readFileSync(file, 'utf8'))), JSON.stringify(validate.errors)).toBe(true);
    const typo = parse(readFileSync(shipped[0]!, 'utf8').replace('    title: Launch of the process', '    titel: Launch of the process'));
    expect(validate(typo)).toBe(false);
    expect(validate.errors?.map((e) => [e.instancePath, e.message])).toContainEqual(['/stages/0', 'must NOT have additional properties']);
  });
});
