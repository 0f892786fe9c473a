import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/** A child process of the stack, with its output prefixed by its name. */
export interface Service {
  name: string;
  child: ChildProcess;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/**
 * Starts a long-running child in its own process group (so stopping it stops its children too) and
 * forwards its output line by line with a `[name]` prefix, unless `quiet`.
 */
export function startService(name: string, command: string, args: string[], options: SpawnOptions & { quiet?: boolean; log?: (line: string) => void } = {}): Service {
  const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = options.log ?? ((line: string) => process.stdout.write(`[${name}] ${line}\n`));
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      if (!options.quiet) for (const line of lines) if (line.trim()) log(line);
    });
  }
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    name,
    child,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return;
      }
      const timer = setTimeout(() => {
        try {
          if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }, 8000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Runs a command to completion; rejects with its tail of output when it fails. */
export function run(command: string, args: string[], options: SpawnOptions & { label: string; echo?: boolean }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const collect = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      if (options.echo) process.stdout.write(text);
      tail = (tail + text).slice(-8000);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${options.label} failed (exit ${code}):\n${tail}`))));
  });
}

/** Polls `url` until it answers 2xx, the process dies, or the time is up. */
export async function waitForHttp(url: string, { timeoutMs, service }: { timeoutMs: number; service?: Service }): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let dead = false;
  void service?.exited.then(() => (dead = true));
  while (Date.now() < deadline) {
    if (dead) throw new Error(`${service?.name} stopped before answering at ${url}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (response.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`No answer from ${url} within ${Math.round(timeoutMs / 1000)} s`);
}
