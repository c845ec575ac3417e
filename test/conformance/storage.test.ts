import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { sign } from '@cloudbase/signature-nodejs';
import { maxUploadBytes, signedFileUrl } from '../../emulator/storage';
import { connect, startTestEmulator, type TestEmulator } from '../support/emulator';
import { failureOf } from './target';

let local: TestEmulator;
let clock = Date.now();

beforeAll(async () => {
  local = await startTestEmulator({ now: () => clock });
});

afterAll(() => local.close());

beforeEach(() => {
  clock = Date.now();
});

/** A minimal PNG header followed by random bytes: distinct content per call. */
function pngBytes(size = 2048): Buffer {
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), randomBytes(size)]);
}

async function upload(cloudPath: string, content: Buffer = pngBytes()): Promise<string> {
  const { fileID } = await connect(local).uploadFile({ cloudPath, fileContent: content });
  return fileID;
}

async function tempUrl(fileID: string, maxAge = 600): Promise<{ code: string; tempFileURL: string }> {
  const { fileList } = await connect(local).getTempFileURL({ fileList: [{ fileID, maxAge }] });
  return fileList[0] as { code: string; tempFileURL: string };
}

/** Sends a signed `/admin` request with a body the SDK itself would refuse to build. */
function signedAction(body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const url = `${local.serviceUrl}?env=${local.env}&seqId=raw`;
  const params = { envName: local.env, ...body };
  const headers: Record<string, string> = { 'content-type': 'application/json', host: new URL(url).host };
  const signature = sign({ secretId: local.secretId, secretKey: local.secretKey, method: 'post', url, params, headers, withSignedParams: true, timestamp: Math.floor(Date.now() / 1000) });
  return fetch(url, {
    method: 'POST',
    headers: { ...headers, authorization: signature.authorization, 'x-timestamp': String(signature.timestamp) },
    body: JSON.stringify(params),
  }).then((response) => response.json() as Promise<Record<string, unknown>>);
}

/** A request with its path exactly as given: fetch would resolve `..` segments before sending. */
function rawGet(rawPath: string): Promise<{ status: number; body: string }> {
  const { port } = new URL(local.serviceUrl);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function listFiles(directory: string): string[] {
  return (readdirSync(directory, { recursive: true }) as string[]).sort();
}

function origin(): string {
  return new URL(local.serviceUrl).origin;
}

describe('upload, temp URL, download', () => {
  test('an uploaded file comes back byte for byte through its temp URL and through downloadFile', async () => {
    const content = pngBytes();
    const fileID = await upload('pledge/signatures/m1-v1.png', content);
    expect(fileID).toBe(`cloud://${local.env}.${local.storage.bucket}/pledge/signatures/m1-v1.png`);

    const { code, tempFileURL } = await tempUrl(fileID);
    expect(code).toBe('SUCCESS');
    expect(tempFileURL.startsWith(`${origin()}/storage/${local.storage.bucket}/pledge/signatures/m1-v1.png?`)).toBe(true);
    const response = await fetch(tempFileURL);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await response.arrayBuffer()).equals(content)).toBe(true);

    const { fileContent } = await connect(local).downloadFile({ fileID });
    expect(Buffer.isBuffer(fileContent) && fileContent.equals(content)).toBe(true);
  });

  test('Chinese cloud paths, stream uploads and HEAD (getFileInfo) work as on CloudBase', async () => {
    const content = pngBytes(10_000);
    const directory = mkdtempSync(path.join(os.tmpdir(), 'xinlian-upload-'));
    try {
      const source = path.join(directory, 'source.png');
      writeFileSync(source, content);
      const { fileID } = await connect(local).uploadFile({ cloudPath: '公约/签名/张三.png', fileContent: createReadStream(source) });
      const { fileContent } = await connect(local).downloadFile({ fileID });
      expect((fileContent as Buffer).equals(content)).toBe(true);
      const { fileList } = await connect(local).getFileInfo({ fileList: [{ fileID, maxAge: 60 }] as never });
      expect(fileList[0]).toMatchObject({ code: 'SUCCESS', size: content.length, mime: 'image/png', fileName: '张三.png' });
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  test('uploading to the same path replaces the file', async () => {
    const fileID = await upload('replace/me.png');
    const second = pngBytes();
    expect(await upload('replace/me.png', second)).toBe(fileID);
    expect(((await connect(local).downloadFile({ fileID })).fileContent as Buffer).equals(second)).toBe(true);
  });

  test('temp URLs of several files, known and unknown, come back per file in request order', async () => {
    const first = await upload('batch/a.jpg');
    const missing = `cloud://${local.env}.${local.storage.bucket}/batch/none.jpg`;
    const { fileList } = await connect(local).getTempFileURL({ fileList: [first, missing] });
    expect(fileList.map((file) => [file.fileID, file.code])).toEqual([
      [first, 'SUCCESS'],
      [missing, 'STORAGE_FILE_NONEXIST'],
    ]);
    expect((await fetch(fileList[0].tempFileURL)).headers.get('content-type')).toBe('image/jpeg');
  });

  test('concurrent uploads each land whole: distinct paths all readable, one path ends with one complete upload', async () => {
    const contents = Array.from({ length: 12 }, () => pngBytes(50_000));
    const ids = await Promise.all(contents.map((content, index) => upload(`concurrent/${index}.png`, content)));
    const stored = await Promise.all(ids.map(async (fileID) => (await connect(local).downloadFile({ fileID })).fileContent as Buffer));
    expect(stored.every((content, index) => content.equals(contents[index]))).toBe(true);

    const [shared] = await Promise.all(contents.map((content) => upload('concurrent/shared.png', content)));
    const final = (await connect(local).downloadFile({ fileID: shared })).fileContent as Buffer;
    expect(contents.some((content) => content.equals(final))).toBe(true);
    expect(readdirSync(path.join(local.storageDir, 'incoming'))).toEqual([]);
  });

  test('an upload made inside a function call counts as two round trips (metadata, bytes); a temp URL as one', async () => {
    const app = connect(local, { callId: 'storage-count' });
    const { fileID } = await app.uploadFile({ cloudPath: 'counted/one.png', fileContent: pngBytes() });
    expect(local.takeCallCount('storage-count')).toBe(2);
    await app.getTempFileURL({ fileList: [fileID] });
    expect(local.takeCallCount('storage-count')).toBe(1);
  });
});

describe('delete', () => {
  test('a deleted file is gone: STORAGE_FILE_NONEXIST for its temp URL, download and a second delete', async () => {
    const fileID = await upload('delete/me.png');
    const issued = await tempUrl(fileID);
    const { fileList } = await connect(local).deleteFile({ fileList: [fileID] });
    expect(fileList).toEqual([{ fileID, code: 'SUCCESS' }]);

    expect((await tempUrl(fileID)).code).toBe('STORAGE_FILE_NONEXIST');
    expect(await failureOf(connect(local).downloadFile({ fileID }))).toMatchObject({ code: 'STORAGE_FILE_NONEXIST' });
    expect((await connect(local).deleteFile({ fileList: [fileID] })).fileList).toEqual([expect.objectContaining({ fileID, code: 'STORAGE_FILE_NONEXIST' })]);
    // A URL handed out before the delete no longer finds the bytes.
    const stale = await fetch(issued.tempFileURL);
    expect(stale.status).toBe(404);
    expect(await stale.text()).toContain('<Code>NoSuchKey</Code>');
  });

  test('deleting leaves no empty folders behind and other files untouched', async () => {
    const keep = await upload('tidy/keep.png');
    const gone = await upload('tidy/deep/er/gone.png');
    await connect(local).deleteFile({ fileList: [gone] });
    expect(existsSync(path.join(local.storageDir, 'files/tidy/deep'))).toBe(false);
    expect((await tempUrl(keep)).code).toBe('SUCCESS');
  });
});

describe('persistence', () => {
  test('files survive closing and reopening the emulator; reset() wipes them with the database', async () => {
    const directory = mkdtempSync(path.join(os.tmpdir(), 'xinlian-storage-reopen-'));
    const file = path.join(directory, 'xinlian.sqlite');
    try {
      const content = pngBytes();
      const first = await startTestEmulator({ file });
      const { fileID } = await connect(first).uploadFile({ cloudPath: 'kept/sig.png', fileContent: content });
      await first.close();

      const second = await startTestEmulator({ file });
      expect(second.storageDir).toBe(path.join(directory, 'storage'));
      expect(((await connect(second).downloadFile({ fileID })).fileContent as Buffer).equals(content)).toBe(true);
      second.emulator.reset();
      expect(await failureOf(connect(second).downloadFile({ fileID }))).toMatchObject({ code: 'STORAGE_FILE_NONEXIST' });
      await second.close();
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe('signatures', () => {
  test('storage actions signed with a wrong key or for another env are refused like database ones', async () => {
    const fileID = await upload('signed/ok.png');
    const forged = connect(local, { secretKey: 'not-the-key' });
    expect(await failureOf(forged.uploadFile({ cloudPath: 'signed/forged.png', fileContent: pngBytes() }))).toMatchObject({ code: 'SIGN_PARAM_INVALID' });
    expect(await failureOf(forged.getTempFileURL({ fileList: [fileID] }))).toMatchObject({ code: 'SIGN_PARAM_INVALID' });
    expect(await failureOf(forged.deleteFile({ fileList: [fileID] }))).toMatchObject({ code: 'SIGN_PARAM_INVALID' });
    expect(await failureOf(forged.downloadFile({ fileID }))).toMatchObject({ code: 'SIGN_PARAM_INVALID' });
    const otherEnv = connect({ ...local, env: 'someone-else' });
    expect(await failureOf(otherEnv.getTempFileURL({ fileList: [fileID] }))).toMatchObject({ code: 'INVALID_ENV' });
    expect((await tempUrl(fileID)).code).toBe('SUCCESS');
    expect((await tempUrl(`cloud://${local.env}.${local.storage.bucket}/signed/forged.png`)).code).toBe('STORAGE_FILE_NONEXIST');
  });

  test('a temp URL stops working when it expires, and never lives longer than a day', async () => {
    const fileID = await upload('expiry/sig.png');
    const { tempFileURL } = await tempUrl(fileID, 60);
    expect((await fetch(tempFileURL)).status).toBe(200);
    clock += 61_000;
    const expired = await fetch(tempFileURL);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('<Code>AccessDenied</Code>');

    const { tempFileURL: long } = await tempUrl(fileID, 30 * 86_400);
    const expiresAt = Number(new URL(long).searchParams.get('t'));
    expect(expiresAt).toBeLessThanOrEqual(Math.floor(clock / 1000) + 86_400);
  });

  test('a forged, altered or misused URL is refused with 403', async () => {
    const fileID = await upload('forgery/sig.png');
    await upload('forgery/other.png');
    const { tempFileURL } = await tempUrl(fileID);
    const url = new URL(tempFileURL);
    const bucket = local.storage.bucket;

    const tamperedSign = new URL(tempFileURL);
    tamperedSign.searchParams.set('sign', '0'.repeat(64));
    const longer = new URL(tempFileURL);
    longer.searchParams.set('t', String(Number(url.searchParams.get('t')) + 86_400));
    const otherFile = `${origin()}/storage/${bucket}/forgery/other.png${url.search}`;
    const unsigned = `${origin()}/storage/${bucket}/forgery/sig.png`;
    const otherKey = signedFileUrl(origin(), { access: 'GET', bucket, cloudPath: 'forgery/sig.png', expiresAt: Math.floor(clock / 1000) + 600 }, 'not-the-key');
    for (const forged of [tamperedSign.toString(), longer.toString(), otherFile, unsigned, otherKey]) {
      const response = await fetch(forged);
      expect(response.status).toBe(403);
      expect(await response.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
    }

    // A download URL does not allow an upload, and a fresh upload URL is bound to its path and expiry.
    expect((await fetch(tempFileURL, { method: 'PUT', body: new Uint8Array(pngBytes()) })).status).toBe(403);
    const { data } = await connect(local).getUploadMetadata({ cloudPath: 'forgery/upload.png' });
    const uploadUrl = (data as { url: string }).url;
    expect((await fetch(uploadUrl.replace('forgery/upload.png', 'forgery/sig.png'), { method: 'PUT', body: new Uint8Array(pngBytes()) })).status).toBe(403);
    clock += 601_000;
    const late = await fetch(uploadUrl, { method: 'PUT', body: new Uint8Array(pngBytes()) });
    expect(late.status).toBe(403);
    expect(await late.text()).toContain('<Code>AccessDenied</Code>');
    clock = Date.now();
    expect((await tempUrl(`cloud://${local.env}.${bucket}/forgery/upload.png`)).code).toBe('STORAGE_FILE_NONEXIST');
  });

  test('an upload over the size limit is refused and stores nothing', async () => {
    const { data } = await connect(local).getUploadMetadata({ cloudPath: 'limits/huge.bin' });
    const response = await fetch((data as { url: string }).url, { method: 'PUT', body: new Uint8Array(maxUploadBytes + 1) });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('<Code>EntityTooLarge</Code>');
    expect((await tempUrl(`cloud://${local.env}.${local.storage.bucket}/limits/huge.bin`)).code).toBe('STORAGE_FILE_NONEXIST');
  });
});

describe('bad input', () => {
  test('path traversal and unacceptable cloud paths are refused before anything is written', async () => {
    const before = listFiles(local.storageDir);
    for (const cloudPath of ['../escape.png', 'a/../../escape.png', '/etc/passwd', 'a//b.png', 'a/./b.png', 'a\\..\\b.png', '%2e%2e/x.png', 'dir/', 'space here.png', '']) {
      expect(await failureOf(connect(local).uploadFile({ cloudPath, fileContent: pngBytes() }))).toMatchObject({ code: 'INVALID_PARAM' });
    }
    const bucket = local.storage.bucket;
    const foreign = [`cloud://${local.env}.${bucket}/../../escape.png`, `cloud://${local.env}.${bucket}/a/../b.png`, `cloud://other-env.${bucket}/a.png`, 'a.png', '/etc/passwd'];
    const { fileList } = await connect(local).getTempFileURL({ fileList: foreign });
    expect(fileList.map((file) => file.code)).toEqual(foreign.map(() => 'INVALID_PARAM'));
    expect((await connect(local).deleteFile({ fileList: foreign })).fileList.map((file) => file.code)).toEqual(foreign.map(() => 'INVALID_PARAM'));
    expect(listFiles(local.storageDir)).toEqual(before);
    expect(existsSync(path.resolve(local.storageDir, '..', 'escape.png'))).toBe(false);
    expect(existsSync(path.resolve(local.storageDir, 'escape.png'))).toBe(false);
  });

  test('traversal in a file URL is refused, whether literal or percent-encoded', async () => {
    await upload('inside/sig.png');
    const bucket = local.storage.bucket;
    const expiresAt = Math.floor(clock / 1000) + 600;
    for (const rawPath of [
      `/storage/${bucket}/../../../etc/passwd?t=${expiresAt}&sign=x`,
      `/storage/${bucket}/inside/..%2F..%2F..%2Fetc%2Fpasswd?t=${expiresAt}&sign=x`,
      `/storage/${bucket}/%2e%2e/%2e%2e/etc/passwd?t=${expiresAt}&sign=x`,
      `/storage/${bucket}/inside/%E0%A4%A?t=${expiresAt}&sign=x`,
    ]) {
      const { status, body } = await rawGet(rawPath);
      expect(status).toBe(400);
      expect(body).toContain('<Code>InvalidURI</Code>');
    }
    expect((await rawGet(`/storage/not-a-bucket/inside/sig.png?t=${expiresAt}&sign=x`)).status).toBe(404);
    // Even a correctly signed URL cannot name a path outside the storage (signing refuses nothing, the server does).
    const signed = signedFileUrl('', { access: 'GET', bucket, cloudPath: '../outside.png', expiresAt }, local.secretKey);
    expect((await rawGet(signed)).status).toBe(400);
  });

  test('malformed storage actions get INVALID_PARAM or INVALID_ACTION, never a crash', async () => {
    const fileID = await upload('params/ok.png');
    const replies = await Promise.all([
      signedAction({ action: 'storage.getUploadMetadata' }),
      signedAction({ action: 'storage.getUploadMetadata', path: 42 }),
      signedAction({ action: 'storage.getUploadMetadata', path: 'a.png', method: 'post' }),
      signedAction({ action: 'storage.batchGetDownloadUrl' }),
      signedAction({ action: 'storage.batchGetDownloadUrl', file_list: [] }),
      signedAction({ action: 'storage.batchGetDownloadUrl', file_list: 'x' }),
      signedAction({ action: 'storage.batchGetDownloadUrl', file_list: [null] }),
      signedAction({ action: 'storage.batchGetDownloadUrl', file_list: [{ fileid: 7 }] }),
      signedAction({ action: 'storage.batchGetDownloadUrl', file_list: [{ fileid: fileID, max_age: -1 }] }),
      signedAction({ action: 'storage.batchGetDownloadUrl', file_list: [{ fileid: fileID, max_age: '60' }] }),
      signedAction({ action: 'storage.batchGetDownloadUrl', file_list: Array.from({ length: 51 }, () => ({ fileid: fileID })) }),
      signedAction({ action: 'storage.batchDeleteFile', fileid_list: [1, 2] }),
      signedAction({ action: 'storage.batchDeleteFile', fileid_list: {} }),
    ]);
    expect(replies.map((reply) => reply.code)).toEqual(replies.map(() => 'INVALID_PARAM'));
    expect((await signedAction({ action: 'storage.batchCopyFile', file_list: [] })).code).toBe('INVALID_ACTION');
    expect((await tempUrl(fileID)).code).toBe('SUCCESS');
  });

  test('a method other than GET, HEAD or PUT on a file URL is refused', async () => {
    const { tempFileURL } = await tempUrl(await upload('methods/sig.png'));
    expect((await fetch(tempFileURL, { method: 'DELETE' })).status).toBe(405);
    expect((await fetch(tempFileURL, { method: 'HEAD' })).status).toBe(200);
  });
});
