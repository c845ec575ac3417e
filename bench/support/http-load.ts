import http from 'node:http';

export interface LoadResult {
  latenciesMs: number[];
  elapsedMs: number;
  errors: number;
  replies: unknown[];
}

/**
 * Sends every request body to `url` over `concurrency` keep-alive connections, each connection sending its
 * next request when the previous answer arrives (a closed loop, like people tapping).
 */
export async function runLoad(url: string, bodies: { path: string; body: unknown; token?: string }[], concurrency: number): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latenciesMs: number[] = new Array(bodies.length);
  const replies: unknown[] = new Array(bodies.length);
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < bodies.length) {
      const index = next++;
      const request = bodies[index];
      const sent = performance.now();
      try {
        replies[index] = await postJson(agent, url + request.path, request.body, request.token);
        if (!(replies[index] as { ok?: boolean }).ok) errors++;
      } catch (error) {
        replies[index] = { ok: false, error: String(error) };
        errors++;
      }
      latenciesMs[index] = performance.now() - sent;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
  return { latenciesMs, elapsedMs: performance.now() - started, errors, replies };
}

function postJson(agent: http.Agent, url: string, body: unknown, token?: string): Promise<unknown> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method: 'POST',
      agent,
      headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload), ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch (error) {
          reject(error);
        }
      });
    });
    request.on('error', reject);
    request.end(payload);
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
