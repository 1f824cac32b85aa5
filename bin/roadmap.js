#!/usr/bin/env node
import module from 'node:module';

// Cache compiled bytecode between runs: start-up is a feature.
module.enableCompileCache?.();

const { main } = await import('../dist/cli.js');
process.exitCode = await main(process.argv);
