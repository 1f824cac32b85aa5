#!/usr/bin/env node
'use strict';
/**
 * Runs dist/cli.cjs and the command bundle it asks for, each compiled with the
 * V8 code cache the build wrote beside it (<bundle>.cache): start-up is a
 * feature (README, Performance). A cache made by another Node version, or for
 * a bundle edited since, is not used; the bundle is then compiled as usual.
 */
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { createRequire, wrap } = require('node:module');

/** Bundles loaded by this process: file -> { module, script, stamp, cached }. */
const loaded = new Map();

/** What a cache is valid for: the bundle's size and modification time. */
function stampOf(file) {
  const s = fs.statSync(file);
  return `${s.size}:${s.mtimeMs}\n`;
}

function readCache(file, stamp) {
  let data;
  try {
    data = fs.readFileSync(`${file}.cache`);
  } catch {
    return undefined;
  }
  return data.subarray(0, stamp.length).toString('latin1') === stamp ? data.subarray(stamp.length) : undefined;
}

/** require() for our bundles, with their code caches. */
function load(file) {
  const known = loaded.get(file);
  if (known) return known.module.exports;
  const stamp = stampOf(file);
  const cachedData = readCache(file, stamp);
  const script = new vm.Script(wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
  const module = { exports: {} };
  loaded.set(file, { module, script, stamp, cached: cachedData !== undefined && !script.cachedDataRejected });
  const dir = path.dirname(file);
  const outside = createRequire(file);
  const local = (id) => (id.startsWith('./commands/') ? load(path.join(dir, id)) : outside(id));
  script.runInThisContext()(module.exports, local, module, file, dir);
  return module.exports;
}

/** Writes the code cache of every bundle loaded so far (scripts/warm-cache.cjs). */
function writeCaches() {
  for (const [file, { script, stamp }] of loaded) {
    fs.writeFileSync(`${file}.cache`, Buffer.concat([Buffer.from(stamp, 'latin1'), script.createCachedData()]));
  }
  return [...loaded.keys()];
}

const CLI = path.join(__dirname, '..', 'dist', 'cli.cjs');

if (require.main === module) {
  if (!fs.existsSync(CLI)) {
    process.stderr.write('roadmap: dist/ is not built: run `npm install` (or `npm run build`) in the roadmap checkout\n');
    process.exit(3);
  }
  // With --enable-source-maps, Node's own require maps stack traces to src/.
  const cli = process.sourceMapsEnabled ? require(CLI) : load(CLI);
  cli
    .main(process.argv)
    .then(cli.settleOutput)
    .then((code) => {
      process.exitCode = code;
    });
} else {
  module.exports = { CLI, load, loaded, writeCaches };
}
