/** Where output goes: standard output that cannot be written, and --output targets. */
import { spawn as spawnChild, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SHIPPED, tree } from '../helpers.js';

const BIN = path.join(ROOT, 'bin', 'roadmap.js');
const ENV = { PATH: process.env.PATH, NO_COLOR: '1', TMPDIR: process.env.TMPDIR };
const FULL = 'roadmap: cannot write to standard output: no space left on device\n';

/** Runs roadmap with its standard output on /dev/full. */
function toFull(args: string[], cwd = ROOT) {
  const fd = openSync('/dev/full', 'w');
  try {
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: ENV, encoding: 'utf8', stdio: ['ignore', fd, 'pipe'] });
    return { code: r.status, stderr: r.stderr };
  } finally {
    closeSync(fd);
  }
}

describe.skipIf(!existsSync('/dev/full'))('standard output that cannot be written (exit 4)', () => {
  it('status: exit 4 and one line on stderr, no stack', () => {
    expect(toFull(['status', '--today', '2019-07-15', '-r', SHIPPED])).toEqual({ code: 4, stderr: FULL });
  });

  it('check with deadlines missed: exit 4, not 1', () => {
    expect(toFull(['check', '--today', '2019-07-15', '-r', SHIPPED])).toEqual({ code: 4, stderr: FULL });
  });

  it('an edit writes its file once, then exits 4', () => {
    const dir = tree({ 'roadmaps/a.yaml': readFileSync(SHIPPED, 'utf8') });
    const file = path.join(dir, 'roadmaps', 'a.yaml');
    expect(toFull(['done', '1.1', '--on', '2019-04-20', '--today', '2019-07-15'], dir)).toEqual({ code: 4, stderr: FULL });
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(SHIPPED, 'utf8').replace('        responsible: CCC\n', '        responsible: CCC\n        done: 2019-04-20\n'));
    expect(readdirSync(path.dirname(file))).toEqual(['a.yaml']);
  });
});

describe('a reader that closes the pipe early', () => {
  it('is its choice: exit 0, nothing on stderr', async () => {
    const child = spawnChild(process.execPath, [BIN, 'status', '--today', '2019-07-15', '-r', SHIPPED], { env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // closed before the child writes anything: its first write gets EPIPE
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });
});
