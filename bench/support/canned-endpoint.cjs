// A stand-in for the database emulator that does no work: it reads each request and answers one member document,
// so that what the sdk-call bench measures on the client side is the SDK's own cost per call. Forked by
// bench/sdk-call.ts; answers its CPU use when asked over IPC.
const { Buffer } = require('node:buffer');
const http = require('node:http');

const reply = JSON.stringify({
  requestId: 'canned',
  data: { list: [JSON.stringify({ _id: 'm-1', openId: 'openid-1', profile: { name: '会员1', mobile: '13900000001' }, orgIds: ['org-street-huamu'], roles: [] })] },
});
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    JSON.parse(Buffer.concat(chunks).toString('utf8'));
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(reply) });
    res.end(reply);
  });
});
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('message', () => process.send({ cpu: process.cpuUsage() }));
