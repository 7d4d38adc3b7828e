import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from './client.js';
import { LOCK_FILE, lockDataDir } from './dir-lock.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});
async function tempDir() {
  const dir = await mkdtemp(path.join(tmpdir(), 'dir-lock-'));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}
/** A process that idles until killed, to stand for another holder of the directory. */
function otherProcess(): ChildProcess {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  cleanup.push(() => child.kill('SIGKILL'));
  return child;
}

describe('PGlite data directory lock', () => {
  it('refuses a directory held by a live process, naming it, and takes over once that process is killed', async () => {
    const dir = await tempDir();
    const other = otherProcess();
    await writeFile(path.join(dir, LOCK_FILE), `${other.pid}\n`);
    expect(() => lockDataDir(dir)).toThrow(`in use by process ${other.pid}`);

    other.kill('SIGKILL');
    await once(other, 'exit');
    const release = lockDataDir(dir);
    expect(await readFile(path.join(dir, LOCK_FILE), 'utf8')).toBe(`${process.pid}\n`);
    release();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });

  it('refuses a second open in the same process until the first is released', async () => {
    const dir = path.join(await tempDir(), 'new');
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow('already open in this process');
    release();
    lockDataDir(dir)();
  });

  it('is taken by openDb for a PGlite directory on disk and released on close', async () => {
    const dir = await tempDir();
    const first = await openDb({ dataDir: dir });
    try {
      await expect(openDb({ dataDir: dir })).rejects.toThrow('already open');
    } finally {
      await first.close();
    }
    const again = await openDb({ dataDir: dir });
    await again.close();
    // two on-disk PGlite starts (initdb, then a reopen): over 30 s on a busy machine, so this test waits longer
  }, 120_000);
});
