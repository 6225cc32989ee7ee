/**
 * Discord's side of an HTTP interactions endpoint: an application key pair made for the test, and
 * requests signed exactly as Discord signs them (Ed25519 over the timestamp and the raw body, in
 * X-Signature-Ed25519 and X-Signature-Timestamp).
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { request } from 'node:http';

/** An application's signing keys; `publicKeyHex` is what the Developer Portal shows (DISCORD_PUBLIC_KEY). */
export interface ApplicationKeys {
  privateKey: KeyObject;
  publicKeyHex: string;
}

/** A fresh Ed25519 key pair, as Discord keeps for an application. */
export function applicationKeys(): ApplicationKeys {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const der = publicKey.export({ format: 'der', type: 'spki' });
  // The raw key is the last 32 bytes of the SubjectPublicKeyInfo.
  return { privateKey, publicKeyHex: der.subarray(der.length - 32).toString('hex') };
}

/** The signature headers for a body, signed with `privateKey` at `timestamp` (seconds, now by default). */
export function discordSignatureHeaders(privateKey: KeyObject, body: string, timestamp = String(Math.floor(Date.now() / 1000))): Record<string, string> {
  return { 'x-signature-ed25519': sign(null, Buffer.from(timestamp + body), privateKey).toString('hex'), 'x-signature-timestamp': timestamp };
}

export interface EndpointResponse {
  status: number;
  body: unknown;
}

/** POST a raw body with headers; resolves with the status and the parsed JSON (or text). */
export function postInteraction(url: string, body: string, headers: Record<string, string>): Promise<EndpointResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          // Not JSON: kept as text.
        }
        resolve({ status: res.statusCode ?? 0, body: parsed });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Sends interactions to an endpoint as Discord does, signed with the application's key. */
export class DiscordHttpSender {
  constructor(
    readonly endpoint: string,
    private readonly keys: ApplicationKeys,
  ) {}

  send(interaction: object): Promise<EndpointResponse> {
    const body = JSON.stringify(interaction);
    return postInteraction(this.endpoint, body, discordSignatureHeaders(this.keys.privateKey, body));
  }
}
