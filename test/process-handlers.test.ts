/**
 * The process-level policy: an unexpected rejection or exception is logged once with an error id,
 * and the process keeps serving. Run in a child process, as it changes process-wide handlers.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'lexicon-process-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('process-level handlers', () => {
  it('log an unhandled rejection and an uncaught exception with an error id and keep serving', { timeout: 30_000 }, async () => {
    const script = path.join(dir, 'serve.ts');
    const handlers = pathToFileURL(path.join(ROOT, 'src/process-handlers.ts')).href;
    const logger = pathToFileURL(path.join(ROOT, 'src/core/logger.ts')).href;
    writeFileSync(
      script,
      [
        `import { installProcessHandlers } from ${JSON.stringify(handlers)};`,
        `import { createLogger } from ${JSON.stringify(logger)};`,
        `import { createServer } from 'node:http';`,
        `installProcessHandlers(createLogger('info'));`,
        // A server that, on its first request, rejects a promise nobody awaits and throws from a timer.
        `let hits = 0;`,
        `const server = createServer((req, res) => {`,
        `  hits += 1;`,
        `  if (hits === 1) { void Promise.reject(new Error('nobody awaited me')); setTimeout(() => { throw new TypeError('thrown from a timer'); }, 0); }`,
        `  res.end('served ' + hits);`,
        `});`,
        `server.listen(0, '127.0.0.1', () => console.log(String(server.address().port)));`,
      ].join('\n'),
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, env: { PATH: process.env.PATH } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const port = await new Promise<string>((resolve) => child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString('utf8').trim())));
    const first = await fetch(`http://127.0.0.1:${port}/`).then((response) => response.text());
    await new Promise((resolve) => setTimeout(resolve, 200));
    const second = await fetch(`http://127.0.0.1:${port}/`).then((response) => response.text());
    child.kill('SIGTERM');
    await new Promise((resolve) => child.on('close', resolve));
    expect([first, second]).toEqual(['served 1', 'served 2']);
    const lines = stderr.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toContainEqual(expect.objectContaining({ level: 'error', msg: 'unhandled promise rejection; still serving', errorId: expect.stringMatching(/^E[A-Z2-9]{5}$/), error: 'Error: nobody awaited me' }));
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 'error', msg: 'uncaught exception; still serving', errorId: expect.stringMatching(/^E[A-Z2-9]{5}$/), error: 'TypeError: thrown from a timer' }),
    );
  });
});
