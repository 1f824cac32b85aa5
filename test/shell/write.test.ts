import * as fsp from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, chownSync, cpSync, linkSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAtomic, type WriteFs } from '../../src/shell/write.js';
import { ROOT, roadmapYaml, tree } from '../helpers.js';

const root = process.getuid?.() === 0;
/** nobody:nogroup on Debian and its kin. */
const NOBODY = 65534;

const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

function setup(content = 'old\n') {
  const dir = tree({ 'r.yaml': content });
  return { dir, file: path.join(dir, 'r.yaml') };
}

describe('writeAtomic', () => {
  it('replaces the file, keeps its mode and leaves no temporary file', async () => {
    const { dir, file } = setup();
    chmodSync(file, 0o640);
    await writeAtomic(file, 'new\n', { expected: 'old\n', shown: 'r.yaml' });
    expect(readFileSync(file, 'utf8')).toBe('new\n');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['r.yaml']);
  });

  it('writes through a symbolic link to its target', async () => {
    const { dir, file } = setup();
    const link = path.join(dir, 'link.yaml');
    symlinkSync(file, link);
    await writeAtomic(link, 'new\n', { expected: 'old\n', shown: 'link.yaml' });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('new\n');
  });

  it('keeps the original when the rename fails', async () => {
    const { dir, file } = setup();
    const fs: WriteFs = {
      ...fsp,
      rename: async () => {
        throw errno('EXDEV');
      },
    };
    await expect(writeAtomic(file, 'new\n', { expected: 'old\n', shown: 'r.yaml', fs })).rejects.toThrow('cannot write r.yaml: EXDEV: simulated; the file is unchanged');
    expect(readFileSync(file, 'utf8')).toBe('old\n');
    expect(readdirSync(dir)).toEqual(['r.yaml']);
  });

  it('keeps the original when writing the temporary file fails (disk full)', async () => {
    const { dir, file } = setup();
    const fs: WriteFs = {
      ...fsp,
      open: (async (...args: Parameters<typeof fsp.open>) => {
        const handle = await fsp.open(...args);
        return Object.assign(Object.create(handle), {
          writeFile: async () => {
            throw errno('ENOSPC');
          },
          close: () => handle.close(),
        });
      }) as typeof fsp.open,
    };
    await expect(writeAtomic(file, 'new\n', { expected: 'old\n', shown: 'r.yaml', fs })).rejects.toThrow('cannot write r.yaml: no space left on device; the file is unchanged');
    expect(readFileSync(file, 'utf8')).toBe('old\n');
    expect(readdirSync(dir)).toEqual(['r.yaml']);
  });

  it('refuses when the file changed on disk after it was read', async () => {
    const { dir, file } = setup();
    // Someone saves the file while the temporary file is being written.
    const fs: WriteFs = {
      ...fsp,
      open: (async (...args: Parameters<typeof fsp.open>) => {
        writeFileSync(file, 'theirs\n');
        return fsp.open(...args);
      }) as typeof fsp.open,
    };
    await expect(writeAtomic(file, 'new\n', { expected: 'old\n', shown: 'r.yaml', fs })).rejects.toThrow(
      'r.yaml changed on disk since it was read (edited or removed meanwhile); nothing was written: run the command again',
    );
    expect(readFileSync(file, 'utf8')).toBe('theirs\n');
    expect(readdirSync(dir)).toEqual(['r.yaml']);
  });

  it('puts back what another program wrote into the file between the check and the rename', async () => {
    const { dir, file } = setup();
    let once = true;
    // `echo theirs >> r.yaml` lands in the old file just before it is replaced.
    const fs: WriteFs = { ...fsp, rename: async (from, to) => (once && appendFileSync(file, 'theirs\n'), (once = false), fsp.rename(from, to)) };
    await expect(writeAtomic(file, 'new\n', { expected: 'old\n', shown: 'r.yaml', fs })).rejects.toThrow(
      'r.yaml: the file changed while writing; nothing was written (what the other program wrote is kept): run the command again',
    );
    expect(readFileSync(file, 'utf8')).toBe('old\ntheirs\n');
    expect(readdirSync(dir)).toEqual(['r.yaml']);
  });

  it('refuses a read-only file (even where the directory is writable)', async () => {
    const { file } = setup();
    chmodSync(file, 0o444);
    await expect(writeAtomic(file, 'new\n', { expected: 'old\n', shown: 'r.yaml' })).rejects.toThrow(
      'cannot write r.yaml: the file is read-only (make it writable to replace it); the file is unchanged',
    );
    expect(readFileSync(file, 'utf8')).toBe('old\n');
  });

  it('says so when the directory is not writable', async () => {
    const { file } = setup();
    const fs: WriteFs = {
      ...fsp,
      open: (async () => {
        throw errno('EACCES');
      }) as typeof fsp.open,
    };
    const dirName = path.basename(path.dirname(file));
    await expect(writeAtomic(file, 'new\n', { expected: 'old\n', shown: 'r.yaml', fs })).rejects.toThrow(
      `cannot write r.yaml: cannot create a file in ${dirName}/: permission denied; the file is unchanged`,
    );
    expect(readFileSync(file, 'utf8')).toBe('old\n');
  });

  it('creates a new file only when none exists', async () => {
    const { dir, file } = setup();
    await expect(writeAtomic(file, 'x\n', { expected: null, shown: 'r.yaml' })).rejects.toThrow('r.yaml was created by someone else meanwhile; nothing was written');
    const fresh = path.join(dir, 'new.yaml');
    await writeAtomic(fresh, 'x\n', { expected: null, shown: 'new.yaml' });
    expect(readFileSync(fresh, 'utf8')).toBe('x\n');
    expect(readdirSync(dir).sort()).toEqual(['new.yaml', 'r.yaml']);
  });
});

describe('writeAtomic: owners, permissions, links', () => {
  it.skipIf(!root)("a root edit of another user's file keeps its owner, group and mode", async () => {
    const { file } = setup();
    chownSync(file, NOBODY, NOBODY);
    chmodSync(file, 0o640);
    await writeAtomic(file, 'new\n', { expected: 'old\n', shown: 'r.yaml' });
    const info = statSync(file);
    expect([readFileSync(file, 'utf8'), info.uid, info.gid, info.mode & 0o7777]).toEqual(['new\n', NOBODY, NOBODY, 0o640]);
  });

  it.skipIf(!root)('as nobody, refuses a root-owned 0644 file in a directory anyone may write', () => {
    const text = roadmapYaml(`      - id: a1
        title: First
        window: 2019-03
        responsible: A
`);
    const dir = tree({ 'r.yaml': text });
    chmodSync(dir, 0o777);
    chmodSync(path.dirname(dir), 0o711); // the test run's temporary directory: let nobody through
    // A copy of the program nobody may run: the checkout itself may sit in a directory only root can enter.
    const program = path.join(dir, 'program');
    for (const part of ['bin', 'dist', 'node_modules/yaml']) cpSync(path.join(ROOT, part), path.join(program, part), { recursive: true });
    chmodSync(program, 0o755);
    const file = path.join(dir, 'r.yaml');
    const r = spawnSync(process.execPath, [path.join(program, 'bin', 'roadmap.js'), 'done', 'a1', '--on', '2019-04-20', '--today', '2019-07-15', '-r', 'r.yaml'], {
      cwd: dir,
      uid: NOBODY,
      gid: NOBODY,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, NO_COLOR: '1' },
    });
    expect([r.status, r.stdout, r.stderr]).toEqual([2, '', 'roadmap: cannot write r.yaml: you may not write this file: permission denied; the file is unchanged\n']);
    const info = statSync(file);
    expect([readFileSync(file, 'utf8'), info.uid, readdirSync(dir).sort()]).toEqual([text, 0, ['program', 'r.yaml']]);
  });

  it('refuses a file with other hard links rather than cut them off', async () => {
    const { dir, file } = setup();
    linkSync(file, path.join(dir, 'other.yaml'));
    await expect(writeAtomic(file, 'new\n', { expected: 'old\n', shown: 'r.yaml' })).rejects.toThrow(
      'cannot write r.yaml: the file has 1 other hard link, which replacing it would cut off (copy it to a file of its own first); the file is unchanged',
    );
    expect([readFileSync(file, 'utf8'), statSync(file).nlink, readdirSync(dir).sort()]).toEqual(['old\n', 2, ['other.yaml', 'r.yaml']]);
  });
});

describe('writeAtomic for reports (no stale check)', () => {
  it('replaces whatever is there, keeping the mode, and creates a missing file', async () => {
    const { dir, file } = setup('someone else wrote this\n');
    chmodSync(file, 0o600);
    await writeAtomic(file, 'report\n', { shown: 'r.yaml' });
    expect([readFileSync(file, 'utf8'), statSync(file).mode & 0o777]).toEqual(['report\n', 0o600]);
    const fresh = path.join(dir, 'new.xml');
    await writeAtomic(fresh, '<x/>\n', { shown: 'new.xml' });
    expect(readFileSync(fresh, 'utf8')).toBe('<x/>\n');
    expect(readdirSync(dir).sort()).toEqual(['new.xml', 'r.yaml']);
  });

  it('names the file when the directory does not exist', async () => {
    const { dir } = setup();
    await expect(writeAtomic(path.join(dir, 'nope', 'out.html'), 'x', { shown: 'nope/out.html' })).rejects.toThrow(
      /^cannot write nope\/out\.html: cannot create a file in nope\/: no such file or directory; no file was created$/,
    );
  });
});
