import Taro from '@tarojs/taro';
import { errorMessages, type Reply } from '../../cloudfunctions/shared/contract/errors';
import { clearToken, personaPickerUrl, readToken } from './session';

/** Actions a signed-out visitor may call: verifying a certificate someone showed them needs no account. */
const signInFreeActions = new Set(['pledge.verify']);

export async function send(fn: string, action: string, data: unknown): Promise<Reply<unknown>> {
  const token = readToken();
  if (!token && !signInFreeActions.has(`${fn}.${action}`)) {
    return signedOut();
  }
  const response = await fetch(`/api/${fn}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ action, data }),
  });
  if (response.status === 401) {
    clearToken();
    return signedOut();
  }
  let reply: Reply<unknown>;
  try {
    reply = (await response.json()) as Reply<unknown>;
  } catch {
    // A proxy error page or an empty body: the host answered, but not with a Reply.
    return { ok: false, code: 'INTERNAL', message: errorMessages.INTERNAL };
  }
  if (!reply.ok && reply.code === 'UNAUTHENTICATED') {
    clearToken();
    return signedOut();
  }
  return reply;
}

function signedOut(): Reply<unknown> {
  const pages = Taro.getCurrentPages();
  const route = pages.length > 0 ? pages[pages.length - 1].route : undefined;
  if (!route || !personaPickerUrl.endsWith(route)) {
    Taro.reLaunch({ url: personaPickerUrl });
  }
  return { ok: false, code: 'UNAUTHENTICATED', message: errorMessages.UNAUTHENTICATED };
}
