import type { ActionInput, ActionName, ActionOutput, FunctionName } from '../../cloudfunctions/shared/contract';
import { errorMessages } from '../../cloudfunctions/shared/contract/errors';
import { send } from './transport';

export const networkErrorMessage = '网络异常，请检查网络后重试';

/** A failed call: `code` is the server's stable code (or NETWORK), `message` the Chinese text to show. */
export class ApiError extends Error {
  readonly code: string;
  readonly field?: string;

  constructor(code: string, message: string, field?: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.field = field;
  }
}

export function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError('INTERNAL', errorMessages.INTERNAL);
}

export async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  data: ActionInput<F, A>,
): Promise<ActionOutput<F, A>> {
  let reply: unknown;
  try {
    reply = await send(fn, action, data);
  } catch {
    throw new ApiError('NETWORK', networkErrorMessage);
  }
  if (!isReply(reply)) {
    throw new ApiError('INTERNAL', errorMessages.INTERNAL);
  }
  if (reply.ok) {
    return reply.data as ActionOutput<F, A>;
  }
  throw new ApiError(reply.code, reply.message || messageFor(reply.code), reply.field);
}

type AnyReply = { ok: true; data: unknown } | { ok: false; code: string; message: string; field?: string };

function isReply(value: unknown): value is AnyReply {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Record<'ok' | 'code', unknown>>;
  return candidate.ok === true || (candidate.ok === false && typeof candidate.code === 'string');
}

function messageFor(code: string): string {
  return code in errorMessages ? errorMessages[code as keyof typeof errorMessages] : errorMessages.INTERNAL;
}
