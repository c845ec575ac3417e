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
