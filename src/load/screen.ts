/**
 * `validate --only-roadmaps`: which of the files named are roadmaps at all. A
 * pre-commit hook hands over every staged YAML file (CI configs, compose files…);
 * a roadmap is told apart by its required top-level `schema:` key, found by a
 * line scan, so that a broken roadmap is still validated (and fails) while a file
 * of another kind, valid YAML or not, is left alone.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { readRoadmapText } from './index.js';

/** A `schema:` key at the start of a line: the top level of a block mapping. */
const SCHEMA_KEY = /^(?:schema|"schema"|'schema')[ \t]*:/m;

export function looksLikeRoadmap(text: string): boolean {
  return SCHEMA_KEY.test(text);
}

/**
 * The paths to validate and the files skipped. Directories are kept (their search
 * takes *.yaml files as roadmaps anyway), as is whatever cannot be read: the
 * loader then says why.
 */
export function screenRoadmaps(paths: readonly string[], cwd: string): { keep: string[]; skipped: string[] } {
  const keep: string[] = [];
  const skipped: string[] = [];
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    let file = false;
    try {
      file = statSync(abs).isFile();
    } catch {
      // Left to the loader, which names the error.
    }
    if (!file) {
      keep.push(p);
      continue;
    }
    const read = readRoadmapText(abs, p);
    if ('text' in read && !looksLikeRoadmap(read.text)) skipped.push(p);
    else keep.push(p);
  }
  return { keep, skipped };
}
