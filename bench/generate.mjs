/**
 * Synthetic portfolios for the benchmark (and the scale tests): valid schema-1
 * files with a realistic mix of window forms, relative dates, multi-window
 * activities, comments, done and cancelled items. Deterministic: the same seed
 * gives byte-identical files.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** mulberry32: small, fast, good enough to pick shapes. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'prepare publish review consult draft approve monitor report assess train ' +
  'budget portal survey standards commitments citizens platform ministry council agency ' +
  'transparency access information procurement justice services open data feedback ' +
  'workshop hearing registry audit strategy plan indicators evaluation'
).split(' ');
const ENTITIES = ['MIN-FIN', 'MIN-JUS', 'CCC', 'OGP-AZ', 'NGOS', 'STAT', 'AUDIT', 'E-GOV', 'PARL', 'TA', 'UNI', 'MEDIA'];

const pad = (n, w = 2) => String(n).padStart(w, '0');

function day(r, year) {
  const m = 1 + Math.floor(r() * 12);
  const d = 1 + Math.floor(r() * 28);
  return `${year}-${pad(m)}-${pad(d)}`;
}

function words(r, n) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(WORDS[Math.floor(r() * WORDS.length)]);
  out[0] = out[0][0].toUpperCase() + out[0].slice(1);
  return out.join(' ');
}

/** One window as written on a `window:` line (or in a `windows:` list). */
function windowText(r, year, earlier) {
  const k = r();
  if (k < 0.25) {
    const a = day(r, year);
    const b = day(r, year + 1);
    return `${a}..${b}`;
  }
  if (k < 0.45) {
    const m = 1 + Math.floor(r() * 9);
    return `${year}-${pad(m)}..${year}-${pad(m + 1 + Math.floor(r() * 3))}`;
  }
  if (k < 0.55) return `${year}-${pad(1 + Math.floor(r() * 12))}`;
  if (k < 0.6) return r() < 0.5 ? `${year}` : `${year}..${year + 1}`;
  if (k < 0.7 && earlier.length) {
    const ref = earlier[Math.floor(r() * earlier.length)];
    return `{ start: "${ref}.end + ${1 + Math.floor(r() * 3)} weeks", end: "${ref}.end + ${2 + Math.floor(r() * 6)} months" }`;
  }
  if (k < 0.8) return `{ start: ${day(r, year)}, end: ${year + 1}-${pad(1 + Math.floor(r() * 12))} }`;
  return `${day(r, year)}..${day(r, year + 1)}`;
}

function activity(r, id, year, earlier, lines) {
  const i = '      ';
  lines.push(`${i}- id: "${id}"`);
  lines.push(`${i}  title: ${words(r, 4 + Math.floor(r() * 8))}`);
  const shape = r();
  if (shape < 0.12) {
    const ref = earlier.length ? earlier[Math.floor(r() * earlier.length)] : null;
    lines.push(ref && r() < 0.5 ? `${i}  due: "${ref}.end + ${1 + Math.floor(r() * 20)} days"` : `${i}  due: ${day(r, year + 1)}`);
  } else if (shape < 0.22) {
    lines.push(`${i}  windows:`);
    const n = 2 + Math.floor(r() * 3);
    for (let w = 0; w < n; w++) {
      if (r() < 0.5) {
        lines.push(`${i}    - label: ${w + 1}-month review`);
        lines.push(`${i}      due: ${year + (w >> 1)}-${pad(1 + ((w * 5) % 12))}-15`);
        if (r() < 0.4) lines.push(`${i}      done: ${year + (w >> 1)}-${pad(1 + ((w * 5) % 12))}-${pad(10 + Math.floor(r() * 15))}`);
      } else lines.push(`${i}    - ${year + (w >> 1)}-${pad(1 + ((w * 4) % 12))}`);
    }
  } else {
    lines.push(`${i}  window: ${windowText(r, year, earlier)}`);
  }
  const who = r();
  const e1 = ENTITIES[Math.floor(r() * ENTITIES.length)];
  const e2 = ENTITIES[Math.floor(r() * ENTITIES.length)];
  lines.push(who < 0.7 || e1 === e2 ? `${i}  responsible: ${e1}` : `${i}  responsible: [${e1}, ${e2}]`);
  if (r() < 0.3) lines.push(`${i}  support: [NGOS]`);
  const status = r();
  if (status < 0.2) lines.push(`${i}  done: ${day(r, year + 1)}`);
  else if (status < 0.24) lines.push(`${i}  cancelled: superseded by ${words(r, 2).toLowerCase()}`);
  else if (status < 0.34) lines.push(`${i}  started: ${day(r, year)}`);
  if (r() < 0.15) lines.push(`${i}  evidence: [https://example.org/${id}]`);
  if (r() < 0.1) lines.push(`${i}  notes: >-`, `${i}    ${words(r, 10)}`, `${i}    ${words(r, 8)}.`);
  if (r() < 0.1) lines.push(`${i}  # ${words(r, 6)}`);
}

/** The text of one roadmap file with `count` activities. */
export function roadmapFile(index, count, seed = 1) {
  const r = prng(seed * 1_000_003 + index);
  const year = 2019 + (index % 6);
  const lines = [
    '# yaml-language-server: $schema=../schema/roadmap.schema.json',
    `# Synthetic roadmap ${index} for the benchmark.`,
    'schema: 1',
    `id: bench-${pad(index, 5)}`,
    `title: "Portfolio roadmap ${index}: ${words(r, 4)}"`,
    'revision: 1',
    `published: ${year - 1}-12-01`,
    'timezone: Europe/Paris',
    'entities:',
  ];
  for (const e of ENTITIES) lines.push(r() < 0.5 ? `  ${e}: ${words(r, 4)}` : `  ${e}: { name: ${words(r, 3)}, aliases: [${e.toLowerCase()}] }`);
  lines.push('stages:');
  const perStage = 20;
  const stages = Math.max(1, Math.ceil(count / perStage));
  let made = 0;
  for (let s = 1; s <= stages && made < count; s++) {
    lines.push(`  - id: S${s}`, `    title: ${words(r, 3)}`);
    if (r() < 0.5) lines.push(`    window: ${year}-01..${year + 1}-12`);
    lines.push('    # activities of this stage', '    activities:');
    const earlier = [];
    for (let a = 1; a <= perStage && made < count; a++, made++) {
      const id = `${s}.${a}`;
      activity(r, id, year, earlier, lines);
      earlier.push(id);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Writes `files` roadmap files holding `activities` activities in all under dir. */
export function generatePortfolio(dir, { activities, files, seed = 1 }) {
  mkdirSync(dir, { recursive: true });
  const per = Math.floor(activities / files);
  let extra = activities - per * files;
  let bytes = 0;
  for (let f = 0; f < files; f++) {
    const n = per + (extra-- > 0 ? 1 : 0);
    const text = roadmapFile(f, n, seed);
    bytes += Buffer.byteLength(text);
    writeFileSync(path.join(dir, `roadmap-${pad(f, 5)}.yaml`), text);
  }
  return { dir, bytes };
}

/** Inputs a loader must refuse quickly and without exhausting memory. */
export const BAD_INPUTS = {
  /** 50 MB of valid-looking YAML. */
  huge: () => {
    const head = 'schema: 1\nid: huge\ntitle: Huge\nstages:\n  - id: S\n    title: S\n    activities:\n';
    const one = '      - { id: "x", title: padding padding padding padding, due: 2020-01-01 }\n';
    return head + one.repeat(Math.ceil((50 * 1024 * 1024) / one.length));
  },
  /** 10,000 nested flow sequences. */
  deep: () => `schema: 1\nid: deep\ntitle: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
  /** 10,000 nested block sequences (`- - - … x`: block nesting without 50 MB of indentation). */
  deepBlock: () => `schema: 1\nid: deep\ntitle:\n  ${'- '.repeat(10_000)}x\n`,
  /** Billion laughs: nine levels of ten aliases each, 10^9 nodes if expanded. */
  laughs: () => {
    const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i <= 9; i++)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    lines.push('schema: 1', 'id: laughs', 'title: *a9', 'stages: []');
    return `${lines.join('\n')}\n`;
  },
  /** 1 MiB of random bytes (seeded). */
  random: () => {
    const r = prng(42);
    const b = Buffer.alloc(1024 * 1024);
    for (let i = 0; i < b.length; i++) b[i] = Math.floor(r() * 256);
    return b;
  },
};

const HEAD = 'schema: 1\nid: slow\ntitle: Slow\nentities:\n  A: Agency\nstages:\n  - id: S\n    title: S\n    activities:\n';

/** Inputs of sizes a loader or renderer must handle in linear time (each `n` large). */
export const SLOW_INPUTS = {
  /** Activities with three errors each (bad date, unknown entity, unknown key), ~1 MB at 16,000. */
  invalid: (n = 16_000) => {
    const lines = [HEAD];
    for (let i = 0; i < n; i++) lines.push(`      - { id: "a${i}", title: T, due: 2019-02-30, responsible: Z${i}, colour: red }\n`);
    return lines.join('');
  },
  /** One activity with `n` unknown keys. */
  unknownKeys: (n = 16_000) => {
    const lines = [HEAD, '      - id: a\n        title: T\n        due: 2020-01-01\n'];
    for (let i = 0; i < n; i++) lines.push(`        extra${i}: x\n`);
    return lines.join('');
  },
  /** One activity with the same key written `n` times. */
  duplicateKeys: (n = 16_000) => {
    const lines = [HEAD, '      - id: a\n        due: 2020-01-01\n'];
    for (let i = 0; i < n; i++) lines.push(`        title: T${i}\n`);
    return lines.join('');
  },
  /** One anchored title used by `n` activities through YAML aliases. */
  yamlAliases: (n = 5_000) => {
    const lines = [HEAD.replace('title: Slow', 'title: &t Slow')];
    for (let i = 0; i < n; i++) lines.push(`      - { id: "a${i}", title: *t, due: 2020-01-01, responsible: A }\n`);
    return lines.join('');
  },
  /** An entity with `n` aliases, each used once, plus `n` unknown references. */
  entityAliases: (n = 5_000) => {
    const aliases = Array.from({ length: n }, (_, i) => `al${i}`).join(', ');
    const lines = [HEAD.replace('  A: Agency\n', `  A: { name: Agency, aliases: [${aliases}] }\n`)];
    for (let i = 0; i < n; i++) lines.push(`      - { id: "a${i}", title: T, due: 2020-01-01, responsible: [al${i}, xl${i}] }\n`);
    return lines.join('');
  },
  /** A title of `n` emoji (one word), and one of `n` emoji separated by spaces. */
  emojiTitle: (n = 40_000) =>
    `${HEAD}      - id: a\n        title: "${'😀'.repeat(n)}"\n        due: 2020-01-01\n        responsible: A\n` +
    `      - id: b\n        title: "${'😀 '.repeat(n).trim()}"\n        due: 2020-01-01\n        responsible: A\n`,
  /**
   * `n` activities, each due a day after the one before it ends: a chain of relative dates,
   * written last first, so that resolving the first one written needs all the others.
   */
  chain: (n = 2_000) => {
    const lines = [HEAD];
    for (let i = n; i >= 2; i--) lines.push(`      - { id: "a${i}", title: T, due: "a${i - 1}.end + 1 day", responsible: A }\n`);
    lines.push('      - { id: "a1", title: T, due: 2020-01-01, responsible: A }\n');
    return lines.join('');
  },
  /** The same chain closed into a ring. */
  ring: (n = 2_000) => SLOW_INPUTS.chain(n).replace('due: 2020-01-01', `due: "a${n}.end + 1 day"`),
  /** A window running to the last day the format allows. */
  farDue: () => `${HEAD}      - { id: a, title: T, window: 2019-03..2019-05, responsible: A }\n      - { id: b, title: T, due: 9999-12-31, responsible: A }\n`,
};

/**
 * A git repository (made with git's plumbing, in a second) whose one commit holds, under
 * roadmaps/, `files` files that are no roadmaps and `roadmaps` small roadmap files; the
 * working tree holds the roadmap files.
 */
export function gitRepository(dir, { files = 0, roadmaps = 1 } = {}) {
  const git = (args, input) => {
    const r = spawnSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.org', ...args], { cwd: dir, input, encoding: 'utf8', maxBuffer: 1 << 30 });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout.trim();
  };
  mkdirSync(path.join(dir, 'roadmaps'), { recursive: true });
  git(['init', '-q']);
  const note = git(['hash-object', '-w', '--stdin'], 'a note that is no roadmap\n');
  const lines = [];
  for (let i = 0; i < files; i++) lines.push(`100644 ${note}\troadmaps/notes/${'n'.repeat(60)}-${pad(i, 6)}.txt`);
  for (let i = 0; i < roadmaps; i++) {
    const name = `roadmaps/r${pad(i, 6)}.yaml`;
    writeFileSync(path.join(dir, name), `${HEAD.replace('id: slow', `id: r${i}`)}      - { id: a, title: T, due: 2020-01-01, responsible: A }\n`);
    lines.push(`100644 ${git(['hash-object', '-w', name])}\t${name}`);
  }
  git(['update-index', '--add', '--index-info'], `${lines.join('\n')}\n`);
  git(['update-ref', 'HEAD', git(['commit-tree', git(['write-tree']), '-m', 'many files'])]);
  return dir;
}
