import http from 'node:http';
import tcb from '@cloudbase/node-sdk';
import { sign } from '@cloudbase/signature-nodejs';
import { connect, startTestEmulator, type TestEmulator } from '../support/emulator';
import { cloudCredentials, failureOf } from './target';

let local: TestEmulator;

beforeAll(async () => {
  local = await startTestEmulator();
});

afterAll(() => local.close());

interface RawOptions {
  secretKey?: string;
  env?: string;
  timestamp?: number;
  method?: string;
  tamper?: (body: string) => string;
  unsigned?: boolean;
}

/** Sends one request the way @cloudbase/node-sdk does (TC3-HMAC-SHA256 over method, URL, headers, body). */
function rawRequest(body: Record<string, unknown> | string, options: RawOptions = {}): Promise<{ status: number; reply: Record<string, unknown> }> {
  const env = options.env ?? local.env;
  const url = `${local.serviceUrl}?env=${env}&seqId=raw`;
  const params = typeof body === 'string' ? body : { envName: env, ...body };
  const headers: Record<string, string> = { 'content-type': 'application/json', host: new URL(url).host, 'user-agent': 'conformance' };
  if (!options.unsigned && typeof params !== 'string') {
    const signature = sign({
      secretId: local.secretId,
      secretKey: options.secretKey ?? local.secretKey,
      method: 'post',
      url,
      params,
      headers,
      withSignedParams: true,
      timestamp: options.timestamp ?? Math.floor(Date.now() / 1000),
    });
    headers.authorization = signature.authorization;
    headers['x-timestamp'] = String(signature.timestamp);
  }
  const text = typeof params === 'string' ? params : JSON.stringify(params);
  const payload = options.tamper ? options.tamper(text) : text;
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(payload) } }, (res) => {
      let data = '';
      res.on('data', (chunk: Buffer) => (data += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, reply: JSON.parse(data) as Record<string, unknown> }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

const getDocument = (query: string, extra: Record<string, unknown> = {}) => ({
  action: 'database.getDocument',
  collectionName: 'members',
  queryType: 'WHERE',
  query,
  ...extra,
});

describe('signatures and environments', () => {
  test('a correctly signed raw request is served', async () => {
    const { status, reply } = await rawRequest(getDocument('{}'));
    expect(status).toBe(200);
    expect(reply).toEqual({ requestId: expect.any(String), data: { list: [] } });
  });

  test('the SDK with a wrong secretKey throws SIGN_PARAM_INVALID', async () => {
    const failure = await failureOf(connect(local, { secretKey: 'not-the-key' }).database().collection('members').get());
    expect(failure.code).toBe('SIGN_PARAM_INVALID');
  });

  test('a wrong key is refused by a real CloudBase environment too, when one is configured', async () => {
    const credentials = cloudCredentials();
    if (!credentials) return console.log('real CloudBase signature check skipped: set TCB_ENV, TCB_SECRET_ID and TCB_SECRET_KEY to run it');
    const claimed = process.env.TENCENTCLOUD;
    delete process.env.TENCENTCLOUD;
    try {
      const app = tcb.init({ ...credentials, secretKey: `${credentials.secretKey}x` });
      expect((await failureOf(app.database().collection('members').limit(1).get())).code).toBeTruthy();
    } finally {
      if (claimed !== undefined) process.env.TENCENTCLOUD = claimed;
    }
  });

  test('unsigned, expired, tampered and foreign-key requests get SIGN_PARAM_INVALID with HTTP 200', async () => {
    const cases: RawOptions[] = [
      { unsigned: true },
      { timestamp: Math.floor(Date.now() / 1000) - 3600 },
      { tamper: (body) => body.replace('"members"', '"orgs"') },
      { secretKey: 'another-key' },
    ];
    for (const options of cases) {
      const { status, reply } = await rawRequest(getDocument('{}'), options);
      expect(status).toBe(200);
      expect(reply).toEqual({ code: 'SIGN_PARAM_INVALID', message: expect.any(String), requestId: expect.any(String) });
    }
    expect((await rawRequest(getDocument('{}'), { timestamp: Math.floor(Date.now() / 1000) - 3600 })).reply.message).toContain('expired');
  });

  test('a request for another environment gets INVALID_ENV', async () => {
    expect((await rawRequest(getDocument('{}'), { env: 'someone-else' })).reply.code).toBe('INVALID_ENV');
    const other = tcb.init({ env: 'someone-else', secretId: local.secretId, secretKey: local.secretKey, serviceUrl: local.serviceUrl });
    expect((await failureOf(other.database().collection('members').get())).code).toBe('INVALID_ENV');
  });
});

describe('error replies', () => {
  test('malformed bodies, wrong methods and unknown actions are answered, not crashed on', async () => {
    expect((await rawRequest('{not json', { unsigned: true })).reply.code).toBe('INVALID_PARAM');
    expect((await rawRequest('[1,2]', { unsigned: true })).reply.code).toBe('INVALID_PARAM');
    expect((await rawRequest(getDocument('{}'), { method: 'PUT' })).reply.code).toBe('INVALID_PARAM');
    expect((await rawRequest({ action: 'database.dropEverything' })).reply.code).toBe('INVALID_ACTION');
    expect((await rawRequest({ action: 'storage.batchCopyFile' })).reply.code).toBe('INVALID_ACTION');
    expect((await rawRequest({})).reply.code).toBe('INVALID_ACTION');
  });

  test('bad parameters get INVALID_PARAM; operators the database rejects get DATABASE_REQUEST_FAILED', async () => {
    expect((await rawRequest(getDocument('{"a":'))).reply.code).toBe('INVALID_PARAM');
    expect((await rawRequest(getDocument('[]'))).reply.code).toBe('INVALID_PARAM');
    expect((await rawRequest({ ...getDocument('{}'), collectionName: 42 })).reply.code).toBe('INVALID_PARAM');
    expect((await rawRequest(getDocument('{}', { order: '{"a":5}' }))).reply.code).toBe('INVALID_PARAM');
    expect((await rawRequest(getDocument('{"a":{"$foo":1}}'))).reply.code).toBe('DATABASE_REQUEST_FAILED');
    expect((await rawRequest({ action: 'database.insertDocument', collectionName: 'members', data: ['{"_id":"x"}', 7] })).reply.code).toBe('INVALID_PARAM');
    expect((await rawRequest({ action: 'database.insertDocument', collectionName: 'members', data: [] })).reply.code).toBe('INVALID_PARAM');
    const modify = { action: 'database.modifyDocument', collectionName: 'orgs', queryType: 'WHERE', query: '{}', multi: true, merge: true };
    await rawRequest({ action: 'database.insertDocument', collectionName: 'orgs', data: ['{"_id":"o1","n":1}'] });
    expect((await rawRequest({ ...modify, data: '{"$set":{"_id":"o2"}}' })).reply.code).toBe('DATABASE_REQUEST_FAILED');
    expect((await rawRequest({ ...modify, data: '{"$set":{"n":2},"plain":1}' })).reply.code).toBe('INVALID_PARAM');
    expect((await rawRequest({ ...modify, data: '{"$explode":{"n":2}}' })).reply.code).toBe('DATABASE_REQUEST_FAILED');
    expect((await rawRequest({ ...modify, merge: false, data: '{"$set":{"n":2}}' })).reply.code).toBe('INVALID_PARAM');
    expect((await rawRequest({ action: 'database.commitTransaction', transactionId: 'nope' })).reply.code).toBe('DATABASE_TRANSACTION_FAIL');
  });

  test('the server answers at most 1,000 documents whatever limit it is sent', async () => {
    await rawRequest({ action: 'database.addCollection', collectionName: 'capped' });
    const data = Array.from({ length: 1100 }, (_, i) => JSON.stringify({ n: i }));
    expect((await rawRequest({ action: 'database.insertDocument', collectionName: 'capped', data })).reply.data).toEqual({ insertedIds: expect.any(Array) });
    const { reply } = await rawRequest({ ...getDocument('{}'), collectionName: 'capped', limit: 5000 });
    expect((reply.data as { list: string[] }).list).toHaveLength(1000);
  });

  test('a collection that was never created: DATABASE_COLLECTION_NOT_EXIST for every operation', async () => {
    const db = connect(local).database();
    const missing = db.collection('never-created');
    for (const work of [missing.get(), missing.add({ a: 1 }), missing.doc('x').update({ a: 1 }), missing.count(), missing.where({ a: 1 }).remove(), missing.aggregate().match({}).end()]) {
      expect((await failureOf(work)).code).toBe('DATABASE_COLLECTION_NOT_EXIST');
    }
    await db.createCollection('created-once');
    expect((await failureOf(db.createCollection('created-once'))).code).toBe('DATABASE_COLLECTION_ALREADY_EXIST');
    expect((await db.collection('created-once').add({ a: 1 })).id).toBeTruthy();
  });

  test('the emulator keeps serving after garbage', async () => {
    const replies = [
      await rawRequest('\u0000\u0001garbage', { unsigned: true }),
      await rawRequest({ action: 'database.getDocument', collectionName: 'members', query: { not: 'a string' } }),
      await rawRequest({ action: 'database.aggregateDocuments', collectionName: 'members', stages: [{ stageKey: '$nope', stageValue: '{}' }] }),
      await rawRequest({ action: 'database.aggregateDocuments', collectionName: 'members', stages: 'x' }),
    ];
    expect(replies.map(({ reply }) => reply.code)).toEqual(['INVALID_PARAM', 'INVALID_PARAM', 'DATABASE_REQUEST_FAILED', 'INVALID_PARAM']);
    expect((await connect(local).database().collection('members').count()).total).toBe(0);
  });
});

describe('the older per-document transaction actions', () => {
  test('getInTransaction, updateDocInTransaction and deleteDocInTransaction answer EJSON text at the top level', async () => {
    const started = (await rawRequest({ action: 'database.startTransaction' })).reply;
    const transactionId = started.transactionId as string;
    expect(transactionId).toMatch(/^[0-9a-f]{32}$/);
    const inTransaction = (action: string, extra: Record<string, unknown>) =>
      rawRequest({ action: `database.${action}`, collectionName: 'orgs', transactionId, ...extra }).then(({ reply }) => reply);
    expect(await inTransaction('updateDocInTransaction', { _id: 'legacy-1', data: '{"n":{"$numberInt":"1"}}', upsert: true })).toMatchObject({
      updated: '0',
      upserted: JSON.stringify([{ _id: 'legacy-1' }]),
    });
    expect(await inTransaction('updateDocInTransaction', { _id: 'legacy-1', data: '{"$set":{"n":{"$numberInt":"2"}}}' })).toMatchObject({ updated: '1' });
    expect(JSON.parse((await inTransaction('getInTransaction', { _id: 'legacy-1' })).data as string)).toEqual({ _id: 'legacy-1', n: 2 });
    expect(await inTransaction('deleteDocInTransaction', { _id: 'legacy-1' })).toMatchObject({ deleted: '1' });
    expect((await inTransaction('getInTransaction', { _id: 'legacy-1' })).data).toBe('null');
    expect((await rawRequest({ action: 'database.abortTransaction', transactionId })).reply.code).toBeUndefined();
    expect((await connect(local).database().collection('orgs').doc('legacy-1').get()).data).toEqual([]);
  });
});

describe('request counting', () => {
  test('requests carrying call=<id> are counted per id, and taking the count clears it', async () => {
    const before = local.emulator.requestCount;
    const db = connect(local, { callId: 'call-7' }).database();
    await db.collection('members').get();
    await db.collection('members').count();
    await db.collection('orgs').where({ parentId: null }).get();
    expect(local.emulator.takeCallCount('call-7')).toBe(3);
    expect(local.emulator.takeCallCount('call-7')).toBe(0);
    expect(local.emulator.takeCallCount('never-seen')).toBe(0);
    expect(local.emulator.requestCount - before).toBe(3);
  });
});
