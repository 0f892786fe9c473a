import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/** Another OS process holding the SQLite write lock of a database file until released. */
export interface LockHolder {
  /** Ends the holder's transaction (rolled back: the holder writes nothing) and waits for it to exit. */
  release(): Promise<void>;
}

// Runs in a separate Node process, so the lock is held the way a backup tool or a second writer would hold it.
const HOLDER_SCRIPT = `
const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(process.argv[1]);
db.exec('PRAGMA busy_timeout = 10000');
db.exec('BEGIN IMMEDIATE');
process.stdout.write('locked\\n');
process.stdin.on('data', () => { db.exec('ROLLBACK'); db.close(); process.exit(0); });
`;

/** Starts a process that takes the write lock (`BEGIN IMMEDIATE`) of the SQLite file and keeps it. */
export async function holdWriteLock(file: string): Promise<LockHolder> {
  const child: ChildProcess = spawn(process.execPath, ['--no-warnings', '-e', HOLDER_SCRIPT, file], { stdio: ['pipe', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`lock holder exited early with ${code}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('locked')) resolve();
    });
  });
  child.removeAllListeners('exit');
  return {
    async release() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.stdin?.write('release\n');
      await exited;
    },
  };
}
