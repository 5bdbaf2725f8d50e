/**
 * A publisher's site on 127.0.0.1 for the ingestion tests: saved pages from test/fixtures/pages,
 * plus whatever a test puts in `routes` (feeds, broken pages, redirects). Records each request.
 */
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export const PAGES = path.resolve(import.meta.dirname, '../fixtures/pages');

export interface Route {
  status?: number;
  type?: string;
  body?: string | Buffer;
  headers?: Record<string, string>;
}

export class PageServer {
  readonly routes = new Map<string, Route | ((headers: IncomingHttpHeaders) => Route)>();
  readonly requests: Array<{ path: string; headers: IncomingHttpHeaders; at: number }> = [];
  /** Requests being answered right now, and the most at once: politeness is measured. */
  inFlight = 0;
  maxInFlight = 0;
  delayMs = 0;
  private constructor(
    private readonly server: http.Server,
    readonly port: number,
  ) {}

  static async start(): Promise<PageServer> {
    let self: PageServer | undefined;
    const server = http.createServer((req, res) => void self!.answer(req, res));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    self = new PageServer(server, (server.address() as AddressInfo).port);
    return self;
  }

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  url(p: string): string {
    return `${this.base}${p}`;
  }

  private async answer(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const p = new URL(req.url ?? '/', this.base).pathname;
    this.requests.push({ path: p, headers: req.headers, at: Date.now() });
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
      const found = this.routes.get(p);
      const route = typeof found === 'function' ? found(req.headers) : found;
      if (route) {
        res.writeHead(route.status ?? 200, {
          ...(route.type ? { 'content-type': route.type } : {}),
          ...route.headers,
        });
        res.end(route.body ?? '');
        return;
      }
      const page = /^\/pages\/([\w.-]+\.html)$/.exec(p)?.[1];
      const bytes = page
        ? (() => {
            try {
              return readFileSync(path.join(PAGES, page));
            } catch {
              return undefined;
            }
          })()
        : undefined;
      if (!bytes) {
        res.writeHead(404, { 'content-type': 'text/html' });
        res.end('<h1>Not Found</h1>');
        return;
      }
      // The Shift_JIS page says so in its header, as older MOFA servers do.
      res.writeHead(200, {
        'content-type': page!.includes('sjis')
          ? 'text/html; charset=Shift_JIS'
          : 'text/html; charset=utf-8',
      });
      res.end(bytes);
    } finally {
      this.inFlight--;
    }
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}
