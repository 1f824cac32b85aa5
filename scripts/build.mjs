/**
 * Builds dist/: src bundled by esbuild into a few ES modules. One file for the
 * start-up path instead of dozens of modules is most of what makes `roadmap`
 * start fast; each command (and each heavy library, such as the prompts) stays in
 * a chunk of its own, loaded only by the command that uses it. The yaml library
 * stays outside: it is loaded only for files the fast reader leaves to it.
 * Type checking is `npm run typecheck` (tsc), as before.
 */
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: {
    cli: 'src/cli.ts',
    // For the benchmark's parse-only floor.
    yaml: 'src/load/yaml.ts',
  },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['yaml'],
  sourcemap: true,
  sourcesContent: false,
  chunkNames: 'chunks/[name]-[hash]',
  // Bundled CommonJS packages (commander, cli-table3) call require() for Node's own modules.
  banner: { js: "import { createRequire as __roadmapRequire } from 'node:module'; const require = __roadmapRequire(import.meta.url);" },
  logLevel: 'warning',
});
