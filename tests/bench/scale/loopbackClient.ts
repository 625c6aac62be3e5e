import http from 'node:http';

/** A replica behind the simulated load balancer. */
export interface Backend {
  url: string;
  /** Date.now() before which the balancer sends it nothing (set for 2 s when a connection to it failed). */
  downUntil: number;
}

/** How long a replica whose connection failed is left out of the rotation, ms (a balancer's health check). */
const DOWN_MS = 2_000;

/** A round-robin load balancer over `backends` (no sticky sessions), as the bench's annotators see it. */
export class RoundRobin {
  private next = 0;
  /** Requests whose connection failed (refused, reset, cut mid-answer) and were sent again elsewhere. */
  connectionFailures = 0;

  constructor(readonly backends: Backend[]) {}

  /** The next replica not left out (or, when all are, the next one anyway). */
  pick(): Backend {
    const now = Date.now();
    for (let i = 0; i < this.backends.length; i++) {
      const b = this.backends[this.next++ % this.backends.length];
      if (b.downUntil <= now) return b;
    }
    return this.backends[this.next++ % this.backends.length];
  }

  /** Leaves `b` out of the rotation for a while after a failed connection. */
  markDown(b: Backend): void {
    b.downUntil = Date.now() + DOWN_MS;
  }

  /** Replaces the replica at `url` (e.g. a killed one) by a new one at the same place in the rotation. */
  replace(url: string, by: string): void {
    const i = this.backends.findIndex((b) => b.url === url);
    this.backends[i < 0 ? this.backends.length : i] = { url: by, downUntil: 0 };
  }
}

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/**
 * One annotator's HTTP client: keep-alive connections from its own loopback source address
 * (127.0.x.y), so the server's per-address login rate limit sees 200 clients, not one.
 * Each request goes to the balancer's next replica; a connection failure (refused, or a kept-alive
 * connection the server had just closed) leaves that replica out for 2 s and sends the same request
 * to the next one (as a browser's retry through a load balancer would).
 */
export class LoopbackClient {
  private readonly agent: http.Agent;
  cookie: string | null = null;

  constructor(
    private readonly lb: RoundRobin,
    readonly sourceAddress: string,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  }

  async request(method: string, pathname: string, opts: { body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer> {
    for (let attempt = 0; ; attempt++) {
      const backend = this.lb.pick();
      try {
        return await this.once(backend.url, method, pathname, opts);
      } catch (err) {
        if (!isConnectionError(err) || attempt >= 8) throw err;
        this.lb.markDown(backend);
        this.lb.connectionFailures++;
      }
    }
  }

  close(): void {
    this.agent.destroy();
  }

  private once(base: string, method: string, pathname: string, opts: { body?: unknown; headers?: Record<string, string> }): Promise<Answer> {
    const body = opts.body === undefined ? undefined : Buffer.from(JSON.stringify(opts.body), 'utf8');
    const headers: Record<string, string> = { ...opts.headers };
    if (this.cookie !== null) headers.cookie = this.cookie;
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(body.length);
    }
    return new Promise<Answer>((resolve, reject) => {
      const req = http.request(new URL(pathname, base), { method, headers, agent: this.agent, localAddress: this.sourceAddress }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
        res.on('aborted', () => reject(Object.assign(new Error('answer cut off'), { code: 'ECONNRESET' })));
      });
      req.on('error', reject);
      req.setTimeout(60_000, () => req.destroy(Object.assign(new Error('no answer in 60 s'), { code: 'ETIMEDOUT' })));
      req.end(body);
    });
  }
}

function isConnectionError(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'EPIPE' || code === 'ETIMEDOUT' || (err as Error).message === 'socket hang up';
}
