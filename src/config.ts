/**
 * Configuration from the environment (and `.env`, through dotenv), validated once with zod.
 * Missing platform credentials are not an error: the bot then runs the console only.
 */
import * as z from 'zod';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const optionalUrl = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. https://discord.com/api' }).optional())
  .optional();

const snowflake = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .pipe(z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17 to 20 digits)').optional())
  .optional();

/** An empty value (`PORT=` in .env) means "use the default", as for every other variable. */
function emptyToUndefined(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

const RETENTION_FIX = 'must be a whole number of days from 1 to 3650, e.g. 90';

const PORT_FIX = 'must be a whole number from 0 to 65535, e.g. 3000';

/** A count per minute for a rate limit; 0 turns the limit off. */
function perMinute(fallback: number) {
  const fix = 'must be a whole number per minute (0 turns the limit off)';
  return z.preprocess(emptyToUndefined, z.coerce.number({ error: fix }).int(fix).min(0, fix).max(1_000_000, fix).default(fallback));
}

export const ConfigSchema = z
  .object({
    LOG_LEVEL: z.preprocess(
      emptyToUndefined,
      z
        .enum(['debug', 'info', 'warn', 'error', 'silent'], { error: 'must be one of debug, info, warn, error, silent' })
        .default('info'),
    ),
    ENTRIES_DIR: optionalText,

    DISCORD_TOKEN: optionalText,
    DISCORD_APPLICATION_ID: snowflake,
    DISCORD_GUILD_ID: snowflake,
    DISCORD_API_URL: optionalUrl,
    DISCORD_SHARD_COUNT: z
      .string()
      .trim()
      .transform((value) => (value === '' ? undefined : value))
      .pipe(
        z
          .union([z.literal('auto'), z.string().regex(/^[1-9]\d{0,3}$/).transform(Number)], {
            error: 'must be "auto" or a whole number of shards from 1 to 9999',
          })
          .optional(),
      )
      .optional(),

    SLACK_BOT_TOKEN: z
      .string()
      .trim()
      .transform((value) => (value === '' ? undefined : value))
      .pipe(z.string().startsWith('xoxb-', 'must be a bot token starting with xoxb-').optional())
      .optional(),
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_APP_TOKEN: z
      .string()
      .trim()
      .transform((value) => (value === '' ? undefined : value))
      .pipe(z.string().startsWith('xapp-', 'must be an app-level token starting with xapp-').optional())
      .optional(),
    SLACK_API_URL: optionalUrl,
    // Slack installs in many workspaces (OAuth, Bolt's installer): instead of SLACK_BOT_TOKEN.
    SLACK_CLIENT_ID: optionalText,
    SLACK_CLIENT_SECRET: optionalText,
    SLACK_STATE_SECRET: z
      .string()
      .trim()
      .transform((value) => (value === '' ? undefined : value))
      .pipe(z.string().min(16, 'must be at least 16 characters, e.g. the output of `openssl rand -hex 32`').optional())
      .optional(),
    // Discord over HTTP (an interactions endpoint instead of the gateway): the application's public key.
    DISCORD_PUBLIC_KEY: z
      .string()
      .trim()
      .transform((value) => (value === '' ? undefined : value.toLowerCase()))
      .pipe(z.string().regex(/^[0-9a-f]{64}$/, "must be the application's public key (64 hexadecimal characters, from the Developer Portal's General Information)").optional())
      .optional(),
    DISCORD_INTERACTIONS_PORT: z.preprocess(emptyToUndefined, z.coerce.number({ error: PORT_FIX }).int(PORT_FIX).min(0, PORT_FIX).max(65_535, PORT_FIX).default(3001)),
    HEALTH_PORT: z.preprocess(emptyToUndefined, z.coerce.number({ error: PORT_FIX }).int(PORT_FIX).min(0, PORT_FIX).max(65_535, PORT_FIX).optional()),
    SHUTDOWN_TIMEOUT_MS: z.preprocess(
      emptyToUndefined,
      z.coerce
        .number({ error: 'must be a whole number of milliseconds, e.g. 10000' })
        .int('must be a whole number of milliseconds, e.g. 10000')
        .min(0, 'must be a whole number of milliseconds, e.g. 10000')
        .max(600_000, 'must be at most 600000 (ten minutes)')
        .default(10_000),
    ),
    RATE_LIMIT_PUBLIC_PER_USER: perMinute(6),
    RATE_LIMIT_PUBLIC_PER_CHANNEL: perMinute(20),
    RATE_LIMIT_REQUESTS_PER_USER: perMinute(120),
    PORT: z.preprocess(
      emptyToUndefined,
      z.coerce
        .number({ error: PORT_FIX })
        .int(PORT_FIX)
        .min(0, PORT_FIX)
        .max(65_535, PORT_FIX)
        .default(3000),
    ),

    // The web reading room (src/web/): who may read, where people reach it, how long links last.
    WEB_ACCESS: z.preprocess(
      emptyToUndefined,
      z.enum(['token', 'open'], { error: 'must be "token" (signed links, the default) or "open" (only behind your own authentication)' }).default('token'),
    ),
    WEB_SECRET: z
      .string()
      .trim()
      .transform((value) => (value === '' ? undefined : value))
      .pipe(z.string().min(32, 'must be at least 32 characters, e.g. the output of `openssl rand -hex 32`').optional())
      .optional(),
    WEB_PUBLIC_URL: z
      .string()
      .trim()
      .transform((value) => (value === '' ? undefined : value.replace(/\/+$/, '')))
      .pipe(z.url({ protocol: /^https?$/, error: 'must be the http(s) address people open the reading room at, e.g. https://lexicon.example.org' }).optional())
      .optional(),
    WEB_LINK_TTL_HOURS: z.preprocess(
      emptyToUndefined,
      z.coerce
        .number({ error: 'must be a whole number of hours from 1 to 8760, e.g. 168 (a week)' })
        .int('must be a whole number of hours from 1 to 8760, e.g. 168 (a week)')
        .min(1, 'must be a whole number of hours from 1 to 8760, e.g. 168 (a week)')
        .max(8760, 'must be a whole number of hours from 1 to 8760, e.g. 168 (a week)')
        .default(168),
    ),

    // Storage: an embedded SQLite file under DATA_DIR unless DATABASE_URL names a PostgreSQL server.
    DATA_DIR: z.preprocess(emptyToUndefined, z.string().trim().default('data')),
    DATABASE_URL: z
      .string()
      .trim()
      .transform((value) => (value === '' ? undefined : value))
      .pipe(z.url({ protocol: /^postgres(ql)?$/, error: 'must be a PostgreSQL URL, e.g. postgres://user:password@host:5432/lexicon' }).optional())
      .optional(),
    STATS_USER_IDS: z.preprocess(
      emptyToUndefined,
      z
        .enum(['true', 'false'], { error: 'must be true or false' })
        .default('false')
        .transform((value) => value === 'true'),
    ),
    STATS_RETENTION_DAYS: z.preprocess(
      emptyToUndefined,
      z.coerce.number({ error: RETENTION_FIX }).int(RETENTION_FIX).min(1, RETENTION_FIX).max(3650, RETENTION_FIX).default(90),
    ),
  })
  .superRefine((env, ctx) => {
    if (env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_SIGNING_SECRET'],
        message: 'is required with SLACK_BOT_TOKEN in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)',
      });
    }
    if (env.SLACK_CLIENT_ID) {
      // Installs in many workspaces: Bolt's installer over HTTP, each workspace's token from the store.
      const need = (name: 'SLACK_CLIENT_SECRET' | 'SLACK_STATE_SECRET' | 'SLACK_SIGNING_SECRET') => {
        if (!env[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'is required with SLACK_CLIENT_ID (installs in many workspaces over OAuth)' });
      };
      need('SLACK_CLIENT_SECRET');
      need('SLACK_STATE_SECRET');
      need('SLACK_SIGNING_SECRET');
      if (env.SLACK_BOT_TOKEN) {
        ctx.addIssue({ code: 'custom', path: ['SLACK_BOT_TOKEN'], message: 'must not be set with SLACK_CLIENT_ID: each workspace’s token comes from its installation (unset one of them)' });
      }
      if (env.SLACK_APP_TOKEN) {
        ctx.addIssue({ code: 'custom', path: ['SLACK_APP_TOKEN'], message: 'must not be set with SLACK_CLIENT_ID: installs over OAuth are served over HTTP, not Socket Mode' });
      }
    }
  });

export type Config = z.infer<typeof ConfigSchema>;

/** A configuration problem, worded as one line naming the variable and the fix. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Validate an environment; throws ConfigError with one line per bad variable. */
export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const result = ConfigSchema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = issue.path.join('.') || 'environment';
    return `${name} ${issue.message}`;
  });
  throw new ConfigError(`Invalid configuration: ${lines.join('; ')}`);
}

/** Which chat surfaces the configuration can start. */
export function configuredSurfaces(config: Config): { discord: boolean; slack: boolean } {
  return {
    discord: Boolean(config.DISCORD_TOKEN || config.DISCORD_PUBLIC_KEY),
    slack: Boolean(config.SLACK_BOT_TOKEN || config.SLACK_CLIENT_ID),
  };
}

/** How Discord is served: the HTTP interactions endpoint when DISCORD_PUBLIC_KEY is set, the gateway otherwise. */
export function discordMode(config: Config): 'http' | 'gateway' {
  return config.DISCORD_PUBLIC_KEY ? 'http' : 'gateway';
}

/** How Slack is served: installs in many workspaces (OAuth), Socket Mode, or HTTP with one bot token. */
export function slackMode(config: Config): 'oauth' | 'socket' | 'http' {
  if (config.SLACK_CLIENT_ID) return 'oauth';
  return config.SLACK_APP_TOKEN ? 'socket' : 'http';
}
