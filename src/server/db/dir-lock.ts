import { mkdirSync, openSync, readFileSync, unlinkSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';

/**
 * PGlite takes no lock on its data directory: a second process (the import CLI while the server runs) opens it
 * too, both write, and one silently loses committed transactions when the other closes. So we take one.
 * The lock file names the holder's pid; a lock whose process is gone (a SIGKILL, a crash) is stale and taken over.
 * Known limit: two processes taking over the same stale lock at the same instant could both succeed (no flock in Node).
 */
export const LOCK_FILE = 'steerboard.lock';
const held = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Locks `dir` for this process (creating it); returns the release function. Throws when another process holds it. */
export function lockDataDir(dir: string): () => void {
  const file = path.resolve(dir, LOCK_FILE);
  if (held.has(file)) throw new Error(`data directory ${dir} is already open in this process`);
  mkdirSync(dir, { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
      // our own pid in the file is a previous life of this pid (a container restarted), not a live holder
      if (attempt === 0 && (!Number.isInteger(pid) || pid === process.pid || !alive(pid))) {
        unlinkSync(file);
        continue;
      }
      throw new Error(
        `data directory ${dir} is in use by process ${pid} (embedded PostgreSQL allows one process per directory: ` +
          `stop it first, or use DATABASE_URL; if no such process runs, delete ${file})`,
        { cause: e },
      );
    }
  }
  held.add(file);
  return () => {
    if (!held.delete(file)) return;
    try {
      if (Number.parseInt(readFileSync(file, 'utf8'), 10) === process.pid) unlinkSync(file);
    } catch {
      /* already gone */
    }
  };
}
