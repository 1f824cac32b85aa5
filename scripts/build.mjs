/**
 * Builds dist/ with esbuild: dist/cli.js (the commander wiring) and one
 * self-contained bundle per command in dist/commands/, which cli.js imports only
 * when that command runs. A command thus loads two modules, not the dozen chunks
 * that shared code-splitting makes: module loading was most of `roadmap status`'s
 * start-up (see README, Performance). Code shared by commands is repeated in each
 * bundle; inside a bundle, what a command imports lazily (the prompts, string-width,
 * chalk, the HTML renderer) still runs only when imported. The yaml library stays
 * outside: it is loaded only for files the fast reader leaves to it.
 * Type checking is `npm run typecheck` (tsc).
 */
import { readdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist', { recursive: true, force: true });

const common = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['yaml'],
  outdir: 'dist',
  sourcemap: true,
  sourcesContent: false,
  logLevel: 'warning',
  // Bundled CommonJS packages (commander) call require() for Node's own modules.
  banner: { js: "import { createRequire as __roadmapRequire } from 'node:module'; const require = __roadmapRequire(import.meta.url);" },
};

// cli.ts imports './commands/<name>.js' lazily: leave those imports to the runtime.
const commandsApart = {
  name: 'commands-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\/commands\/[a-z-]+\.js$/ }, (args) => ({ path: args.path, external: true }));
  },
};

const commands = readdirSync('src/commands').filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3));
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
