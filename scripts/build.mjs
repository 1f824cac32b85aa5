/**
 * Builds dist/ with esbuild: dist/cli.cjs (the commander wiring) and one
 * self-contained bundle per command in dist/commands/, which cli.cjs loads only
 * when that command runs. A command thus loads two files, not the dozen chunks
 * that shared code-splitting makes: module loading was most of `roadmap status`'s
 * start-up (see README, Performance). Code shared by commands is repeated in each
 * bundle; inside a bundle, what a command imports lazily (the prompts, string-width,
 * chalk, the HTML renderer) still runs only when imported. The yaml library stays
 * outside: it is loaded only for files the fast reader leaves to it.
 *
 * The bundles are CommonJS, which Node 20 loads faster than ES modules, and
 * bin/roadmap.js runs them with a V8 code cache that scripts/warm-cache.cjs
 * writes here, after running each command once.
 * Type checking is `npm run typecheck` (tsc).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist', { recursive: true, force: true });

const common = {
  bundle: true,
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  platform: 'node',
  target: 'node20',
  // Lazy import()s become require()s, so every module loads through one loader.
  supported: { 'dynamic-import': false },
  external: ['yaml'],
  outdir: 'dist',
  sourcemap: true,
  sourcesContent: false,
  logLevel: 'warning',
  define: { 'import.meta.url': '__roadmapUrl' },
  banner: { js: "const __roadmapUrl = require('node:url').pathToFileURL(__filename).href;" },
};

// cli.ts imports './commands/<name>.js' lazily: leave those to the runtime, as .cjs.
const commandsApart = {
  name: 'commands-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\/commands\/[a-z-]+\.js$/ }, (args) => ({ path: args.path.replace(/\.js$/, '.cjs'), external: true }));
  },
};

const commands = readdirSync('src/commands')
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -3));
await Promise.all([
  build({ ...common, entryPoints: { cli: 'src/cli.ts' }, plugins: [commandsApart] }),
  build({
    ...common,
    entryPoints: {
      ...Object.fromEntries(commands.map((c) => [`commands/${c}`, `src/commands/${c}.ts`])),
      // For the benchmark's parse-only floor.
      yaml: 'src/load/yaml.ts',
    },
  }),
]);

const warm = spawnSync(process.execPath, ['scripts/warm-cache.cjs'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (warm.status !== 0) {
  // Without the cache roadmap is only slower to start; the build still stands.
  console.warn('build: no code cache was written (scripts/warm-cache.cjs failed)');
}
