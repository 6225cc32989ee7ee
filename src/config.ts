/**
 * Configuration from the environment (and `.env`, through dotenv), validated once with zod.
 * Missing platform credentials are not an error: the bot then runs the console only.
 */
import { z } from 'zod';

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

const PORT_FIX = 'must be a whole number from 0 to 65535, e.g. 3000';

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
  })
  .superRefine((env, ctx) => {
    if (env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_SIGNING_SECRET'],
        message: 'is required with SLACK_BOT_TOKEN in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)',
      });
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
    discord: Boolean(config.DISCORD_TOKEN),
    slack: Boolean(config.SLACK_BOT_TOKEN),
  };
}
