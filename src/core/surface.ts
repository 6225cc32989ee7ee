/**
 * A running chat surface (console, Discord, Slack), as `npm start` sees it.
 */
export interface Surface {
  /** "console", "discord", "slack (socket mode)", … */
  readonly name: string;
  /** Stop cleanly: close connections, stop listening. */
  stop(): Promise<void>;
}
