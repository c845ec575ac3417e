import crypto from 'node:crypto';
import { Signer } from '@cloudbase/signature-nodejs';
import { tc3Signature } from '../../emulator/db/request-signature';

/** What the library the SDK signs with answers for the same request: the oracle for the emulator's own check. */
function librarySignature(request: Parameters<typeof tc3Signature>[0], secretKey: string, timestamp: number): string {
  const signer = new Signer({ secretId: 'id', secretKey }, 'tcb');
  return String(signer.tc3sign(request.method, request.url, request.headers, request.params, timestamp, { withSignedParams: true }).signature);
}

const sdkHeaders = {
  'content-type': 'application/json',
  'user-agent': 'tcb-node-sdk/3.18.3',
  'x-tcb-source': ',tencentcloud',
  'x-client-timestamp': '1795663129279',
  'x-sdk-version': 'tcb-node-sdk/3.18.3',
  host: '127.0.0.1:38521',
};

const requests: Parameters<typeof tc3Signature>[0][] = [
  {
    method: 'post',
    url: 'http://127.0.0.1:38521/admin?call=c4977&env=xinlian-local&seqId=1a215dceabf_3a7e',
    headers: sdkHeaders,
    params: {
      collectionName: 'registrations',
      data: ['{"_id":"ev_m","contact":{"name":"会员4976","mobile":"13900004976"},"arrival":{"$numberInt":"4974"}}'],
      action: 'database.insertDocument',
      envName: 'xinlian-local',
      wxCloudApiToken: '',
      tcb_sessionToken: '',
    },
  },
  {
    method: 'post',
    url: 'http://127.0.0.1:38521/admin?env=xinlian-local&seqId=7',
    headers: { ...sdkHeaders, 'X-TCB-Tracelog': ' Mixed Case Trace ', 'content-type': 'multipart/form-data; boundary=abc' },
    params: { query: '{"openId":"o-1"}', multi: false, limit: 1, offset: 0, nested: { a: [1, 'two', null] }, "quote's(*)!": 'x', Upper: ' padded ', skipped: undefined },
  },
  {
    method: 'post',
    url: 'http://localhost:9/admin/deep/path?x=1?y=2#fragment',
    headers: { ...sdkHeaders, host: 'localhost:9', 'x-a-b': 'v', 'x-ab': 'w', 'x_a': 'u' },
    params: { 'key-with-dash': 'a', key_with_underscore: 'b', keywith: 'c', emoji: '报名 ✓', empty: '', zero: 0 },
  },
  { method: 'get', url: 'http://127.0.0.1:1/admin', headers: { ...sdkHeaders, host: '127.0.0.1:1' }, params: { ignored: 'for GET' } },
];

describe('TC3 request signatures', () => {
  test.each(requests.map((request, n) => [n, request] as const))('request %i signs as @cloudbase/signature-nodejs signs it', (_n, request) => {
    for (const timestamp of [1795663128, 1795651200, 1795737599]) {
      expect(tc3Signature(request, 'the-secret-key', timestamp)).toBe(librarySignature(request, 'the-secret-key', timestamp));
    }
  });

  test('the key and the day both change the signature', () => {
    const [request] = requests;
    const base = tc3Signature(request, 'key-a', 1795663128);
    expect(tc3Signature(request, 'key-b', 1795663128)).not.toBe(base);
    expect(tc3Signature(request, 'key-a', 1795663128 + 86_400)).not.toBe(base);
    expect(tc3Signature(request, 'key-a', 1795663128 + 86_400)).toBe(librarySignature(request, 'key-a', 1795663128 + 86_400));
  });

  test('a host header other than the URL host is refused, as the library refuses it', () => {
    const request = { ...requests[0], headers: { ...sdkHeaders, host: 'elsewhere:1' } };
    expect(() => tc3Signature(request, 'k', 1795663128)).toThrow(/host/);
    expect(() => librarySignature(request, 'k', 1795663128)).toThrow(/host/);
  });
});

/**
 * The signing library is patched (patches/README.md) to keep the day's key and the encoded names between requests.
 * These are the signatures the unpatched @cloudbase/signature-nodejs 2.2.0 made for `requests` plus a multipart upload
 * with a file between strings, per key and day; signing alternates keys and days so a kept key can never answer for
 * another.
 */
const multipartUpload = {
  method: 'post',
  url: 'http://127.0.0.1:38521/admin?action=storage.uploadFile',
  headers: { ...sdkHeaders, 'content-type': 'multipart/form-data; boundary=x' },
  params: { action: 'storage.uploadFile', file: Buffer.from([0, 1, 2, 250, 251]), path: '报名/名单.xlsx', zeta: 'z' },
};
const unpatchedSignatures: Record<string, string[]> = {
  'the-secret-key 1795663128': [
    'f517ad964e4cf8d488edadad51c7be12b095bd409d780b52ac9b75c5b4efa3d9',
    'fa7ce4f0bb141e3f1443d4741729ef92cf54891e8461b7e9ab2c775c557249ce',
    'c658ba6c43910c52b9f6474afe622d9990a906db049d44aec6112045823d6c8a',
    'd1667fac5989d1ff3ace14375f2043b13953f6179962a7f39da9e06593cadcc7',
    'a6034cae4223ce02ef10342aa11bf9940ebc4c9f6aa246a70827accc0ee6d6f9',
  ],
  'another-key 1795663128': [
    '8592bcb5d0a69f69d48fb02da679fe155e66f6af24cd219add9003df5c658d87',
    'f73457651fd3d2511e321ec36ae136f413cd6258b59df6317d6f6265a5aee558',
    'f62a329b8f7f14f15164c1284de0dbeb99404d1cfcf55d27384ce0080a2bcf66',
    'e4f52cc3975a1075b8c9bdb2ba879323b14cf51f59290b77b441d5ebb8f1f1a6',
    '9c88cc997cbc267189f46b999ddd53c7d8d5d9f3ee68ec53fe25c593623da6db',
  ],
  'the-secret-key 1795737600': [
    '6d2bdb79a30546b1d6b3dc3f0f888c93e7536655080f13b8beaa6fe285364390',
    '01f5421366a60de00bfab11d22fb7ba889424194f23635cac934e7c502b5cbc4',
    'da6a2f504104938092fa5cdd1106ca95bead407d2bcebfd16244cdc3ef90c038',
    'd858c0a5706e512bb8c8d7a450d2e1600f6ecf245b48ff491b050a33fe8f753e',
    'cb09e400dc8fb51c4716cc591a02278b174a75276f16a7ea8ec93489aa232a32',
  ],
};

describe('the patched signing library', () => {
  const signed = (secretKey: string, timestamp: number) =>
    [...requests, multipartUpload].map((request) =>
      String(new Signer({ secretId: 'id', secretKey }, 'tcb').tc3sign(request.method, request.url, request.headers, request.params, timestamp, { withSignedParams: true }).signature));

  test('signs exactly as the unpatched library did, whichever key and day came before', () => {
    for (const run of ['the-secret-key 1795663128', 'another-key 1795663128', 'the-secret-key 1795737600', 'the-secret-key 1795663128', 'another-key 1795663128']) {
      const [secretKey, timestamp] = run.split(' ');
      expect(signed(secretKey, Number(timestamp))).toEqual(unpatchedSignatures[run]);
    }
  });

  test('derives the day’s key once: one HMAC per further request of the same day', () => {
    signed('a-fresh-key', 1795663128);
    const hmac = jest.spyOn(crypto, 'createHmac');
    try {
      signed('a-fresh-key', 1795663128);
      expect(hmac).toHaveBeenCalledTimes(requests.length + 1);
      hmac.mockClear();
      signed('a-fresh-key', 1795663128 + 86_400);
      expect(hmac).toHaveBeenCalledTimes(requests.length + 1 + 3);
    } finally {
      hmac.mockRestore();
    }
  });
});
