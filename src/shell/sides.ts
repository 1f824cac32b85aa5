/**
 * The two sides of `roadmap diff`, from what the user typed. An argument is, in this order:
 *   1. an existing file or directory;
 *   2. an edition `ID@N` of a roadmap found by the usual rule (roadmapPaths);
 *   3. `REV:path` — that path (relative to the current directory) as of a git revision;
 *   4. a git revision — the roadmaps at the usual paths (the working tree's) as of that revision.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Side } from '../diff/report.js';
import { loadRoadmaps, type Loaded } from '../load/index.js';
import type { Roadmap } from '../model.js';
import { checked, load } from './context.js';
import { UserError } from './io.js';
import type { Run } from './run.js';

const EDITION = /^([a-z0-9][a-z0-9-]*)@(\d+)$/;
const REV_PATH = /^([^:]+):(.*)$/;

export type SideKind = 'path' | 'edition' | 'revision-path' | 'revision';

/** How an argument will be read (before any revision is checked). */
export function classify(arg: string, cwd: string): SideKind {
  if (arg !== '' && existsSync(path.resolve(cwd, arg))) return 'path';
  if (EDITION.test(arg)) return 'edition';
  if (REV_PATH.test(arg)) return 'revision-path';
  return 'revision';
}

export class Sides {
  private tree: Promise<Loaded> | undefined;

  constructor(private readonly run: Run) {}

  private get edition(): number | undefined {
    return this.run.revision;
  }

  private get io() {
    return this.run.io;
  }

  async side(arg: string): Promise<Side> {
    switch (classify(arg, this.io.cwd)) {
      case 'path': {
        const loaded = checked(await loadRoadmaps([arg], { revision: this.edition, cwd: this.io.cwd }), this.io);
        return { label: arg, roadmaps: loaded.roadmaps };
      }
      case 'edition':
        return { label: arg, roadmaps: [await this.editionOf(arg)] };
      case 'revision-path': {
        const [, rev = '', p = ''] = REV_PATH.exec(arg) ?? [];
        return { label: arg, roadmaps: await this.atRevision(rev, () => [p === '' ? '.' : p], arg) };
      }
      case 'revision':
        return { label: arg, roadmaps: await this.atRevision(arg, () => this.run.paths(), arg) };
    }
  }

  /** The roadmaps as they are on disk now, at the usual paths. */
  async workingTree(): Promise<Side> {
    return { label: 'working tree', roadmaps: (await load(this.run)).roadmaps };
  }

  private async editionOf(arg: string): Promise<Roadmap> {
    const [, id = '', n = ''] = EDITION.exec(arg) ?? [];
    this.tree ??= loadRoadmaps(this.run.paths(), { cwd: this.io.cwd });
    const { all } = checked(await this.tree, this.io);
    const found = all.find((r) => r.id === id && r.revision === Number(n));
    if (found) return found;
    const have = all
      .filter((r) => r.id === id)
      .map((r) => r.revision)
      .sort((a, b) => a - b);
    if (have.length === 0) {
      const ids = [...new Set(all.map((r) => r.id))].join(', ');
      throw new UserError(`${arg}: no roadmap '${id}' here${ids ? ` (roadmaps: ${ids})` : ''}`);
    }
    throw new UserError(`${arg}: roadmap ${id} has no revision ${n} (it has ${have.join(', ')})`);
  }

  /** `paths` is asked for only once `rev` is known to be a revision, so a typo is reported as one. */
  private async atRevision(rev: string, paths: () => readonly string[], arg: string): Promise<readonly Roadmap[]> {
    const git = await import('../load/git.js');
    const repo = await git.repoAt(this.io.cwd);
    if (!repo) {
      throw new UserError(`'${arg}' is no file or directory here and no edition (ID@N); to read it as a git revision, run roadmap inside a git repository`);
    }
    const commit = await git.commitOf(repo, rev);
    if (!commit) {
      const hint = await git.shallowHint(repo);
      throw new UserError(arg === rev ? `'${arg}' is no file or directory, no edition (ID@N) and no git revision${hint}` : `${arg}: unknown git revision '${rev}'${hint}`);
    }
    const loaded = await git.loadAtRevision(repo, { revision: rev, commit, paths: paths(), edition: this.edition });
    return checked(loaded, this.io).roadmaps;
  }
}
