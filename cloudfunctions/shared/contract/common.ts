import { z } from 'zod';
import type { GrantableRole } from './vocabulary';

/** Document ids: short, printable, never an object (a `{"$ne": null}` must not reach a query). */
export const idSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, '编号格式不正确');

/**
 * A client-made id for one tap of a button that creates something (a sign-up, an event, a club), so a request
 * retried after a lost answer answers the same instead of creating it twice.
 */
export const requestIdSchema = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, '请求编号格式不正确');

/** A calendar day in Asia/Shanghai, as members pick it in a date filter. */
export const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const pageSchema = z.number().int().min(1).max(1000).default(1);
export const pageSizeSchema = z.number().int().min(1).max(50).default(20);

export const emptyInput = z.strictObject({});

/** A base64 PNG or JPEG as clients send images (a data URL prefix is accepted); the function checks the bytes. */
export const base64ImagePattern = /^(data:image\/(png|jpeg|jpg);base64,)?[A-Za-z0-9+/]+={0,2}$/;

/** A page of a list; `hasMore` tells the client whether to offer "load more". */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  hasMore: boolean;
}

/** Instants travel as ISO-8601 UTC strings; the client formats them in Asia/Shanghai. */
export type Instant = string;

export interface RoleGrant {
  orgId: string;
  role: GrantableRole;
}
