/**
 * Sign a request body exactly as Slack does: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{body}`
 * with the app's signing secret, sent in X-Slack-Signature beside X-Slack-Request-Timestamp.
 */
import { createHmac } from 'node:crypto';

export function slackSignature(signingSecret: string, body: string, timestamp: number): string {
  return 'v0=' + createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex');
}

/** Headers of a signed Slack request (timestamp in seconds, now by default). */
export function signedHeaders(
  signingSecret: string,
  body: string,
  contentType: 'application/x-www-form-urlencoded' | 'application/json',
  timestamp = Math.floor(Date.now() / 1000),
): Record<string, string> {
  return {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': slackSignature(signingSecret, body, timestamp),
  };
}
