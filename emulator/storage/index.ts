import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { DatabaseError, invalidParam } from '../db/errors';
import { bucketFor, cloudPathProblem, fileIdFor, parseFileId } from './cloud-path';
import { FileStore, PathConflictError } from './file-store';
import { checkGrant, type FileAccess, signedFileUrl } from './url-signature';
import { readBody } from '../read-body';

export { signedFileUrl, type FileUrlGrant } from './url-signature';

export interface StorageEmulatorOptions {
  /** Where files live (`<dir>/files/<cloudPath>`); survives restarts. */
  dir: string;
  env: string;
  /** Signs and checks upload and temp download URLs. */
  secretKey: string;
  /** Injectable clock (ms) for tests of expiry. */
  now?: () => number;
}

export interface StorageEmulator {
  /** The bucket in this env's fileIDs: `cloud://<env>.<bucket>/<cloudPath>`. */
  readonly bucket: string;
  /**
   * Answers a `storage.*` action that reached `/admin` (after its signature and env checks), or undefined for any
   * other action. Errors are thrown as DatabaseError with CloudBase's codes.
   */
  serveAction(params: Record<string, unknown>, req: IncomingMessage): Record<string, unknown> | undefined;
  /** Serves an upload (PUT) or download (GET, HEAD) under `/storage/`; false when the path is not under `/storage/`. */
  handleRequest(req: IncomingMessage, res: ServerResponse): boolean;
  /** File transfers that carried `call=<callId>` (uploads made within a function call); removes the entry. */
  takeCallCount(callId: string): number;
  /** Removes every stored file. */
  reset(): void;
}

/** An upload URL is good for ten minutes, as COS's presigned upload URLs from CloudBase are. */
const uploadUrlSeconds = 600;
/** A temp URL lives one day when no max_age is given, and never longer (CloudBase's documented ceiling). */
const maxTempUrlSeconds = 86_400;
/** At most 50 files per getTempFileURL or deleteFile call, as CloudBase allows. */
const maxFilesPerRequest = 50;
/** Far above what the product stores (signature images are at most 512 KB); larger uploads are refused. */
export const maxUploadBytes = 20 * 1024 * 1024;

const contentTypes: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/** The Host header as the SDK sent it, which is how the caller reaches this emulator; refused if it could inject into a URL. */
function originOf(req: IncomingMessage): string {
  const host = req.headers.host;
  if (typeof host !== 'string' || !/^[A-Za-z0-9.\-[\]:]+$/.test(host)) throw invalidParam('the request has no usable Host header');
  return `http://${host}`;
}

function requestId(): string {
  return randomBytes(16).toString('hex');
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** COS answers file transfers it refuses with an XML `<Error>`; the SDK reads Code, Message, RequestId and TraceId from it. */
function sendXmlError(res: ServerResponse, status: number, code: string, message: string, resource: string): void {
  const id = requestId();
  const body = [
    "<?xml version='1.0' encoding='utf-8' ?>",
    '<Error>',
    `<Code>${escapeXml(code)}</Code>`,
    `<Message>${escapeXml(message)}</Message>`,
    `<Resource>${escapeXml(resource)}</Resource>`,
    `<RequestId>${id}</RequestId>`,
    `<TraceId>${id}</TraceId>`,
    '</Error>',
  ].join('\n');
  res.writeHead(status, { 'Content-Type': 'application/xml', 'Content-Length': Buffer.byteLength(body), 'x-cos-request-id': id });
  res.end(body);
}

function fileIdList(value: unknown, name: string): unknown[] {
  if (!Array.isArray(value) || value.length === 0) throw invalidParam(`${name} must be a non-empty array`);
  if (value.length > maxFilesPerRequest) throw invalidParam(`${name} may name at most ${maxFilesPerRequest} files`);
  return value;
}

/**
 * CloudBase file storage as @cloudbase/node-sdk 3.18.3 uses it. The `storage.*` actions arrive signed at `/admin`
 * beside the database's; the bytes move over URLs on this host (`/storage/<bucket>/<cloudPath>`) that carry an
 * HMAC of the access, bucket, path and expiry, the way COS presigned URLs do.
 */
export function createStorageEmulator(options: StorageEmulatorOptions): StorageEmulator {
  const files = new FileStore(options.dir);
  const bucket = bucketFor(options.env);
  const now = options.now ?? (() => Date.now());
  const nowSeconds = () => Math.floor(now() / 1000);
  const callCounts = new Map<string, number>();

  function getUploadMetadata(params: Record<string, unknown>, req: IncomingMessage) {
    const cloudPath = params.path;
    const problem = cloudPathProblem(cloudPath);
    if (problem) throw invalidParam(problem);
    if (params.method !== undefined && params.method !== 'put') throw invalidParam('the emulator takes uploads by PUT only');
    const expiresAt = nowSeconds() + uploadUrlSeconds;
    const url = signedFileUrl(originOf(req), { access: 'PUT', bucket, cloudPath: cloudPath as string, expiresAt }, options.secretKey);
    // Uploads made inside a function call are counted against it, like the /admin requests that carry `call`.
    const callId = new URL(req.url ?? '/', 'http://localhost').searchParams.get('call');
    const uploadUrl = callId ? `${encodeURI(url)}&call=${encodeURIComponent(callId)}` : encodeURI(url);
    const token = randomBytes(16).toString('hex');
    return {
      data: {
        url: uploadUrl,
        token,
        authorization: token,
        fileId: fileIdFor(options.env, bucket, cloudPath as string),
        cosFileId: randomBytes(12).toString('hex'),
        download_url: '',
      },
    };
  }

  function batchGetDownloadUrl(params: Record<string, unknown>, req: IncomingMessage) {
    const origin = originOf(req);
    const entries = fileIdList(params.file_list, 'file_list');
    const downloadList = entries.map((entry) => {
      const { fileid, max_age: maxAge } = (entry ?? {}) as { fileid?: unknown; max_age?: unknown };
      if (typeof fileid !== 'string' || fileid === '') throw invalidParam('every file_list entry needs a fileid string');
      if (maxAge !== undefined && (typeof maxAge !== 'number' || !Number.isInteger(maxAge) || maxAge <= 0)) {
        throw invalidParam('max_age must be a positive whole number of seconds');
      }
      const parsed = parseFileId(fileid, options.env, bucket);
      if ('problem' in parsed) return { fileID: fileid, tempFileURL: '', code: 'INVALID_PARAM', message: parsed.problem };
      if (!files.stat(parsed.cloudPath)) return { fileID: fileid, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST', message: '文件不存在' };
      const expiresAt = nowSeconds() + Math.min(maxAge ?? maxTempUrlSeconds, maxTempUrlSeconds);
      const tempFileURL = signedFileUrl(origin, { access: 'GET', bucket, cloudPath: parsed.cloudPath, expiresAt }, options.secretKey);
      return { fileID: fileid, tempFileURL, code: 'SUCCESS' };
    });
    return { data: { download_list: downloadList } };
  }

  function batchDeleteFile(params: Record<string, unknown>) {
    const entries = fileIdList(params.fileid_list, 'fileid_list');
    if (!entries.every((entry) => typeof entry === 'string' && entry !== '')) throw invalidParam('fileid_list must hold fileID strings');
    const deleteList = (entries as string[]).map((fileid) => {
      const parsed = parseFileId(fileid, options.env, bucket);
      if ('problem' in parsed) return { fileID: fileid, code: 'INVALID_PARAM', message: parsed.problem };
      if (!files.remove(parsed.cloudPath)) return { fileID: fileid, code: 'STORAGE_FILE_NONEXIST', message: '文件不存在' };
      return { fileID: fileid, code: 'SUCCESS' };
    });
    return { data: { delete_list: deleteList } };
  }

  function serveAction(params: Record<string, unknown>, req: IncomingMessage) {
    const action = params.action;
    if (typeof action !== 'string' || !action.startsWith('storage.')) return undefined;
    switch (action) {
      case 'storage.getUploadMetadata':
        return getUploadMetadata(params, req);
      case 'storage.batchGetDownloadUrl':
        return batchGetDownloadUrl(params, req);
      case 'storage.batchDeleteFile':
        return batchDeleteFile(params);
      default:
        throw new DatabaseError('INVALID_ACTION', `${action} is not served by the storage emulator`);
    }
  }

  async function serveFile(req: IncomingMessage, res: ServerResponse, rawPath: string, query: URLSearchParams) {
    const [bucketSegment, ...rest] = rawPath.slice('/storage/'.length).split('/');
    let cloudPath: string;
    try {
      cloudPath = decodeURIComponent(rest.join('/'));
    } catch {
      return sendXmlError(res, 400, 'InvalidURI', 'the path is not valid percent-encoding', rawPath);
    }
    const problem = cloudPathProblem(cloudPath);
    if (problem) return sendXmlError(res, 400, 'InvalidURI', problem, rawPath);
    if (bucketSegment !== bucket) return sendXmlError(res, 404, 'NoSuchBucket', 'The specified bucket does not exist.', rawPath);
    const method = req.method ?? 'GET';
    if (method !== 'PUT' && method !== 'GET' && method !== 'HEAD') {
      return sendXmlError(res, 405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.', rawPath);
    }
    const access: FileAccess = method === 'PUT' ? 'PUT' : 'GET';
    const expiresAt = Number(query.get('t'));
    const check = Number.isInteger(expiresAt)
      ? checkGrant({ access, bucket, cloudPath, expiresAt }, query.get('sign'), options.secretKey, nowSeconds())
      : 'forged';
    if (check === 'forged') {
      return sendXmlError(res, 403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.', rawPath);
    }
    if (check === 'expired') return sendXmlError(res, 403, 'AccessDenied', 'Request has expired', rawPath);
    const callId = query.get('call');
    if (callId) callCounts.set(callId, (callCounts.get(callId) ?? 0) + 1);
    if (access === 'PUT') return receiveUpload(req, res, cloudPath, rawPath);
    return sendFile(req, res, cloudPath, rawPath, expiresAt);
  }

  async function receiveUpload(req: IncomingMessage, res: ServerResponse, cloudPath: string, rawPath: string) {
    const declared = Number(req.headers['content-length']);
    const content = declared > maxUploadBytes ? 'too-large' : await readBody(req, maxUploadBytes);
    if (content === 'too-large') {
      res.setHeader('Connection', 'close');
      return sendXmlError(res, 400, 'EntityTooLarge', `Your proposed upload exceeds the maximum allowed object size (${maxUploadBytes} bytes).`, rawPath);
    }
    try {
      files.write(cloudPath, content);
    } catch (error) {
      if (error instanceof PathConflictError) return sendXmlError(res, 409, 'InvalidArgument', error.message, rawPath);
      throw error;
    }
    res.writeHead(200, { ETag: `"${createHash('md5').update(content).digest('hex')}"`, 'Content-Length': 0, 'x-cos-request-id': requestId() });
    res.end();
  }

  function sendFile(req: IncomingMessage, res: ServerResponse, cloudPath: string, rawPath: string, expiresAt: number) {
    const content = files.read(cloudPath);
    if (!content) return sendXmlError(res, 404, 'NoSuchKey', 'The specified key does not exist.', rawPath);
    res.writeHead(200, {
      'Content-Type': contentTypes[path.extname(cloudPath).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': content.length,
      ETag: `"${createHash('md5').update(content).digest('hex')}"`,
      'Cache-Control': `private, max-age=${Math.max(0, expiresAt - nowSeconds())}`,
      'X-Content-Type-Options': 'nosniff',
      // An H5 page on another dev origin may draw the image on a canvas (the pledge certificate) without tainting it.
      'Access-Control-Allow-Origin': '*',
    });
    res.end(req.method === 'HEAD' ? undefined : content);
  }

  return {
    bucket,
    serveAction,
    handleRequest(req, res) {
      const target = req.url ?? '/';
      const queryStart = target.indexOf('?');
      const rawPath = queryStart === -1 ? target : target.slice(0, queryStart);
      const rawQuery = queryStart === -1 ? '' : target.slice(queryStart + 1);
      if (!rawPath.startsWith('/storage/')) return false;
      serveFile(req, res, rawPath, new URLSearchParams(rawQuery)).catch((error: unknown) => {
        console.error('storage emulator error', error);
        if (!res.headersSent) sendXmlError(res, 500, 'InternalError', 'We encountered an internal error. Please try again.', rawPath);
        else res.end();
      });
      return true;
    },
    takeCallCount(callId) {
      const count = callCounts.get(callId) ?? 0;
      callCounts.delete(callId);
      return count;
    },
    reset() {
      files.reset();
    },
  };
}
