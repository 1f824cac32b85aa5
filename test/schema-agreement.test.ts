/**
 * The shipped JSON Schema and the loader agree: every YAML fixture (valid and
 * invalid) gets the same verdict from ajv running the schema as from `validate`,
 * except where a JSON Schema cannot say it (listed below, each with its reason).
 * YAML is read for ajv with the failsafe schema, as the loader reads it: every
 * scalar is text.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { ROOT, run } from './helpers.js';

const SCHEMA = JSON.parse(readFileSync(path.join(ROOT, 'schema', 'roadmap.schema.json'), 'utf8'));

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return yamlFiles(file);
    return /\.ya?ml$/.test(name) ? [path.relative(ROOT, file)] : [];
  });
}

const F = 'test/fixtures/schema';

/**
 * Where the two legitimately differ, with both verdicts. A JSON Schema sees a plain
 * JSON value: not how a scalar was quoted, not other entities or ids, not a calendar.
 */
const DISAGREE: Record<string, { loader: boolean; schema: boolean; why: string }> = {
  [`${F}/cancelled-quoted-no.yaml`]: { loader: true, schema: false, why: 'quoting: "no" quoted is a reason, unquoted it is YAML\'s false; the schema sees the same text' },
  [`${F}/revision-quoted.yaml`]: { loader: false, schema: true, why: "quoting: '2' quoted is text, not a whole number" },
  [`${F}/done-not-a-calendar-date.yaml`]: { loader: false, schema: true, why: '2019-02-30 has the form of a date; which days exist is beyond a pattern' },
  [`${F}/unknown-entity.yaml`]: { loader: false, schema: true, why: 'an entity reference must name an entity of the same file' },
  [`${F}/duplicate-id.yaml`]: { loader: false, schema: true, why: 'ids must be unique across the stages and activities' },
  [`${F}/cycle.yaml`]: { loader: false, schema: true, why: 'relative dates must not refer to themselves' },
  [`${F}/end-before-start.yaml`]: { loader: false, schema: true, why: 'a window must not end before it starts' },
  [`${F}/assess-unknown-assessor.yaml`]: { loader: false, schema: true, why: 'an assessment names an assessor of the same file' },
  [`${F}/assess-unknown-scale.yaml`]: { loader: false, schema: true, why: 'an assessment names a scale of the same file' },
  [`${F}/assess-level-not-on-scale.yaml`]: { loader: false, schema: true, why: "a declared scale's levels are in the file, not in the schema" },
  [`${F}/assess-unknown-window.yaml`]: { loader: false, schema: true, why: "a window label must be one of the activity's" },
  [`${F}/assess-published-before-as-of.yaml`]: { loader: false, schema: true, why: 'comparing two dates is beyond a JSON Schema' },
  [`${F}/assess-duplicate.yaml`]: { loader: false, schema: true, why: 'one rating per assessor, as-of, scale and window: uniqueness by some fields' },
};

interface Verdict {
  readonly valid: boolean;
  readonly errors: readonly string[];
}

/** ajv's verdict on a file read as the loader reads it (a file that is not one YAML document is invalid). */
function schemaSays(text: string, validate: ReturnType<Ajv['compile']>): Verdict {
  const docs = parseAllDocuments(text, { schema: 'failsafe', uniqueKeys: true, merge: false, strict: true });
  if (!Array.isArray(docs) || docs.length !== 1 || docs[0]!.errors.length > 0) return { valid: false, errors: ['not one YAML document'] };
  const valid = validate(docs[0]!.toJS({ maxAliasCount: 10000 })) as boolean;
  return { valid, errors: (validate.errors ?? []).slice(0, 3).map((e) => `${e.instancePath} ${e.message}`) };
}

describe('the JSON Schema and validate agree on every fixture', () => {
  const validate = new Ajv({ allErrors: true, strict: false }).compile(SCHEMA);
  const files = [...yamlFiles(path.join(ROOT, 'test', 'fixtures')), ...yamlFiles(path.join(ROOT, 'roadmaps')), ...yamlFiles(path.join(ROOT, 'examples'))];

  it('finds the fixtures, valid and invalid ones, and each listed disagreement', () => {
    expect(files.length).toBeGreaterThan(60);
    for (const f of [
      'roadmaps/az-ogp-2019-21.yaml',
      'examples/city-open-data.yaml',
      'test/fixtures/check/syntax/bad.yaml',
      `${F}/cancelled-no.yaml`,
      `${F}/assess-valid.yaml`,
      `${F}/assess-kind-unknown.yaml`,
      ...Object.keys(DISAGREE),
    ])
      expect(files).toContain(f);
  });

  it.each(files)('%s', async (file) => {
    const loader = (await run(['validate', file, '--today', '2019-07-15'])).code === 0;
    const schema = schemaSays(readFileSync(path.join(ROOT, file), 'utf8'), validate);
    const listed = DISAGREE[file];
    if (listed) {
      expect({ loader, schema: schema.valid }).toEqual({ loader: listed.loader, schema: listed.schema });
      return;
    }
    // The schema's first errors ride along, so a failure shows what it objected to.
    expect({ file, valid: schema.valid, errors: schema.errors }).toEqual({ file, valid: loader, errors: schema.errors });
  });
});
