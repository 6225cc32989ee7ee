/**
 * The container recipe, checked without a Docker engine: the Dockerfile's stages are replayed in a
 * clean copy of the repository (what .dockerignore lets into the build context), running its RUN,
 * COPY, ENV, CMD and HEALTHCHECK as written (npm offline, from the local cache, so nothing leaves
 * the machine); the compose file's structure is linted; the systemd unit is checked.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface Instruction {
  op: string;
  args: string;
}
interface Stage {
  name: string;
  base: string;
  steps: Instruction[];
}

/** The Dockerfile as stages of instructions (continuation lines joined, comments dropped). */
function dockerfileStages(): Stage[] {
  const text = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8').replace(/\\\n\s*/g, ' ');
  const stages: Stage[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [, op = '', args = ''] = /^(\S+)\s+(.*)$/.exec(line) ?? [];
    if (op.toUpperCase() === 'FROM') {
      const [, base = '', name = ''] = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args) ?? [];
      stages.push({ name, base, steps: [] });
    } else {
      stages.at(-1)?.steps.push({ op: op.toUpperCase(), args });
    }
  }
  return stages;
}

/** The build context: the repository's files that are not git-ignored, less what .dockerignore leaves out. */
function copyContext(to: string): void {
  const ignored = readFileSync(path.join(ROOT, '.dockerignore'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
  for (const file of files) {
    const first = file.split('/')[0] ?? file;
    if (ignored.some((pattern) => pattern === first || pattern === file || (pattern.startsWith('*.') && file.endsWith(pattern.slice(1))))) continue;
    if (!existsSync(path.join(ROOT, file))) continue;
    mkdirSync(path.dirname(path.join(to, file)), { recursive: true });
    cpSync(path.join(ROOT, file), path.join(to, file));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const work = mkdtempSync(path.join(tmpdir(), 'lexicon-docker-'));
// The copy holds an installed node_modules: removing it takes tens of seconds on a busy machine.
afterAll(() => rmSync(work, { recursive: true, force: true }), 180_000);

describe('the Dockerfile', () => {
  const stages = dockerfileStages();
  const runtime = stages.at(-1)!;

  it('is multi-stage on Node 20 slim and runs as a non-root user with a HEALTHCHECK', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage.base).toBe('node:20-slim');
    const user = runtime.steps.filter((step) => step.op === 'USER').at(-1)?.args;
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
    expect(runtime.steps.some((step) => step.op === 'HEALTHCHECK' && step.args.includes('/healthz'))).toBe(true);
    // Production dependencies only in what runs.
    const installs = stages.flatMap((stage) => stage.steps).filter((step) => step.op === 'RUN' && step.args.includes('npm ci'));
    expect(installs.some((step) => step.args.includes('--omit=dev'))).toBe(true);
  });

  it('builds and starts in a clean copy of the repository, with its own commands, as the image would', { timeout: 600_000 }, async () => {
    const context = path.join(work, 'context');
    copyContext(context);
    const stageDirs = new Map<string, string>();
    let env: Record<string, string> = {};
    for (const stage of stages) {
      const dir = path.join(work, `stage-${stage.name || stageDirs.size}`, 'app');
      mkdirSync(dir, { recursive: true });
      stageDirs.set(stage.name, dir);
      env = {};
      for (const { op, args } of stage.steps) {
        if (op === 'ENV') {
          for (const match of args.matchAll(/(\w+)=(\S+)/g)) env[match[1]!] = match[2]!;
        } else if (op === 'COPY') {
          const from = /^--from=(\S+)\s+/.exec(args)?.[1];
          const parts = args.replace(/^--from=\S+\s+/, '').split(/\s+/);
          const dest = parts.pop()!;
          const source = from ? stageDirs.get(from)! : context;
          for (const part of parts) {
            const origin = path.join(source, from ? path.relative('/app', part) : part);
            // `COPY a b ./` puts each into the folder; `COPY . .` the context's contents; `COPY x ./y` makes y.
            const target = part === '.' ? dir : dest.endsWith('/') || dest === '.' ? path.join(dir, path.basename(part)) : path.resolve(dir, dest);
            cpSync(origin, target, { recursive: true });
          }
        } else if (op === 'RUN') {
          // Offline: from the npm cache this machine already holds; no test leaves the machine.
          execFileSync('bash', ['-c', args], { cwd: dir, stdio: 'pipe', env: { PATH: process.env.PATH, HOME: process.env.HOME, npm_config_offline: 'true', ...env } });
        }
      }
    }
    const app = stageDirs.get(runtime.name)!;
    // Production dependencies only, the bundle, and the entries.
    expect(existsSync(path.join(app, 'node_modules/pino'))).toBe(true);
    expect(existsSync(path.join(app, 'node_modules/vitest'))).toBe(false);
    expect(existsSync(path.join(app, 'node_modules/typescript'))).toBe(false);
    expect(existsSync(path.join(app, 'dist/main.js'))).toBe(true);
    expect(readdirSync(path.join(app, 'entries')).filter((name) => name.endsWith('.md'))).toHaveLength(13);
    expect(existsSync(path.join(app, 'src'))).toBe(false);

    // CMD, with ENTRIES_DIR overridden by a "mount" (a copy elsewhere), then the HEALTHCHECK against it.
    const mounted = path.join(work, 'mounted-entries');
    cpSync(path.join(app, 'entries'), mounted, { recursive: true });
    const command = JSON.parse(runtime.steps.filter((step) => step.op === 'CMD').at(-1)!.args) as string[];
    const healthPort = await freePort();
    const child = spawn(command[0] === 'node' ? process.execPath : command[0]!, command.slice(1), {
      cwd: app,
      env: { PATH: process.env.PATH, ...env, ENTRIES_DIR: mounted, PORT: '0', HEALTH_PORT: String(healthPort), LOG_LEVEL: 'info' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (stderr.includes('/healthz')) {
          clearInterval(timer);
          resolve();
        } else if (child.exitCode !== null) {
          clearInterval(timer);
          reject(new Error(`the image's command exited: ${stderr}`));
        }
      }, 50);
    });
    const healthcheck = runtime.steps.find((step) => step.op === 'HEALTHCHECK')!.args.replace(/^.*?CMD\s+/, '');
    const probe = JSON.parse(healthcheck) as string[];
    execFileSync(probe[0] === 'node' ? process.execPath : probe[0]!, probe.slice(1), { env: { PATH: process.env.PATH, ...env, HEALTH_PORT: String(healthPort) }, timeout: 10_000 });
    child.stdin.end('define empathy\n');
    expect(await exited).toBe(0);
    expect(stdout).toContain('Empathy');
    expect(stderr).toContain('console only');
  });
});

describe('compose.yaml', () => {
  const compose = parse(readFileSync(path.join(ROOT, 'compose.yaml'), 'utf8')) as {
    services: Record<string, { build?: unknown; image?: string; depends_on?: Record<string, { condition: string }>; environment?: Record<string, string>; volumes?: string[]; healthcheck?: { test: unknown } }>;
    volumes: Record<string, unknown>;
  };

  it('runs the bot built from this Dockerfile beside PostgreSQL, which keeps its data on a named volume', () => {
    const { bot, db } = compose.services;
    expect(bot?.build).toBe('.');
    expect(db?.image).toMatch(/^postgres:\d+/);
    const volume = db?.volumes?.[0]?.split(':');
    expect(volume?.[1]).toBe('/var/lib/postgresql/data');
    expect(Object.keys(compose.volumes)).toContain(volume?.[0]);
    expect(db?.healthcheck?.test).toBeDefined();
    expect(bot?.depends_on?.db?.condition).toBe('service_healthy');
    expect(bot?.environment?.DATABASE_URL).toMatch(/^postgres:\/\/lexicon:.*@db:5432\/lexicon$/);
  });
});

describe('the systemd unit', () => {
  it('runs the build as an unprivileged user, restarts on failure and allows the graceful stop its time', () => {
    const unit = readFileSync(path.join(ROOT, 'deploy/lexicon-bot.service'), 'utf8');
    const value = (key: string) => new RegExp(`^${key}=(.*)$`, 'm').exec(unit)?.[1];
    expect(value('ExecStart')).toMatch(/node dist\/main\.js$/);
    expect(value('User')).toBe('lexicon');
    expect(value('Restart')).toBe('on-failure');
    expect(Number(value('TimeoutStopSec'))).toBeGreaterThan(10);
    expect(value('KillSignal')).toBe('SIGTERM');
  });
});
