/**
 * A guard in front of Bolt's HTTP receiver. Bolt 5.1.0 reads `body.ssl_check` and `body.type` of
 * whatever the request parses to, outside its own error handling: a correctly signed body of `null`,
 * a number, or `payload=null` throws where nothing catches it, and the process stops. The guard
 * reads the body first and answers 400 unless it parses to an object the way Bolt will parse it;
 * otherwise it hands the buffered body on (Bolt reuses `rawBody` instead of reading the stream again).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPModuleFunctions, type BufferedIncomingMessage } from '@slack/bolt';

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/** Slack's bodies are small; Bolt's own default limit is far larger than any we need. */
const BODY_LIMIT = '1mb';

/** Whether a body parses (as Bolt parses it) to a plain object. */
export function parsesToObject(raw: Buffer, contentType: string | undefined): boolean {
  try {
    const parsed: unknown = HTTPModuleFunctions.parseHTTPRequestBody({ rawBody: raw, headers: { 'content-type': contentType } } as unknown as BufferedIncomingMessage);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  } catch {
    return false;
  }
}

/** Wrap Bolt's request listener: POSTs to `path` whose body is not an object get 400 and go no further. */
export function guardSlackBodies(path: string, next: RequestListener, onRejected: (reason: string) => void = () => {}): RequestListener {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'POST' || url.pathname !== path) return next(req, res);
    HTTPModuleFunctions.bufferIncomingMessage(req, BODY_LIMIT).then(
      (buffered) => {
        if (parsesToObject(buffered.rawBody, req.headers['content-type'])) return next(buffered, res);
        onRejected('the body is not a JSON object or form');
        reject(res, 400);
      },
      () => {
        onRejected('the body could not be read');
        reject(res, 400);
      },
    );
  };
}

function reject(res: ServerResponse, status: number): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('Bad request\n');
}
