/**
 * The logger writes JSON lines (pino) and keeps secrets out of them: configured tokens, credential
 * shapes, response_urls; what people typed appears only at debug level, escaped.
 */
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/core/logger.js';
import { withRequest } from '../../src/core/request-context.js';

function capture(level: 'debug' | 'info', secrets: string[] = []) {
  const lines: string[] = [];
  const logger = createLogger(level, (line) => lines.push(line), { secrets });
  return { logger, lines, parsed: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('the logger', () => {
  it('writes one JSON object per line with level, time and message', () => {
    const { logger, parsed } = capture('info');
    logger.info('hello', { surface: 'slack' });
    logger.debug('not at info');
    expect(parsed()).toEqual([expect.objectContaining({ level: 'info', msg: 'hello', surface: 'slack', time: expect.any(String) })]);
  });

  it('never writes a configured secret, a Slack or Discord credential, or a response_url', () => {
    const { logger, lines } = capture('debug', ['my-signing-secret-123']);
    logger.error('failed', {
      error: new Error('call with xoxb-1234-5678-abcdef failed; secret my-signing-secret-123'),
      response_url: 'https://hooks.slack.com/commands/T0/123/abc',
      body: { response_url: 'https://hooks.slack.com/actions/T0/1/x', token: 'legacy' },
      url: 'https://discord.com/api/v10/interactions/1200000000000000001/aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDp0b2tlbg/callback',
      note: 'app token xapp-1-A0-123-abc and MTE4MDAwMDAwMDAwMDAwMDAwMQ.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789',
    });
    const text = lines.join('\n');
    for (const secret of ['xoxb-1234', 'my-signing-secret-123', 'hooks.slack.com/commands', 'hooks.slack.com/actions', 'legacy', 'aW50ZXJhY3Rpb24', 'xapp-1', 'GaBcDe']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('[redacted]');
  });

  it('writes what people typed only at debug level, escaped so it cannot forge a line', () => {
    const info = capture('info');
    info.logger.error('console: answering a line failed', { line: 'trust\n{"level":"error","msg":"forged"}', errorId: 'EABCDE' });
    expect(info.parsed()).toEqual([expect.not.objectContaining({ line: expect.anything() })]);
    const debug = capture('debug');
    debug.logger.debug('typed', { text: 'trust\n{"level":"error","msg":"forged"}' });
    expect(debug.lines).toHaveLength(1);
    expect(debug.parsed()[0]?.text).toBe('trust\n{"level":"error","msg":"forged"}');
  });

  it('adds the request id to every line written while answering a request', () => {
    const { logger, parsed } = capture('info');
    withRequest({ requestId: 'EREQ42' }, () => logger.warn('inside'));
    logger.warn('outside');
    expect(parsed().map((line) => line.requestId)).toEqual(['EREQ42', undefined]);
  });
});
