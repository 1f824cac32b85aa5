/**
 * Runs each command once in this process, on a copy of the shipped roadmap with
 * output discarded, then writes the V8 code cache of every bundle: the cache then
 * holds the functions those runs compiled, not just the top level.
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { CLI, load, writeCaches } = require('../bin/roadmap.js');

const ROADMAP = path.join(__dirname, '..', 'roadmaps', 'az-ogp-2019-21.yaml');
const RUNS = [
  ['--help'],
  ['status', '--help'],
  ['status'],
  ['status', '--by', 'entity', '--format', 'markdown'],
  ['status', '--format', 'json'],
  ['check'],
  ['check', '--format', 'github'],
  ['check', '--format', 'junit'],
  ['check', '--format', 'json'],
  ['validate'],
  ['timeline'],
  ['report', '--format', 'html'],
  ['report', '--format', 'ics'],
  ['diff', 'roadmaps/plan.yaml', 'roadmaps/plan.yaml'],
  ['done', '1.1', '--on', '2019-04-20', '--dry-run'],
  ['start', '2.2', '--on', '2019-04-20', '--dry-run'],
  ['cancel', '2.3', '--reason', 'not needed', '--dry-run'],
  ['reopen', '1.1', '--dry-run'],
  ['move', '1.2', '--to', '2019-05..2019-06', '--dry-run'],
  ['schema'],
  ['update'],
  ['init'],
  ['completion', 'bash'],
  ['__complete', '--', 'done', '2.'],
  ['__complete', '--', 'check', '--fail-on', 'o'],
];

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roadmap-warm-'));
  try {
    fs.mkdirSync(path.join(dir, 'roadmaps'));
    fs.copyFileSync(ROADMAP, path.join(dir, 'roadmaps', 'plan.yaml'));
    const io = {
      out() {},
      err() {},
      env: { NO_COLOR: '1' },
      cwd: dir,
      now: () => new Date('2019-07-15T12:00:00Z'),
      stdoutTTY: false,
      columns: undefined,
      stdinTTY: false,
    };
    const { main: run } = load(CLI);
    // __complete must come first on the line (the completion scripts put it there).
    for (const args of RUNS) await run(['node', 'roadmap', ...(args[0] === '__complete' ? [] : ['--today', '2019-07-15']), ...args], io);
    writeCaches();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
