import http from 'node:http';

export interface LoadResult {
  latenciesMs: number[];
  elapsedMs: number;
  errors: number;
  replies: unknown[];
}

/**
 * Sends every request body to `url` over `concurrency` keep-alive connections, each connection sending its
 * next request when the previous answer arrives (a closed loop, like people tapping). Bodies are encoded before the
 * clock starts and answers decoded after it stops, so the load generator spends as little as it can of the CPU
 * it shares with the host it measures.
 */
export async function runLoad(url: string, bodies: { path: string; body: unknown; token?: string }[], concurrency: number): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const requests = bodies.map(({ path, body, token }) => {
    const payload = Buffer.from(JSON.stringify(body));
    const headers: http.OutgoingHttpHeaders = { 'Content-Type': 'application/json', 'Content-Length': payload.length };
    if (token) headers.Authorization = `Bearer ${token}`;
    return { url: url + path, payload, headers };
  });
  const latenciesMs: number[] = new Array(bodies.length);
  const answers: (Buffer | Error)[] = new Array(bodies.length);
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < requests.length) {
      const index = next++;
      const sent = performance.now();
      answers[index] = await post(agent, requests[index]).catch((error: Error) => error);
      latenciesMs[index] = performance.now() - sent;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsedMs = performance.now() - started;
  agent.destroy();
  let errors = 0;
  const replies = answers.map((answer) => {
    let reply: unknown;
    try {
      reply = answer instanceof Error ? { ok: false, error: String(answer) } : JSON.parse(answer.toString('utf8'));
    } catch (error) {
      reply = { ok: false, error: String(error) };
    }
    if (!(reply as { ok?: boolean }).ok) errors++;
    return reply;
  });
  return { latenciesMs, elapsedMs, errors, replies };
}

function post(agent: http.Agent, request: { url: string; payload: Buffer; headers: http.OutgoingHttpHeaders }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const sending = http.request(request.url, { method: 'POST', agent, headers: request.headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
    });
    sending.on('error', reject);
    sending.end(request.payload);
  });
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
