/**
 * `npm run bench`: start-up, scale, output and bad-input figures of the built
 * CLI, each command run as a whole process, side by side with a bare `node -e 0`
 * and the parse-only floor, in one run on one machine.
 *
 *   node bench/run.mjs [--quick] [--runs N] [--warmup N] [--only startup,scale,bad,slow,pipe,git] [--keep]
 *   BENCH_QUICK=1 BENCH_ONLY=startup npm run bench
 *
 * Wall times are medians (with min–max) of N runs after one warm-up run; CPU is
 * the median user+system time; RSS is the highest peak resident set of the runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BAD_INPUTS, SLOW_INPUTS, generatePortfolio, gitRepository } from './generate.mjs';

const HERE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// BENCH_ROOT=<another checkout> measures that build's CLI (for before/after figures).
const ROOT = process.env.BENCH_ROOT ? path.resolve(process.env.BENCH_ROOT) : HERE;
const BIN = path.join(ROOT, 'bin', 'roadmap.js');
const PARSE_ONLY = path.join(HERE, 'bench', 'parse-only.mjs');
const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? undefined : args[i + 1];
};
const quick = flag('quick') || process.env.BENCH_QUICK === '1';
const runs = Number(option('runs') ?? process.env.BENCH_RUNS ?? (quick ? 3 : 10));
// --warmup 0 saves minutes when measuring an older build on the slow inputs.
const warmups = Number(option('warmup') ?? 1);
const only = new Set((option('only') ?? process.env.BENCH_ONLY ?? 'startup,scale,bad,slow,pipe,git').split(',').map((s) => s.trim()));
const TODAY = '2022-07-15';
const GNU_TIME = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0 ? '/usr/bin/time' : null;

// Builds before the CommonJS bundles had dist/cli.js.
if (!['cli.cjs', 'cli.js'].some((f) => existsSync(path.join(ROOT, 'dist', f))) || !existsSync(path.join(HERE, 'dist', 'yaml.cjs'))) {
  console.error('bench: dist/ is not built; run `npm run build` (npm run bench does)');
  process.exit(2);
}

const work = mkdtempSync(path.join(tmpdir(), 'roadmap-bench-'));
const devNull = openSync('/dev/null', 'w');
const scratch = path.join(work, 'time.txt');
// Without GNU time, a preloaded hook reports the child's own peak RSS on fd 3.
const RSS_HOOK = "data:text/javascript,import{writeSync}from'node:fs';process.on('exit',()=>{try{writeSync(3,String(process.resourceUsage().maxRSS))}catch{}})";

const SLOW_READER = path.join(HERE, 'bench', 'slow-reader.mjs');
const quote = (a) => `'${String(a).replace(/'/g, "'\\''")}'`;

/**
 * One run of `node ...nodeArgs`: wall ms, cpu ms, peak RSS MB, exit code, stderr. `pipe`: stdout
 * goes through a pipe to bench/slow-reader.mjs (only the command is measured); `timeout` in ms
 * stops a run that hangs (an older build on the slow inputs), reported as exit "timeout".
 */
function once(nodeArgs, cwd, { env: extra = {}, pipe = false, timeout } = {}) {
  const env = { ...process.env, NO_COLOR: '1', ROADMAP_TODAY: '', ROADMAP_PATH: '', ...extra };
  let result;
  const t0 = process.hrtime.bigint();
  const command = GNU_TIME ? [GNU_TIME, '-f', '%U %S %M', '-o', scratch, process.execPath, ...nodeArgs] : [process.execPath, '--import', RSS_HOOK, ...nodeArgs];
  if (pipe) {
    const line = `${command.map(quote).join(' ')}${GNU_TIME ? '' : ' 3>&2'} | ${quote(process.execPath)} ${quote(SLOW_READER)} 2>/dev/null`;
    result = spawnSync('/bin/sh', ['-c', line], { cwd, env, stdio: ['ignore', devNull, 'pipe', 'pipe'], maxBuffer: 1 << 26, timeout });
  } else if (GNU_TIME) {
    result = spawnSync(command[0], command.slice(1), { cwd, env, stdio: ['ignore', devNull, 'pipe'], maxBuffer: 1 << 26, timeout });
  } else {
    result = spawnSync(command[0], command.slice(1), { cwd, env, stdio: ['ignore', devNull, 'pipe', 'pipe'], maxBuffer: 1 << 26, timeout });
  }
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  if (result.error?.code === 'ETIMEDOUT') return { wall, cpu: NaN, rss: NaN, code: 'timeout', stderr: '' };
  let cpu = NaN;
  let rss = NaN;
  if (GNU_TIME) {
    const line = readFileSync(scratch, 'utf8').trim().split('\n').pop() ?? '';
    const [u, s, m] = line.split(' ').map(Number);
    cpu = (u + s) * 1000;
    rss = m / 1024;
  } else {
    rss = Number(result.output[3]?.toString() ?? NaN) / 1024;
  }
  return { wall, cpu, rss, code: result.status, stderr: result.stderr?.toString() ?? '' };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function measure(nodeArgs, { cwd = ROOT, n = runs, warmup = warmups, ...how } = {}) {
  for (let i = 0; i < warmup; i++) {
    const w = once(nodeArgs, cwd, how);
    if (w.code === 'timeout') return { ...w, min: w.wall, max: w.wall };
  }
  const all = [];
  for (let i = 0; i < n; i++) {
    all.push(once(nodeArgs, cwd, how));
    if (all[i].code === 'timeout') break; // one is enough to tell
  }
  const walls = all.map((r) => r.wall);
  return {
    wall: median(walls),
    min: Math.min(...walls),
    max: Math.max(...walls),
    cpu: median(all.map((r) => r.cpu)),
    rss: Math.max(...all.map((r) => r.rss)),
    code: all[0].code,
    stderr: all[0].stderr,
  };
}

const present = new Map();
/** Whether this build has `roadmap <command>` (others are added over time). */
function hasCommand(command) {
  if (!present.has(command)) {
    const r = spawnSync(process.execPath, [BIN, command, '--help'], { cwd: ROOT, encoding: 'utf8' });
    present.set(command, r.status === 0 && r.stdout.startsWith(`Usage: roadmap ${command}`));
  }
  return present.get(command);
}

const rows = [];
const ms = (x) => (Number.isFinite(x) ? `${x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`}` : '–');
function row(section, label, m, extra = '') {
  rows.push({ section, label, m, extra });
  const line = m
    ? `${label.padEnd(44)} ${ms(m.wall).padStart(8)}  ${`${ms(m.min)}–${ms(m.max)}`.padStart(17)}  ${ms(m.cpu).padStart(8)}  ${`${m.rss.toFixed(0)} MB`.padStart(7)}  ${String(m.code).padStart(4)}  ${extra}`
    : `${label.padEnd(44)} ${extra}`;
  console.log(line);
}

function header(title) {
  console.log(`\n## ${title}\n`);
  console.log(`${'what'.padEnd(44)} ${'median'.padStart(8)}  ${'min–max'.padStart(17)}  ${'cpu'.padStart(8)}  ${'peak RSS'.padStart(7)}  ${'exit'.padStart(4)}  notes`);
}

function cli(command) {
  return [BIN, ...command];
}

/** A command row if the command exists in this build, "n/a" otherwise. */
function commandRow(section, label, command, options, note = (_m) => '') {
  if (!hasCommand(command[0])) {
    row(section, label, null, 'n/a (command not present)');
    return null;
  }
  const m = measure(cli(command), options);
  row(section, label, m, note(m));
  return m;
}

console.log(
  `roadmap benchmark — node ${process.version}, ${runs} runs after ${warmups} warm-up${quick ? ' (quick)' : ''}, peak RSS via ${GNU_TIME ? 'GNU time' : 'process.resourceUsage() in the child'}`,
);
console.log(`scenarios: ${[...only].join(', ')}; CLI of ${ROOT}; temporary files in ${work}`);

const baseline = measure(['-e', '0'], { n: Math.max(runs, 5) });
const ratio = (m) => (m ? `${(m.wall / baseline.wall).toFixed(2)}× node -e 0` : '');

if (only.has('startup')) {
  header('Start-up (shipped roadmap; target ≤ 1.5× node -e 0)');
  row('startup', 'node -e 0 (baseline)', baseline);
  const startup = (label, command) => commandRow('startup', label, command, { n: Math.max(runs, 5) }, ratio);
  const help = measure(cli(['--help']), { n: Math.max(runs, 5) });
  row('startup', 'roadmap --help', help, ratio(help));
  startup('roadmap status', ['status']);
  startup('roadmap status --today 2019-07-15', ['status', '--today', '2019-07-15']);
  startup('roadmap status --format json', ['status', '--format', 'json']);
  startup('roadmap check', ['check']);
  // On every TAB: an activity id, as `roadmap done 2.<TAB>` asks for it.
  if (hasCommand('completion')) {
    const m = measure(cli(['__complete', '--', 'done', '2.']), { n: Math.max(runs, 5) });
    row('startup', 'roadmap __complete (done 2.<TAB>)', m, ratio(m));
  } else row('startup', 'roadmap __complete (done 2.<TAB>)', null, 'n/a (command not present)');
}

if (only.has('scale')) {
  const sizes = quick
    ? [[10_000, 100]]
    : [
        [10_000, 100],
        [100_000, 1_000],
      ];
  const results = new Map();
  for (const [activities, files] of sizes) {
    const dir = path.join(work, `p${activities}`);
    const { bytes } = generatePortfolio(dir, { activities, files, seed: 1 });
    const n = activities >= 100_000 ? Math.max(3, Math.min(runs, 5)) : runs;
    const name = `${activities.toLocaleString('en')} activities in ${files} files (${(bytes / 1048576).toFixed(1)} MB)`;
    header(`Scale: ${name}`);
    const floor = measure([PARSE_ONLY, dir], { n });
    row('scale', 'parse-only floor (our reader)', floor, 'read + parse, nothing else');
    const library = measure([PARSE_ONLY, dir, '--yaml-library'], { n });
    row('scale', 'parse-only, yaml library alone', library, 'how the loader parsed before');
    // Everything but reading and parsing, against the parse time of our reader and of the yaml library.
    const beyond = (m) => {
      const rest = m ? m.wall - floor.wall : NaN;
      const ours = floor.wall - baseline.wall;
      const theirs = library.wall - baseline.wall;
      return m ? `rest ${rest.toFixed(0)} ms = ${(rest / ours).toFixed(1)}× parse time (${(rest / theirs).toFixed(2)}× the yaml library's)` : '';
    };
    const r = (label, command, target) => commandRow('scale', label, [...command, '-r', dir, '--today', TODAY], { n }, (m) => `${beyond(m)}${target ? `; target ${target}` : ''}`);
    const target = activities >= 100_000 ? '≤ 3 s, ≤ 1 GB' : '≤ 0.3 s';
    const set = {
      check: r('roadmap check', ['check'], target),
      'status --format json': r(
        hasCommand('check') ? 'roadmap status --format json' : 'roadmap status --format json (stand-in for check)',
        ['status', '--format', 'json'],
        hasCommand('check') ? '' : target,
      ),
      'check --format text': r('roadmap check --format text', ['check', '--format', 'text']),
      'status (table, default limit)': r('roadmap status (table, default --limit)', ['status']),
      'status --format markdown': r('roadmap status --format markdown', ['status', '--format', 'markdown']),
      timeline: r('roadmap timeline', ['timeline']),
    };
    if (hasCommand('completion')) {
      // Completion reads the roadmaps named on the line (ids of every file), evaluates nothing.
      const m = measure(cli(['__complete', '--', '-r', dir, 'done', '1.']), { n });
      row('scale', 'roadmap __complete (-r DIR done 1.<TAB>)', m, beyond(m));
      set.__complete = m;
    }
    results.set(activities, set);
  }
  if (results.has(10_000) && results.has(100_000)) {
    header('Growth: 100,000 / 10,000 activities (target ≤ 11×)');
    for (const [label, big] of Object.entries(results.get(100_000))) {
      const small = results.get(10_000)[label];
      row('growth', label, null, big && small ? `${(big.wall / small.wall).toFixed(1)}× (wall), ${(big.cpu / small.cpu).toFixed(1)}× (cpu)` : 'n/a');
    }
  }
}

if (only.has('bad')) {
  header('Bad input (each refused with exit 2, a message, within 2 s)');
  const dir = path.join(work, 'bad');
  mkdirSync(dir, { recursive: true });
  const labels = { huge: '50 MB file', deep: '10,000 nested flow levels', deepBlock: '10,000 nested block levels', laughs: 'billion laughs (10^9 via aliases)', random: '1 MiB of random bytes' };
  for (const [name, make] of Object.entries(BAD_INPUTS)) {
    const file = path.join(dir, `${name}.yaml`);
    writeFileSync(file, make());
    const m = measure(cli(['status', '-r', file, '--today', TODAY]), { n: Math.min(runs, 3) });
    const message = m.stderr.trim().split('\n')[0]?.slice(0, 110) ?? '';
    row('bad', labels[name], m, message);
  }
  // Trees and files that never end unless the loader refuses to follow or read them. An
  // older build may hang on them: each run is killed after 10 s (no GNU time in between,
  // which would leave the hung child running).
  const specials = {
    'two `..` links in a roadmap tree (validate)': () => {
      const tree = path.join(dir, 'cycle');
      mkdirSync(path.join(tree, 'a'), { recursive: true });
      mkdirSync(path.join(tree, 'b'), { recursive: true });
      writeFileSync(path.join(tree, 'a', 'one.yaml'), 'schema: 1\nid: one\ntitle: One\nstages: []\n');
      symlinkSync('..', path.join(tree, 'a', 'up'));
      symlinkSync('..', path.join(tree, 'b', 'up'));
      return ['validate', tree];
    },
    'import: a 50 MB .txt': () => {
      const big = path.join(dir, 'big.txt');
      writeFileSync(big, '');
      truncateSync(big, 50 * 1024 * 1024);
      return ['import', big, '--output', path.join(dir, 'big.yaml')];
    },
    'import: a zip bomb .docx (256 MB of spaces)': () => {
      const bomb = path.join(dir, 'bomb.docx');
      // Made in a child process: this one's peak memory would be inherited by the runs it measures.
      spawnSync(process.execPath, [path.join(HERE, 'bench', 'zip-bomb.mjs'), bomb, '256']);
      return ['import', bomb, '--output', path.join(dir, 'bomb.yaml')];
    },
    'import: the same bomb, its sizes lowered to 1 KB': () => {
      const bomb = path.join(dir, 'liar.docx');
      spawnSync(process.execPath, [path.join(HERE, 'bench', 'zip-bomb.mjs'), bomb, '256', '1024']);
      return ['import', bomb, '--output', path.join(dir, 'liar.yaml')];
    },
    'a FIFO named x.yaml': () => {
      const fifo = path.join(dir, 'fifo.yaml');
      spawnSync('mkfifo', [fifo]);
      return ['status', '-r', fifo, '--today', TODAY];
    },
    'x.yaml -> /dev/zero': () => {
      const zero = path.join(dir, 'zero.yaml');
      symlinkSync('/dev/zero', zero);
      return ['status', '-r', zero, '--today', TODAY];
    },
  };
  for (const [label, make] of Object.entries(specials)) {
    const m = bounded(cli(make()), Math.min(runs, 3));
    row('bad', label, m, m.code === 'killed' ? 'did not end: killed after 10 s' : m.stderr.trim().split('\n')[0]?.slice(0, 110) || 'ended');
  }
}

/** Like measure(), but each run is killed after 10 s; no CPU figure. */
function bounded(nodeArgs, n) {
  const env = { ...process.env, NO_COLOR: '1', ROADMAP_TODAY: '', ROADMAP_PATH: '' };
  const all = [];
  for (let i = 0; i <= n; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--import', RSS_HOOK, ...nodeArgs], {
      cwd: ROOT,
      env,
      stdio: ['ignore', devNull, 'pipe', 'pipe'],
      maxBuffer: 1 << 26,
      timeout: 10_000,
      killSignal: 'SIGKILL',
    });
    const wall = Number(process.hrtime.bigint() - t0) / 1e6;
    if (i > 0 || r.signal) all.push({ wall, rss: Number(r.output?.[3]?.toString() || NaN) / 1024, code: r.signal ? 'killed' : r.status, stderr: r.stderr?.toString() ?? '' });
    if (r.signal) break; // once is enough to know
  }
  const walls = all.map((r) => r.wall);
  return { wall: median(walls), min: Math.min(...walls), max: Math.max(...walls), cpu: NaN, rss: Math.max(...all.map((r) => r.rss)), code: all[0].code, stderr: all[0].stderr };
}

if (only.has('slow')) {
  header('Inputs of unusual shape (each linear: done, or refused with exit 2, within 2 s)');
  const dir = path.join(work, 'slow');
  mkdirSync(dir, { recursive: true });
  const n = Math.min(runs, 3);
  const cases = [
    ['invalid', '16,000 invalid activities, validate', ['validate']],
    ['unknownKeys', '16,000 unknown keys, validate', ['validate']],
    ['duplicateKeys', '16,000 repeated keys, validate', ['validate']],
    ['yamlAliases', '5,000 YAML aliases, status', ['status']],
    ['entityAliases', '5,000 aliases, 5,000 unknown ids, validate', ['validate']],
    ['emojiTitle', 'a title of 40,000 emoji, status', ['status']],
    ['emojiTitle', 'a title of 40,000 emoji, timeline', ['timeline']],
    ['chain', 'a chain of 2,000 relative dates, status', ['status']],
    ['ring', 'a ring of 2,000 relative dates, status', ['status']],
    ['farDue', 'due: 9999-12-31, timeline', ['timeline']],
    ['farDue', 'due: 9999-12-31, report --format html', ['report', '--format', 'html']],
    ['farDue', 'timeline --to 9999', ['timeline', '--to', '9999']],
    ['shipped', 'COLUMNS=99999999999 status (shipped)', ['status'], { COLUMNS: '99999999999' }],
    ['shipped', 'timeline --width 4294967296 (shipped)', ['timeline', '--width', '4294967296']],
  ];
  for (const [shape, label, command, env] of cases) {
    const file = shape === 'shipped' ? path.join(HERE, 'roadmaps') : path.join(dir, `${shape}.yaml`);
    if (!existsSync(file)) writeFileSync(file, SLOW_INPUTS[shape]());
    const m = measure(cli([...command, '-r', file, '--today', TODAY]), { n, env, timeout: 120_000 });
    row('slow', label, m, m.stderr.trim().split('\n')[0]?.slice(0, 110) ?? '');
  }
}

if (only.has('pipe')) {
  const activities = quick ? 10_000 : 100_000;
  const dir = path.join(work, `p${activities}`);
  if (!existsSync(dir)) generatePortfolio(dir, { activities, files: activities / 100, seed: 1 });
  header(`JSON of ${activities.toLocaleString('en')} activities into a file and into a pipe to a slow reader`);
  const n = Math.max(3, Math.min(runs, 5));
  for (const command of [
    ['status', '--format', 'json'],
    ['check', '--format', 'json'],
  ]) {
    const args = cli([...command, '-r', dir, '--today', TODAY]);
    row('pipe', `roadmap ${command.join(' ')} > file`, measure(args, { n }));
    row('pipe', `roadmap ${command.join(' ')} | slow reader`, measure(args, { n, pipe: true, timeout: 120_000 }), "bench/slow-reader.mjs: 64 KiB a millisecond; the exit is the reader's");
  }
}

if (only.has('git')) {
  header('Roadmaps at a git revision (roadmap diff HEAD)');
  const n = Math.min(runs, 3);
  for (const [label, shape] of [
    ['100,000 other files beside 1 roadmap', { files: 100_000, roadmaps: 1 }],
    ['5,000 roadmap files', { files: 0, roadmaps: 5_000 }],
  ]) {
    const repo = gitRepository(path.join(work, `git-${shape.files}-${shape.roadmaps}`), shape);
    const m = measure(cli(['diff', 'HEAD', '-r', 'roadmaps', '--today', TODAY]), { cwd: repo, n, timeout: 120_000 });
    row('git', label, m, m.stderr.trim().split('\n')[0]?.slice(0, 110) ?? '');
  }
}

closeSync(devNull);
if (flag('keep')) console.log(`\nkept ${work}`);
else rmSync(work, { recursive: true, force: true });
