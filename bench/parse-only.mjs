/**
 * The parse-only floor: reads every *.yaml file under a directory and parses it,
 * nothing else. `--yaml-library` parses with the yaml library alone, as the
 * loader did before it had its own reader.
 *
 *   node bench/parse-only.mjs DIR [--yaml-library]
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const [dir, flag] = process.argv.slice(2);
const files = readdirSync(dir, { recursive: true })
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();
let problems = 0;
if (flag === '--yaml-library') {
  const { parseAllDocuments } = await import('yaml');
  for (const f of files) {
    const docs = parseAllDocuments(readFileSync(path.join(dir, f), 'utf8'), { schema: 'failsafe', prettyErrors: false, uniqueKeys: true, merge: false, strict: true });
    for (const d of docs) problems += d.errors.length;
  }
} else {
  const { parseYaml } = await import('../dist/yaml.cjs');
  for (const f of files) problems += parseYaml(readFileSync(path.join(dir, f), 'utf8')).problems.length;
}
if (problems > 0) {
  process.stderr.write(`${problems} problems\n`);
  process.exitCode = 2;
}
