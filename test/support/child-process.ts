/**
 * Entry points run as real child processes (`npm start`, `npm run start:sharded`, the CLI…) through
 * the TypeScript loader, with their output collected: the one helper the start-up tests share.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** tsx by absolute URL, so that a child may run in a directory without node_modules. */
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** How a child process ended, with everything it wrote. */
export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface EntryOptions {
  /** The child's whole environment (nothing of this process's is passed on unless given). */
  env: NodeJS.ProcessEnv;
  args?: readonly string[];
  /** The working directory (the repository root by default). */
  cwd?: string;
}

/** Start `script` (a path under the repository, e.g. `src/main.ts`) in a child Node process. */
export function spawnEntry(script: string, { env, args = [], cwd = ROOT }: EntryOptions): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', TSX, path.join(ROOT, script), ...args], { cwd, env });
}

/** Collect a child's output until it exits. */
export function finished(child: ChildProcessWithoutNullStreams): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Run `script` with no input until it exits. */
export function runEntry(script: string, options: EntryOptions): Promise<Finished> {
  const child = spawnEntry(script, options);
  child.stdin.end();
  return finished(child);
}
