import { randomBytes } from 'node:crypto';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import type { ArticleChange, PledgeArticle } from '../contract/pledge';
import type { Sector, SignatureStatus } from '../contract/vocabulary';
import type { MemberDoc, OrgDoc, PledgeSignatureDoc, PledgeVersionDoc } from '../data/documents';
import { AppError } from './app-error';
import { displayTimeZone } from './shanghai-time';

dayjs.extend(utc);
dayjs.extend(timezone);

/** 32 symbols without the look-alikes 0/O and 1/I, so a serial read off paper is typed right. */
export const serialAlphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A random certificate serial `XL-` + 10 symbols (50 bits): guessing someone's is hopeless. */
export function newSerial(random: (size: number) => Uint8Array = randomBytes): string {
  const bytes = random(10);
  // 32 divides 256, so taking the low five bits keeps every symbol equally likely.
  return `XL-${Array.from(bytes, (byte) => serialAlphabet[byte & 31]).join('')}`;
}

export function pledgeVersionId(version: number): string {
  return `pledge-v${version}`;
}

/** The first signing of a version collides with any repeat of it; signing again after a withdrawal gets a new id. */
export function signatureId(versionId: string, memberId: string, attempt: number): string {
  return attempt <= 1 ? `${versionId}_${memberId}` : `${versionId}_${memberId}_r${attempt}`;
}

/** Article by article, by number: what a member who signed `before` needs to read again in `after`. */
export function diffArticles(before: PledgeArticle[], after: PledgeArticle[]): ArticleChange[] {
  const beforeByNo = new Map(before.map((article) => [article.no, article]));
  const afterByNo = new Map(after.map((article) => [article.no, article]));
  const numbers = [...new Set([...beforeByNo.keys(), ...afterByNo.keys()])].sort((a, b) => a - b);
  const changes: ArticleChange[] = [];
  for (const no of numbers) {
    const old = beforeByNo.get(no) ?? null;
    const now = afterByNo.get(no) ?? null;
    if (!old && now) changes.push({ no, change: 'added', before: null, after: now });
    else if (old && !now) changes.push({ no, change: 'removed', before: old, after: null });
    else if (old && now && (old.title !== now.title || old.body !== now.body)) changes.push({ no, change: 'changed', before: old, after: now });
  }
  return changes;
}

/** Articles are numbered in the order given, so an admin edits text and never numbers. */
export function numberArticles(articles: { title: string; body: string }[]): PledgeArticle[] {
  return articles.map((article, index) => ({ no: index + 1, title: article.title, body: article.body }));
}

/** "Superseded" is derived: a valid signature of a version older than the one now published. */
export function signatureStatus(signature: Pick<PledgeSignatureDoc, 'status' | 'version'>, currentVersion: number | null): SignatureStatus {
  if (signature.status === 'withdrawn') return 'withdrawn';
  return currentVersion !== null && signature.version < currentVersion ? 'superseded' : 'valid';
}

export interface MyPledgeState {
  state: 'not_signed' | 'signed' | 'outdated';
  /** The signature the state rests on: the current one, the older one awaiting renewal, or the last withdrawn one. */
  signature: PledgeSignatureDoc | null;
}

/** Where a member stands with the published version, from their signatures (any order). */
export function decideMyPledgeState(signatures: PledgeSignatureDoc[], current: Pick<PledgeVersionDoc, '_id' | 'version'> | null): MyPledgeState {
  const newestFirst = [...signatures].sort((a, b) => b.version - a.version || b.signedAt.getTime() - a.signedAt.getTime());
  const standing = newestFirst.find((signature) => signature.status === 'valid') ?? null;
  if (current && standing?.versionId === current._id) return { state: 'signed', signature: standing };
  if (current && standing && standing.version < current.version) return { state: 'outdated', signature: standing };
  return { state: 'not_signed', signature: standing ?? newestFirst[0] ?? null };
}

/** One may sign only the version now published, and only once while that signature stands. */
export function assertCanSign(versionId: string, current: Pick<PledgeVersionDoc, '_id'> | null, signaturesOfVersion: PledgeSignatureDoc[]): void {
  if (!current) throw new AppError('NOT_FOUND');
  if (versionId !== current._id) throw new AppError('PLEDGE_VERSION_OUTDATED');
  if (signaturesOfVersion.some((signature) => signature.status === 'valid')) throw new AppError('ALREADY_SIGNED');
}

/** The pledge is for new-media practitioners: they name the platform they publish on. */
export function assertSignerDetails(details: { sector: Sector; platform: string }): void {
  if (details.sector === 'newmedia' && details.platform.trim() === '') {
    throw new AppError('VALIDATION_FAILED', '新媒体从业人员请填写平台名称', 'platform');
  }
}

/** Only the signer withdraws, and only a signature still standing; withdrawing twice changes nothing. */
export function assertCanWithdraw(signature: PledgeSignatureDoc | null, memberId: string): PledgeSignatureDoc {
  if (!signature) throw new AppError('NOT_FOUND');
  if (signature.memberId !== memberId) throw new AppError('FORBIDDEN');
  return signature;
}

/** The weekly chart covers at most this many recent weeks. */
export const statsWeeks = 52;
const dayMs = 24 * 3600 * 1000;
export const weekMs = 7 * dayMs;
/** Monday 5 Jan 1970, 00:00 in Shanghai: ISO weeks there are counted from it. */
export const shanghaiWeekOriginMs = Date.UTC(1970, 0, 4, 16);

/** Which ISO week (Monday to Sunday, Asia/Shanghai) an instant falls in, as a count of weeks since the origin. */
export function shanghaiWeekIndex(instant: Date): number {
  return Math.floor((instant.getTime() - shanghaiWeekOriginMs) / weekMs);
}

/** The Monday (YYYY-MM-DD, Shanghai) that starts a week index. */
export function shanghaiWeekStart(weekIndex: number): string {
  return dayjs(shanghaiWeekOriginMs + weekIndex * weekMs).tz(displayTimeZone).format('YYYY-MM-DD');
}

/** Whose figures an organizer sees when no organisation is named: the one they organize, or the whole tree for an admin. */
export function defaultStatsOrgId(roles: MemberDoc['roles'], rootOrgId: string | null): string | null {
  const organizer = roles.find((grant) => grant.role === 'organizer');
  if (organizer) return organizer.orgId;
  return roles.some((grant) => grant.role === 'admin') ? rootOrgId : null;
}

/** Weekly counts from the first week with a signature (at most `weeks` back) to the current week, empty weeks as zero. */
export function weeklySeries(rows: { weekIndex: number; count: number }[], now: Date, weeks: number): { weekStart: string; count: number }[] {
  const currentWeek = shanghaiWeekIndex(now);
  const counts = new Map(rows.map((row) => [row.weekIndex, row.count]));
  const first = Math.max(currentWeek - weeks + 1, Math.min(currentWeek, ...counts.keys()));
  const series: { weekStart: string; count: number }[] = [];
  for (let week = first; week <= currentWeek; week++) series.push({ weekStart: shanghaiWeekStart(week), count: counts.get(week) ?? 0 });
  return series;
}

/**
 * The organisations a signature counts for: the signer's own and every one above them, so an organizer of
 * a parent association sees the signers of the associations under it.
 */
export function signerOrgReach(orgs: Pick<OrgDoc, '_id' | 'ancestorIds'>[]): string[] {
  return [...new Set(orgs.flatMap((org) => [...org.ancestorIds, org._id]))];
}
