import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { runLoad } from '../../bench/support/http-load';

/** A server whose `answer` writes each response; answers whether to close the connection instead. */
async function serve(answer: (request: { body: string; authorization?: string; connection: number; served: number }, res: http.ServerResponse) => void) {
  let connections = 0;
  let served = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => answer({ body: Buffer.concat(chunks).toString(), authorization: req.headers.authorization, connection: (req.socket as unknown as { n: number }).n, served: ++served }, res));
  });
  server.on('connection', (socket) => Object.assign(socket, { n: ++connections }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connections: () => connections,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** Headers first, then the body in two writes a moment apart, as a busy host's answer may arrive. */
function sendInPieces(res: http.ServerResponse, reply: unknown) {
  const text = Buffer.from(JSON.stringify(reply));
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': text.length });
  res.write(text.subarray(0, 7));
  setTimeout(() => res.end(text.subarray(7)), 2);
}

const bodies = (count: number) => Array.from({ length: count }, (_, n) => ({ path: '/api/events', body: { action: 'signup', data: { n, name: `会员${n}` } }, token: `token-${n}` }));

describe('the benchmarks’ load generator', () => {
  it('sends each body once over the given number of keep-alive connections and pairs each reply with its request', async () => {
    const server = await serve(({ body, authorization, connection }, res) => {
      const { data } = JSON.parse(body) as { data: { n: number; name: string } };
      sendInPieces(res, { ok: true, data: { ...data, authorization, connection } });
    });
    try {
      const result = await runLoad(server.url, bodies(60), 4);
      expect(result.errors).toBe(0);
      expect(result.replies).toEqual(bodies(60).map(({ body, token }) => ({ ok: true, data: { ...body.data, authorization: `Bearer ${token}`, connection: expect.any(Number) } })));
      expect(server.connections()).toBe(4);
      expect(new Set(result.replies.map((reply) => (reply as { data: { connection: number } }).data.connection)).size).toBe(4);
      expect(result.latenciesMs.every((ms) => ms >= 0)).toBe(true);
      expect(result.latenciesMs).toHaveLength(60);
    } finally {
      await server.close();
    }
  });

  it('counts a request whose connection dies as an error and goes on with the rest on a new connection', async () => {
    const server = await serve(({ body, served }, res) => {
      if (served === 3) {
        res.socket?.destroy();
        return;
      }
      sendInPieces(res, { ok: true, data: JSON.parse(body) });
    });
    try {
      const result = await runLoad(server.url, bodies(10), 1);
      expect(result.errors).toBe(1);
      expect(result.replies[2]).toEqual({ ok: false, error: expect.stringContaining('closed') });
      expect(result.replies.filter((reply) => (reply as { ok: boolean }).ok)).toHaveLength(9);
      expect(server.connections()).toBe(2);
    } finally {
      await server.close();
    }
  });

  it('counts refusals and answers that are not JSON as errors', async () => {
    const server = await serve(({ served }, res) => {
      if (served === 1) return sendInPieces(res, { ok: false, code: 'SIGNUP_CLOSED', message: '报名已截止' });
      res.writeHead(502, { 'Content-Length': 7 });
      res.end('bad gw!');
    });
    try {
      const result = await runLoad(server.url, bodies(2), 1);
      expect(result.errors).toBe(2);
      expect(result.replies[0]).toEqual({ ok: false, code: 'SIGNUP_CLOSED', message: '报名已截止' });
      expect(result.replies[1]).toEqual({ ok: false, error: expect.stringContaining('SyntaxError') });
    } finally {
      await server.close();
    }
  });

  it('finishes with every request an error when nothing listens', async () => {
    const server = await serve(() => undefined);
    const { url } = server;
    await server.close();
    const result = await runLoad(url, bodies(5), 2);
    expect(result.errors).toBe(5);
    expect(result.replies).toEqual(Array.from({ length: 5 }, () => ({ ok: false, error: expect.stringContaining('ECONNREFUSED') })));
  });
});
