import type { Reply } from '../../cloudfunctions/shared/contract/errors';

// The transport file is chosen per platform at build time; each test supplies the one it needs.
const send = jest.fn<Promise<Reply<unknown>>, [string, string, unknown]>();
jest.mock('../../src/services/transport', () => ({ send: (...args: [string, string, unknown]) => send(...args) }), { virtual: true });

const storage = new Map<string, unknown>();
const mockTaro = {
  getStorageSync: (key: string) => storage.get(key) ?? '',
  setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
  removeStorageSync: (key: string) => void storage.delete(key),
  reLaunch: jest.fn(),
  getCurrentPages: jest.fn<{ route: string }[], []>(() => [{ route: 'pages/events/index' }]),
};
// A getter, because jest hoists this factory above the object it hands out.
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  get default() {
    return mockTaro;
  },
}));

import { ApiError, call } from '../../src/services/api';
import { send as sendOverHttp } from '../../src/services/transport.h5';
import { readToken, saveToken } from '../../src/services/session';

beforeEach(() => {
  send.mockReset();
  mockTaro.reLaunch.mockReset();
  storage.clear();
});

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('call', () => {
  it('sends the function, action and input, and resolves with the data', async () => {
    send.mockResolvedValue({ ok: true, data: { items: [], page: 1, pageSize: 10, hasMore: false } });
    await expect(call('events', 'list', { page: 1, pageSize: 10 })).resolves.toEqual({ items: [], page: 1, pageSize: 10, hasMore: false });
    expect(send).toHaveBeenCalledWith('events', 'list', { page: 1, pageSize: 10 });
  });

  it('throws the server’s code, Chinese message and field', async () => {
    send.mockResolvedValue({ ok: false, code: 'VALIDATION_FAILED', message: '请输入11位手机号码', field: 'mobile' });
    const error = await failureOf(call('members', 'saveProfile', { name: '林晓', mobile: '1', sector: 'newmedia' }));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', message: '请输入11位手机号码', field: 'mobile' });
  });

  it('fills in the standard message when the server gives none', async () => {
    send.mockResolvedValue({ ok: false, code: 'PROFILE_REQUIRED', message: '' });
    await expect(failureOf(call('orgs', 'join', { orgId: 'org-general' }))).resolves.toMatchObject({ code: 'PROFILE_REQUIRED', message: '请先完善个人资料' });
  });

  it('turns a call that never got an answer into NETWORK', async () => {
    send.mockRejectedValue(new Error('request:fail timeout'));
    await expect(failureOf(call('members', 'me', {}))).resolves.toMatchObject({ code: 'NETWORK', message: '网络异常，请检查网络后重试' });
  });

  it('treats an answer that is not a Reply as INTERNAL', async () => {
    send.mockResolvedValue(undefined as unknown as Reply<unknown>);
    await expect(failureOf(call('members', 'me', {}))).resolves.toMatchObject({ code: 'INTERNAL', message: '系统繁忙，请稍后重试' });
  });
});

describe('H5 transport', () => {
  const fetchMock = jest.fn<Promise<Response>, [string, RequestInit]>();
  beforeAll(() => {
    global.fetch = fetchMock as unknown as typeof fetch;
  });
  beforeEach(() => fetchMock.mockReset());

  it('posts the action with the session token and returns the JSON Reply', async () => {
    saveToken('token-1');
    fetchMock.mockResolvedValue(new Response(JSON.stringify({ ok: true, data: { deleted: true } }), { status: 200 }));
    await expect(sendOverHttp('members', 'deleteAccount', { confirm: 'DELETE' })).resolves.toEqual({ ok: true, data: { deleted: true } });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/members');
    expect(init.method).toBe('POST');
    expect(init.headers).toMatchObject({ 'Content-Type': 'application/json', Authorization: 'Bearer token-1' });
    expect(JSON.parse(String(init.body))).toEqual({ action: 'deleteAccount', data: { confirm: 'DELETE' } });
  });

  it('without a token asks nothing and opens the persona picker', async () => {
    await expect(sendOverHttp('members', 'me', {})).resolves.toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(fetchMock).not.toHaveBeenCalled();
    expect(mockTaro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
  });

  it('lets a signed-out visitor verify a pledge certificate, without a token and without the persona picker', async () => {
    fetchMock.mockResolvedValue(new Response(JSON.stringify({ ok: true, data: { status: 'unknown', serial: 'XL-ABCDE23456' } }), { status: 200 }));
    await expect(sendOverHttp('pledge', 'verify', { serial: 'XL-ABCDE23456' })).resolves.toMatchObject({ ok: true });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/pledge');
    expect(init.headers).not.toHaveProperty('Authorization');
    expect(mockTaro.reLaunch).not.toHaveBeenCalled();

    await expect(sendOverHttp('pledge', 'sign', {})).resolves.toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('on 401 forgets the token and opens the persona picker once, not again from the picker itself', async () => {
    saveToken('expired');
    fetchMock.mockResolvedValue(new Response('{}', { status: 401 }));
    await expect(sendOverHttp('orgs', 'tree', {})).resolves.toMatchObject({ ok: false, code: 'UNAUTHENTICATED', message: '请先登录' });
    expect(readToken()).toBe('');
    expect(mockTaro.reLaunch).toHaveBeenCalledTimes(1);

    mockTaro.getCurrentPages.mockReturnValueOnce([{ route: 'pages/login/index' }]);
    await sendOverHttp('orgs', 'tree', {});
    expect(mockTaro.reLaunch).toHaveBeenCalledTimes(1);
  });

  it('treats an UNAUTHENTICATED reply like a 401', async () => {
    saveToken('unknown-persona');
    fetchMock.mockResolvedValue(new Response(JSON.stringify({ ok: false, code: 'UNAUTHENTICATED', message: '请先登录' }), { status: 200 }));
    await expect(sendOverHttp('members', 'me', {})).resolves.toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(readToken()).toBe('');
    expect(mockTaro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
  });

  it('answers INTERNAL when the host replies with something that is not JSON', async () => {
    saveToken('token-1');
    fetchMock.mockResolvedValue(new Response('<html>502 Bad Gateway</html>', { status: 502 }));
    await expect(sendOverHttp('events', 'list', {})).resolves.toEqual({ ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后重试' });
  });

  it('lets a failed fetch reject, which call reports as NETWORK', async () => {
    saveToken('token-1');
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    await expect(sendOverHttp('events', 'list', {})).rejects.toThrow('Failed to fetch');
  });
});
