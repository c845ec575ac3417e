import { ApiError, networkErrorMessage } from './api';
import { saveToken } from './session';

/** A demo identity the local host offers for signing the H5 build in. */
export interface Persona {
  id: string;
  name: string;
  role: string;
  roleLabel: string;
  orgName: string;
}

export async function listPersonas(): Promise<Persona[]> {
  const response = await request('/dev/personas', { method: 'GET' });
  // The brief's host answers a bare array; the local host wraps it as { personas }.
  const body = (await response.json()) as Persona[] | { personas: Persona[] };
  return Array.isArray(body) ? body : body.personas;
}

export async function signInAs(personaId: string): Promise<void> {
  const response = await request('/dev/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ persona: personaId }),
  });
  const { token } = (await response.json()) as { token: string };
  saveToken(token);
}

async function request(url: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch {
    throw new ApiError('NETWORK', networkErrorMessage);
  }
  if (!response.ok) {
    throw new ApiError('INTERNAL', '演示登录服务暂不可用，请确认本地服务已启动');
  }
  return response;
}
