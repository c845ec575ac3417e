import net from 'node:net';

export interface LoadResult {
  latenciesMs: number[];
  elapsedMs: number;
  errors: number;
  replies: unknown[];
}

/**
 * Sends every request body to `url` over `concurrency` keep-alive connections, each connection sending its
 * next request when the previous answer arrives (a closed loop, like people tapping). Bodies are encoded before the
 * clock starts and answers decoded after it stops, and requests go out as prepared bytes over plain sockets: the
 * load generator shares the machine's two cores with the host it measures, and Node's HTTP client cost it 105–170 µs
 * of CPU per request under the sign-up burst where these sockets cost 50–80 (README, "Figures").
 */
export async function runLoad(url: string, bodies: { path: string; body: unknown; token?: string }[], concurrency: number): Promise<LoadResult> {
  const { hostname, port, host } = new URL(url);
  const requests = bodies.map(({ path, body, token }) => {
    const payload = Buffer.from(JSON.stringify(body));
    const authorization = token ? `Authorization: Bearer ${token}\r\n` : '';
    const head = `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: ${payload.length}\r\n${authorization}\r\n`;
    return Buffer.concat([Buffer.from(head, 'latin1'), payload]);
  });
  const latenciesMs: number[] = new Array(bodies.length);
  const answers: (Buffer | Error)[] = new Array(bodies.length);
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    let connection: KeepAliveConnection | null = null;
    while (next < requests.length) {
      const index = next++;
      const sent = performance.now();
      try {
        connection ??= await KeepAliveConnection.open(Number(port), hostname);
        answers[index] = await connection.exchange(requests[index]);
      } catch (error) {
        // This request failed; the next one starts on a new connection.
        answers[index] = error as Error;
        connection?.close();
        connection = null;
      }
      latenciesMs[index] = performance.now() - sent;
    }
    connection?.close();
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsedMs = performance.now() - started;
  let errors = 0;
  const replies = answers.map((answer) => {
    let reply: unknown;
    try {
      reply = Buffer.isBuffer(answer) ? JSON.parse(answer.toString('utf8')) : { ok: false, error: String(answer) };
    } catch (error) {
      reply = { ok: false, error: String(error) };
    }
    if (!(reply as { ok?: boolean }).ok) errors++;
    return reply;
  });
  return { latenciesMs, elapsedMs, errors, replies };
}

const endOfHeaders = Buffer.from('\r\n\r\n');

/** One HTTP/1.1 keep-alive connection with one request at a time; answers each response's body (sized by Content-Length). */
class KeepAliveConnection {
  private received: Buffer | null = null;
  private waiting: { resolve: (body: Buffer) => void; reject: (error: Error) => void } | null = null;

  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => this.take(chunk));
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => this.fail(new Error('the connection closed before the response ended')));
  }

  static open(port: number, hostname: string): Promise<KeepAliveConnection> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, hostname);
      socket.setNoDelay(true);
      socket.once('error', reject);
      socket.once('connect', () => {
        socket.off('error', reject);
        resolve(new KeepAliveConnection(socket));
      });
    });
  }

  exchange(request: Buffer): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(request);
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private take(chunk: Buffer): void {
    const received = this.received ? Buffer.concat([this.received, chunk]) : chunk;
    this.received = received;
    const headersEnd = received.indexOf(endOfHeaders);
    if (headersEnd < 0) return;
    const length = /\r\ncontent-length: *(\d+)/i.exec(received.toString('latin1', 0, headersEnd));
    if (!length) return this.fail(new Error('a response without Content-Length'));
    const bodyStart = headersEnd + endOfHeaders.length;
    const bodyEnd = bodyStart + Number(length[1]);
    if (received.length < bodyEnd) return;
    this.received = null;
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.resolve(received.subarray(bodyStart, bodyEnd));
  }

  private fail(error: Error): void {
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.reject(error);
  }
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Database round trips per call of `fn.action`, read from the host's per-call log lines. */
export function roundTripsPerCall(hostOutput: string, fnAction: string): number {
  const counts = [...hostOutput.matchAll(new RegExp(`${fnAction.replace('.', '\\.')} role=\\S+ \\S+ [\\d.]+ms db=(\\d+)`, 'g'))].map((match) => Number(match[1]));
  return counts.length ? counts.reduce((sum, count) => sum + count, 0) / counts.length : NaN;
}

export function report(name: string, value: number | string): void {
  console.log(`${name}: ${typeof value === 'number' ? Number(value.toFixed(2)) : value}`);
}
