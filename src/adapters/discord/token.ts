/**
 * The application id a bot token carries: a Discord bot token's first segment is the bot user's id
 * in base64, and a bot user's id is its application's id.
 */
export function applicationIdFromToken(token: string): string | undefined {
  const first = token.split('.')[0];
  if (!first) return undefined;
  const decoded = Buffer.from(first, 'base64').toString('utf8');
  return /^\d{17,20}$/.test(decoded) ? decoded : undefined;
}

/** The application id to use: DISCORD_APPLICATION_ID when set, else the one in the token. */
export function resolveApplicationId(token: string, configured?: string): string {
  const id = configured ?? applicationIdFromToken(token);
  if (!id) throw new Error('DISCORD_APPLICATION_ID is needed: it cannot be read from this DISCORD_TOKEN (copy it from the Developer Portal, General Information)');
  return id;
}
