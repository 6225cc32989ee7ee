/**
 * A fake Socket Mode endpoint on 127.0.0.1: a WebSocket server that greets each connection with
 * `hello`, sends envelopes as Slack does, collects the app's acknowledgements, and can ask the app
 * to reconnect (`disconnect`, reason `refresh_requested`) the way Slack recycles connections.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** What the app sent back for an envelope. */
export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

export class FakeSocketMode {
  /** Every connection ever opened, oldest first. */
  readonly connections: WebSocket[] = [];
  private server: WebSocketServer | undefined;
  private readonly pending = new Map<string, (ack: SocketAck) => void>();
  private connectionWaiters: (() => void)[] = [];

  async start(): Promise<this> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    this.server = server;
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    server.on('connection', (socket) => {
      this.connections.push(socket);
      socket.on('message', (data) => {
        const ack = JSON.parse(String(data)) as SocketAck;
        this.pending.get(ack.envelope_id)?.(ack);
        this.pending.delete(ack.envelope_id);
      });
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' }, connection_info: { app_id: 'A0FAKE' } }));
      for (const wake of this.connectionWaiters.splice(0)) wake();
    });
    return this;
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo;
    return `ws://127.0.0.1:${address.port}/link`;
  }

  /** The connection currently open, if any. */
  get open(): WebSocket | undefined {
    return this.connections.filter((socket) => socket.readyState === socket.OPEN).at(-1);
  }

  /** Wait until `count` connections have been opened in total. */
  async waitForConnections(count: number, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.connections.length < count) {
      if (Date.now() > deadline) throw new Error(`FakeSocketMode: expected ${count} connections, saw ${this.connections.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 100);
        this.connectionWaiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Send an envelope (`slash_commands`, `interactive`, `events_api`) and resolve with the app's ack. */
  send(type: 'slash_commands' | 'interactive' | 'events_api', payload: object, timeoutMs = 5000): Promise<SocketAck> {
    const socket = this.open;
    if (!socket) return Promise.reject(new Error('FakeSocketMode: no open connection'));
    const envelope_id = randomUUID();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`FakeSocketMode: no ack for ${type}`)), timeoutMs);
      this.pending.set(envelope_id, (ack) => {
        clearTimeout(timer);
        resolve(ack);
      });
      socket.send(JSON.stringify({ envelope_id, type, payload, accepts_response_payload: type !== 'events_api', retry_attempt: 0, retry_reason: '' }));
    });
  }

  /** Ask the app to reconnect, as Slack does before recycling a connection. */
  requestRefresh(): void {
    this.open?.send(JSON.stringify({ type: 'disconnect', reason: 'refresh_requested', debug_info: { host: 'fake' } }));
  }

  async stop(): Promise<void> {
    for (const socket of this.connections) socket.terminate();
    const server = this.server;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
