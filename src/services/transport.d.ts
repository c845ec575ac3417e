import type { Reply } from '../../cloudfunctions/shared/contract/errors';

/**
 * Sends one action to a cloud function and resolves with its Reply; rejects only when the call never
 * got an answer. Taro picks transport.weapp.ts or transport.h5.ts by platform when it builds.
 */
export declare function send(fn: string, action: string, data: unknown): Promise<Reply<unknown>>;
