/** COS limits an object key to 850 bytes; CloudBase cloud paths are COS keys. */
export const maxCloudPathBytes = 850;

/**
 * CloudBase allows letters, digits, `/ ! - _ . , *` and Chinese characters in a cloud path
 * (docs.cloudbase.net, uploadFile). Nothing else is accepted, which also keeps `\`, `%`, `?`, `#`, spaces and
 * control characters out of file names on disk and out of the URLs built from them.
 */
const allowedCharacters = /^[0-9A-Za-z/!\-_.,*\u3400-\u4dbf\u4e00-\u9fff]+$/;

/** Why a cloud path is refused, or null when it is acceptable. Refuses every form of path traversal. */
export function cloudPathProblem(cloudPath: unknown): string | null {
  if (typeof cloudPath !== 'string' || cloudPath === '') return 'cloudPath must be a non-empty string';
  if (Buffer.byteLength(cloudPath, 'utf8') > maxCloudPathBytes) return `cloudPath is longer than ${maxCloudPathBytes} bytes`;
  if (!allowedCharacters.test(cloudPath)) return 'cloudPath may contain only letters, digits, Chinese characters and / ! - _ . , *';
  if (cloudPath.startsWith('/')) return 'cloudPath must not start with /';
  for (const segment of cloudPath.split('/')) {
    if (segment === '') return 'cloudPath must not contain empty segments or end with /';
    if (segment === '.' || segment === '..') return 'cloudPath must not contain . or .. segments';
  }
  return null;
}

/**
 * CloudBase names a bucket `<hex of the env's first two characters>-<env>-<appid>`, e.g.
 * `cloud://test-28farb.7465-test-28farb-1258883085/a.png`; the emulator follows the pattern with a made-up appid.
 */
export function bucketFor(env: string): string {
  return `${Buffer.from(env.slice(0, 2), 'utf8').toString('hex')}-${env}-1250000000`;
}

export function fileIdFor(env: string, bucket: string, cloudPath: string): string {
  return `cloud://${env}.${bucket}/${cloudPath}`;
}

/** The cloud path a fileID names in this env and bucket; a reason when it names another place or an unacceptable path. */
export function parseFileId(fileId: string, env: string, bucket: string): { cloudPath: string } | { problem: string } {
  const prefix = `cloud://${env}.${bucket}/`;
  if (!fileId.startsWith(prefix)) return { problem: `fileID must start with ${prefix}` };
  const cloudPath = fileId.slice(prefix.length);
  const problem = cloudPathProblem(cloudPath);
  return problem ? { problem } : { cloudPath };
}
