import tcb from '@cloudbase/node-sdk';
import { localSettings } from '../../emulator/settings';

/** The SDK's database at a running local host's /admin, as an organizer's script would use it. */
export function adminDatabase(hostUrl: string) {
  const settings = localSettings({});
  return tcb.init({ env: settings.env, secretId: settings.secretId, secretKey: settings.secretKey, serviceUrl: `${hostUrl}/admin` }).database();
}

/** Calls a function over the host's HTTP API as a demo persona; a refusal fails the test with its code. */
export async function callAs<T>(hostUrl: string, personaId: string, fn: string, action: string, data: unknown): Promise<T> {
  const session = (await (await fetch(`${hostUrl}/dev/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ persona: personaId }) })).json()) as { token: string };
  const reply = (await (await fetch(`${hostUrl}/api/${fn}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${session.token}` },
    body: JSON.stringify({ action, data }),
  })).json()) as { ok: boolean; data?: unknown; code?: string; message?: string };
  if (!reply.ok) throw new Error(`${fn}.${action} as ${personaId}: ${reply.code} ${reply.message}`);
  return reply.data as T;
}
