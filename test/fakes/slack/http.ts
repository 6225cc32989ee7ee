/**
 * What Slack sends to an app in HTTP mode, signed: slash commands and interactions as
 * `application/x-www-form-urlencoded` (exactly; Bolt answers 400 to a charset), events as JSON.
 */
import { request } from 'node:http';
import { signedHeaders } from './signing.js';

export interface SlackHttpResponse {
  status: number;
  /** Parsed JSON when the app answered JSON, else the raw text. */
  body: unknown;
  text: string;
}

/** POST a raw body with headers to a URL on 127.0.0.1. */
export function post(url: string, body: string, headers: Record<string, string>): Promise<SlackHttpResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        if ((res.headers['content-type'] ?? '').includes('application/json')) parsed = JSON.parse(text);
        resolve({ status: res.statusCode ?? 0, body: parsed, text });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A GET, for the health endpoint. */
export function get(url: string): Promise<SlackHttpResponse> {
  return new Promise((resolve, reject) => {
    request(url, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, body: text, text });
      });
    })
      .on('error', reject)
      .end();
  });
}

/** Sends signed requests to an app's /slack/events endpoint, as Slack would. */
export class SlackSender {
  constructor(
    readonly endpoint: string,
    private readonly signingSecret: string,
  ) {}

  /** A slash command: form fields, URL-encoded. */
  command(fields: Record<string, string>): Promise<SlackHttpResponse> {
    const body = new URLSearchParams(fields).toString();
    return post(this.endpoint, body, signedHeaders(this.signingSecret, body, 'application/x-www-form-urlencoded'));
  }

  /** An interaction (block_actions, message_action, view_submission, block_suggestion): `payload=<json>`. */
  interaction(payload: object): Promise<SlackHttpResponse> {
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    return post(this.endpoint, body, signedHeaders(this.signingSecret, body, 'application/x-www-form-urlencoded'));
  }

  /** An Events API callback, JSON. */
  event(envelope: object): Promise<SlackHttpResponse> {
    const body = JSON.stringify(envelope);
    return post(this.endpoint, body, signedHeaders(this.signingSecret, body, 'application/json'));
  }
}
