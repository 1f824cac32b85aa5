import { existsSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withLock } from '../../src/shell/lock.js';
import { tree } from '../helpers.js';

/** No process has this pid: it is above Linux's largest pid_max. */
const DEAD = 4194305;

function setup() {
  const dir = tree({ 'r.yaml': 'x\n' });
  return { dir, file: path.join(dir, 'r.yaml'), lock: path.join(dir, '.r.yaml.lock') };
}

describe('the edit lock', () => {
  it('is held, with pid and host, while the work runs, and removed after', async () => {
    const { dir, file, lock } = setup();
    const inside = await withLock(file, { shown: 'r.yaml' }, async () => readFileSync(lock, 'utf8'));
    expect([inside, readdirSync(dir)]).toEqual([`${process.pid} ${hostname()}\n`, ['r.yaml']]);
  });

  it('is removed when the work fails', async () => {
    const { dir, file } = setup();
    await expect(withLock(file, { shown: 'r.yaml' }, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(readdirSync(dir)).toEqual(['r.yaml']);
  });

  it('held by a live process: waits, says so once, then refuses', async () => {
    const { file, lock } = setup();
    writeFileSync(lock, `${process.ppid} ${hostname()}\n`);
    let said = 0;
    const ran: string[] = [];
    await expect(withLock(file, { shown: 'r.yaml', waitMs: 50, waiting: () => said++ }, async () => void ran.push('ran'))).rejects.toThrow(
      `another edit of r.yaml is under way (process ${process.ppid}); nothing was written: run the command again`,
    );
    expect([said, ran, readFileSync(lock, 'utf8')]).toEqual([1, [], `${process.ppid} ${hostname()}\n`]);
  });

  it.each([
    ['whose process is gone', `${DEAD} ${hostname()}\n`, 0],
    ['older than any edit, whatever its pid', `${process.ppid} ${hostname()}\n`, 120],
    ['left empty by a process killed as it made it', '', 10],
    ['of another host, older than any edit', `${process.ppid} elsewhere\n`, 120],
  ])('a lock %s is broken', async (_, content, ageSeconds) => {
    const { dir, file, lock } = setup();
    writeFileSync(lock, content);
    const past = Date.now() / 1000 - ageSeconds;
    utimesSync(lock, past, past);
    let said = 0;
    expect(await withLock(file, { shown: 'r.yaml', waitMs: 0, waiting: () => said++ }, async () => 'ran')).toBe('ran');
    expect([said, readdirSync(dir)]).toEqual([0, ['r.yaml']]);
  });

  it('a live lock of another host is not broken while young', async () => {
    const { file, lock } = setup();
    writeFileSync(lock, `${DEAD} elsewhere\n`);
    await expect(withLock(file, { shown: 'r.yaml', waitMs: 0 }, async () => 'ran')).rejects.toThrow(
      `another edit of r.yaml is under way (process ${DEAD} on elsewhere); nothing was written: run the command again`,
    );
  });

  it("is one for every name of a file: a symbolic link takes its target's lock", async () => {
    const { dir } = setup();
    symlinkSync('r.yaml', path.join(dir, 'link.yaml'));
    const seen = await withLock(path.join(dir, 'link.yaml'), { shown: 'link.yaml' }, async () => [existsSync(path.join(dir, '.r.yaml.lock')), existsSync(path.join(dir, '.link.yaml.lock'))]);
    expect(seen).toEqual([true, false]);
    expect(readdirSync(dir).sort()).toEqual(['link.yaml', 'r.yaml']);
  });
});
