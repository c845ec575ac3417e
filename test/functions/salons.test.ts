import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { AuditDoc, EventDoc } from '../../cloudfunctions/shared/data/documents';
import { collections } from '../../cloudfunctions/shared/data/documents';
import type { EventDetail, EventFieldsInput, MyRegistrationItem, Page, RegistrationRow, Reply } from '../../cloudfunctions/shared/contract';
import { eventLimits } from '../../cloudfunctions/shared/contract';
import { dataOf, harnessForThisFile, openIds, orgIds, seedNow } from '../support/functions';
import { blankCanvas, dataUrl, drawStroke, jpegBytes, pngBytes } from '../domain/pledge-fixtures';
import { nextRequestId } from './signup-support';

const harness = harnessForThisFile();

/** 10:00 on 12 Nov 2026 in Shanghai: the past salons below are created, published and signed up for then. */
const before = new Date('2026-11-12T02:00:00Z');

const photoBytes = {
  png: pngBytes(drawStroke(blankCanvas(80, 60), [5, 5], [70, 50])),
  jpeg: jpegBytes(drawStroke(blankCanvas(80, 60), [70, 5], [5, 50])),
};
const photos = { png: dataUrl(photoBytes.png), jpeg: dataUrl(photoBytes.jpeg, 'jpeg') };

const call = (openId: string | null, action: string, data?: unknown, now: Date = seedNow) => harness.call(openId, 'events', action, data, { now });

/** A salon of Lujiazui with a sign-up open on 12 Nov, held 14:00–16:00 on 20 Nov 2026 (Shanghai): over by seedNow. */
function pastSalonFields(overrides: Partial<EventFieldsInput> = {}): EventFieldsInput {
  return {
    title: '跨境数据合规沙龙',
    kind: 'salon',
    venue: { name: '陆家嘴金融城会客厅', address: '浦东新区银城中路 8 号' },
    startAt: '2026-11-20T14:00:00+08:00',
    endAt: '2026-11-20T16:00:00+08:00',
    signupOpensAt: '2026-11-10T08:00:00+08:00',
    signupClosesAt: '2026-11-19T18:00:00+08:00',
    capacity: 30,
    ...overrides,
  };
}

/** The same salon on 10 Dec, still ahead at seedNow. */
function futureSalonFields(overrides: Partial<EventFieldsInput> = {}): EventFieldsInput {
  return pastSalonFields({
    startAt: '2026-12-10T14:00:00+08:00',
    endAt: '2026-12-10T16:00:00+08:00',
    signupOpensAt: '2026-11-25T08:00:00+08:00',
    signupClosesAt: '2026-12-09T18:00:00+08:00',
    ...overrides,
  });
}

async function publishedEvent(fields: EventFieldsInput, now: Date): Promise<EventDetail> {
  const draft = dataOf<EventDetail>(await call(openIds.lujiazuiOrganizer, 'create', { requestId: nextRequestId(), orgId: orgIds.lujiazui, fields }, now));
  return dataOf<EventDetail>(await call(openIds.lujiazuiOrganizer, 'publish', { id: draft.id }, now));
}

async function pastSalon(overrides: Partial<EventFieldsInput> = {}): Promise<string> {
  return (await publishedEvent(pastSalonFields(overrides), before)).id;
}

function postSummary(openId: string | null, id: string, text: string, photoList?: string[], now: Date = seedNow): Promise<Reply<unknown>> {
  return call(openId, 'postSummary', photoList === undefined ? { id, text } : { id, text, photos: photoList }, now);
}

async function storedEvent(eventId: string): Promise<EventDoc> {
  const { data } = await harness.db.collection(collections.events).doc(eventId).get();
  return (data as EventDoc[])[0];
}

/** The cloud paths storage holds for an event's summaries. */
function storedPhotoPaths(eventId: string): string[] {
  const folder = path.join(harness.storageDir, 'files', 'event-summaries', eventId);
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(path.join(folder, name)).isFile())
    .map((name) => `event-summaries/${eventId}/${name.split(path.sep).join('/')}`)
    .sort();
}

function cloudPathOf(fileId: string): string {
  return fileId.slice(fileId.indexOf('/', 'cloud://'.length) + 1);
}

function refusedWith(code: string, field?: string) {
  return field === undefined ? { ok: false, code } : { ok: false, code, field };
}

describe('guests', () => {
  it('are listed with a salon, shown on its page, and replaced by an edit', async () => {
    const guests = [
      { name: '王律师', title: '某律师事务所合伙人', topic: '中东项目的合规要点' },
      { name: '周会计师', title: '', topic: '' },
    ];
    const created = await publishedEvent(futureSalonFields({ guests: [guests[0], { name: '周会计师' }] }), seedNow);
    expect(created.guests).toEqual(guests);
    expect(dataOf<EventDetail>(await call(null, 'get', { id: created.id })).guests).toEqual(guests);

    const newGuests = [{ name: '李教授', title: '华东政法大学', topic: '数据出境安全评估' }];
    const edited = dataOf<EventDetail>(await call(openIds.lujiazuiOrganizer, 'update', { id: created.id, fields: futureSalonFields({ guests: newGuests }) }));
    expect(edited.guests).toEqual(newGuests);
    expect((await storedEvent(created.id)).guests).toEqual(newGuests);
  });

  it.each([
    ['more than the limit', { guests: Array.from({ length: eventLimits.guests + 1 }, (_, i) => ({ name: `嘉宾${i}` })) }, 'fields.guests'],
    ['a guest without a name', { guests: [{ name: '  ', title: '律师' }] }, 'fields.guests.0.name'],
    ['a topic too long', { guests: [{ name: '王律师', topic: '题'.repeat(eventLimits.guestTopic + 1) }] }, 'fields.guests.0.topic'],
    ['an unknown guest field', { guests: [{ name: '王律师', mobile: '13800000000' }] }, 'fields.guests.0.mobile'],
  ])('refuses %s, naming the field', async (_label, overrides, field) => {
    const reply = await call(openIds.lujiazuiOrganizer, 'create', { requestId: nextRequestId(), orgId: orgIds.lujiazui, fields: futureSalonFields(overrides as Partial<EventFieldsInput>) });
    expect(reply).toMatchObject(refusedWith('VALIDATION_FAILED', field));
  });

  it('are none, and the summary is null, for events stored before either existed', async () => {
    const stored = await storedEvent('ev-salon');
    expect(stored.guests).toBeUndefined();
    expect(stored.summary).toBeUndefined();
    expect(dataOf<EventDetail>(await call(null, 'get', { id: 'ev-salon' }))).toMatchObject({ guests: [], summary: null });
  });
});

describe('events.postSummary', () => {
  it('lets an organizer of the host post text and photos once the event has ended, shown with download URLs to anyone', async () => {
    const id = await pastSalon();
    const posted = dataOf<EventDetail>(await postSummary(openIds.lujiazuiOrganizer, id, '  二十位律师和会计师到场，交流了数据出境评估的实务经验。 ', [photos.png, photos.jpeg]));
    expect(posted.summary).toEqual({
      text: '二十位律师和会计师到场，交流了数据出境评估的实务经验。',
      photoUrls: [expect.stringMatching(/^http/), expect.stringMatching(/^http/)],
      postedAt: seedNow.toISOString(),
    });

    const stored = (await storedEvent(id)).summary!;
    expect(stored).toMatchObject({ text: posted.summary!.text, postedAt: seedNow, postedBy: 'm-lujiazui-organizer', postId: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(stored.photoFileIds.map(cloudPathOf)).toEqual([`event-summaries/${id}/${stored.postId}/1.png`, `event-summaries/${id}/${stored.postId}/2.jpg`]);

    const page = dataOf<EventDetail>(await call(null, 'get', { id }));
    expect(page.summary?.text).toBe(posted.summary!.text);
    const [png, jpeg] = await Promise.all(page.summary!.photoUrls.map((url) => fetch(url)));
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await png.arrayBuffer())).toEqual(photoBytes.png);
    expect(jpeg.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await jpeg.arrayBuffer())).toEqual(photoBytes.jpeg);

    const { data } = await harness.db.collection(collections.audit).where({ 'target.id': id, action: 'postSummary' }).get();
    expect(data as AuditDoc[]).toEqual([expect.objectContaining({ actorMemberId: 'm-lujiazui-organizer', actorRole: 'organizer', orgId: orgIds.lujiazui })]);
  });

  it('replaces the summary when posted again, deleting the photos no summary shows any more', async () => {
    const id = await pastSalon();
    const first = dataOf<EventDetail>(await postSummary(openIds.lujiazuiOrganizer, id, '第一版回顾', [photos.png, photos.jpeg]));
    const firstPaths = (await storedEvent(id)).summary!.photoFileIds.map(cloudPathOf);
    expect(storedPhotoPaths(id)).toEqual(firstPaths.sort());

    // The same PNG again: a new post stores its own copy, so deleting the old one cannot take it away.
    const second = dataOf<EventDetail>(await postSummary(openIds.lujiazuiOrganizer, id, '修订后的回顾', [photos.png], new Date(seedNow.getTime() + 60_000)));
    expect(second.summary).toMatchObject({ text: '修订后的回顾', photoUrls: [expect.stringMatching(/^http/)] });
    const secondPaths = (await storedEvent(id)).summary!.photoFileIds.map(cloudPathOf);
    expect(storedPhotoPaths(id)).toEqual(secondPaths);
    expect(secondPaths[0]).not.toBe(firstPaths[0]);
    expect((await fetch(first.summary!.photoUrls[0])).status).toBe(404);
    expect(Buffer.from(await (await fetch(second.summary!.photoUrls[0])).arrayBuffer())).toEqual(photoBytes.png);

    const textOnly = dataOf<EventDetail>(await postSummary(openIds.lujiazuiOrganizer, id, '只有文字的回顾'));
    expect(textOnly.summary).toMatchObject({ text: '只有文字的回顾', photoUrls: [] });
    expect(storedPhotoPaths(id)).toEqual([]);
  });

  it('posts on an event stored before summaries existed', async () => {
    expect((await storedEvent('ev-past')).summary).toBeUndefined();
    const posted = dataOf<EventDetail>(await postSummary(openIds.lujiazuiOrganizer, 'ev-past', '上周读书分享的回顾', [photos.jpeg]));
    expect(posted.summary).toMatchObject({ text: '上周读书分享的回顾', photoUrls: [expect.stringMatching(/^http/)] });
    expect((await storedEvent('ev-past')).summary?.text).toBe('上周读书分享的回顾');
  });

  it('lets organizers above the host and admins post; members, stewards and other organisations may not', async () => {
    const id = await pastSalon();
    for (const [openId, code] of [
      [openIds.member, 'FORBIDDEN'],
      [openIds.steward, 'FORBIDDEN'],
      [openIds.huamuOrganizer, 'FORBIDDEN'],
      [null, 'UNAUTHENTICATED'],
    ] as const) {
      expect(await postSummary(openId, id, '冒名的回顾', [photos.png])).toMatchObject(refusedWith(code));
    }
    expect((await storedEvent(id)).summary).toBeNull();
    expect(storedPhotoPaths(id)).toEqual([]);

    expect(dataOf<EventDetail>(await postSummary(openIds.generalOrganizer, id, '总会组织者的回顾')).summary?.text).toBe('总会组织者的回顾');
    expect(dataOf<EventDetail>(await postSummary(openIds.admin, id, '管理员的回顾')).summary?.text).toBe('管理员的回顾');
  });

  it('waits for the end of the event, and refuses cancelled events and drafts', async () => {
    const id = await pastSalon();
    const endAt = new Date('2026-11-20T08:00:00Z');
    expect(await postSummary(openIds.lujiazuiOrganizer, id, '提前写好的回顾', [], new Date(endAt.getTime() - 1))).toMatchObject(refusedWith('EVENT_NOT_ENDED'));
    expect(await postSummary(openIds.lujiazuiOrganizer, id, '散场时的回顾', [], endAt)).toMatchObject({ ok: true });

    expect(await postSummary(openIds.huamuOrganizer, 'ev-ongoing', '进行中的回顾')).toMatchObject(refusedWith('EVENT_NOT_ENDED'));
    expect(await postSummary(openIds.lujiazuiOrganizer, 'ev-salon', '未开始的回顾')).toMatchObject(refusedWith('EVENT_NOT_ENDED'));
    expect(await postSummary(openIds.generalOrganizer, 'ev-cancelled', '取消活动的回顾')).toMatchObject(refusedWith('EVENT_CANCELLED'));
    expect(await postSummary(openIds.lujiazuiOrganizer, 'ev-draft', '草稿的回顾')).toMatchObject(refusedWith('WRONG_EVENT_STATUS'));
    expect(await postSummary(openIds.lujiazuiOrganizer, 'ev-nowhere', '不存在的活动')).toMatchObject(refusedWith('NOT_FOUND'));
    // A draft is not there for an organizer of another organisation.
    expect(await postSummary(openIds.huamuOrganizer, 'ev-draft', '草稿的回顾')).toMatchObject(refusedWith('NOT_FOUND'));
  });

  it('checks each photo by its bytes, stores nothing from a refused post, and limits the count and the text', async () => {
    const id = await pastSalon();
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'binary').toString('base64');
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64');
    const justOver = dataUrl(Buffer.concat([photoBytes.png, Buffer.alloc(eventLimits.summaryPhotoBytes + 1 - photoBytes.png.length)]));
    const atLimit = dataUrl(Buffer.concat([photoBytes.png, Buffer.alloc(eventLimits.summaryPhotoBytes - photoBytes.png.length)]));

    expect(await postSummary(openIds.lujiazuiOrganizer, id, '回顾', [photos.png, `data:image/png;base64,${gif}`])).toMatchObject(refusedWith('SUMMARY_PHOTO_INVALID', 'photos.1'));
    expect(await postSummary(openIds.lujiazuiOrganizer, id, '回顾', [svg])).toMatchObject(refusedWith('SUMMARY_PHOTO_INVALID', 'photos.0'));
    expect(await postSummary(openIds.lujiazuiOrganizer, id, '回顾', [justOver])).toMatchObject(refusedWith('SUMMARY_PHOTO_TOO_LARGE', 'photos.0'));
    expect(await postSummary(openIds.lujiazuiOrganizer, id, '回顾', ['data:image/gif;base64,R0lGOD'])).toMatchObject(refusedWith('VALIDATION_FAILED', 'photos.0'));
    expect(await postSummary(openIds.lujiazuiOrganizer, id, '回顾', Array(eventLimits.summaryPhotos + 1).fill(photos.png))).toMatchObject(refusedWith('VALIDATION_FAILED', 'photos'));
    expect(await postSummary(openIds.lujiazuiOrganizer, id, '字'.repeat(eventLimits.summaryText + 1))).toMatchObject(refusedWith('VALIDATION_FAILED', 'text'));
    expect(await postSummary(openIds.lujiazuiOrganizer, id, '   ')).toMatchObject(refusedWith('VALIDATION_FAILED', 'text'));
    expect((await storedEvent(id)).summary).toBeNull();
    expect(storedPhotoPaths(id)).toEqual([]);

    const full = dataOf<EventDetail>(await postSummary(openIds.lujiazuiOrganizer, id, '字'.repeat(eventLimits.summaryText), [atLimit, ...Array(eventLimits.summaryPhotos - 1).fill(photos.jpeg)]));
    expect(full.summary?.photoUrls).toHaveLength(eventLimits.summaryPhotos);
  });

  it('keeps one summary when organizers post at once: each is saved or told to retry, and no photo is left behind', async () => {
    const id = await pastSalon();
    const posters = [openIds.lujiazuiOrganizer, openIds.generalOrganizer, openIds.admin, openIds.lujiazuiOrganizer];
    const replies = await Promise.all(posters.map((openId, i) => postSummary(openId, id, `第 ${i + 1} 位组织者的回顾`, [photos.png, photos.jpeg])));
    for (const reply of replies) expect([true, 'CONFLICT']).toContain(reply.ok ? true : reply.code);
    const saved = replies.filter((reply) => reply.ok).map((reply) => dataOf<EventDetail>(reply).summary!.text);
    expect(saved.length).toBeGreaterThanOrEqual(1);

    const stored = (await storedEvent(id)).summary!;
    expect(saved).toContain(stored.text);
    expect(storedPhotoPaths(id)).toEqual(stored.photoFileIds.map(cloudPathOf).sort());
  });
});

describe('attendees find the summary in their past registrations', () => {
  it('marks a past registration once its event has a summary', async () => {
    const id = await pastSalon({ requiresApproval: false });
    const signup = await call(openIds.otherMember, 'signup', { eventId: id, requestId: 'req-salon-past-1', contact: { name: '李明', mobile: '13700001111' } }, before);
    expect(signup).toMatchObject({ ok: true, data: { status: 'confirmed' } });

    const pastItem = async () => {
      const page = dataOf<Page<MyRegistrationItem>>(await call(openIds.otherMember, 'myRegistrations', { when: 'past', page: 1, pageSize: 50 }));
      return page.items.find((item) => item.eventId === id)!;
    };
    expect((await pastItem()).event.hasSummary).toBe(false);
    await postSummary(openIds.lujiazuiOrganizer, id, '感谢各位到场', [photos.png]);
    expect((await pastItem()).event).toMatchObject({ id, hasSummary: true });
  });
});

describe('salon applications', () => {
  it('show organizers the applicant’s job title beside the statement they wrote', async () => {
    await harness.db.collection(collections.members).doc('m-other-member').update({ 'profile.title': '合伙人律师' });
    const salon = await publishedEvent(
      futureSalonFields({ requiresApproval: true, questions: [{ id: 'reason', kind: 'text', label: '参加理由及可分享的经验', required: true, options: [] }] }),
      seedNow,
    );
    const apply = (openId: string, requestId: string, contact: { name: string; mobile: string }, reason: string) =>
      call(openId, 'signup', { eventId: salon.id, requestId, contact, answers: { reason } });
    expect(await apply(openIds.otherMember, 'req-salon-apply-1', { name: '李明', mobile: '13700001111' }, '十年跨境争议解决经验')).toMatchObject({ ok: true, data: { status: 'pending' } });
    expect(await apply(openIds.member, 'req-salon-apply-2', { name: '陈思远', mobile: '13812341234' }, '想了解数据合规')).toMatchObject({ ok: true, data: { status: 'pending' } });

    const pending = dataOf<Page<RegistrationRow>>(await call(openIds.lujiazuiOrganizer, 'registrations', { eventId: salon.id, status: 'pending' }));
    const byMember = new Map(pending.items.map((row) => [row.memberId, row]));
    expect(byMember.get('m-other-member')).toMatchObject({ title: '合伙人律师', employer: '浦江律师事务所', sector: 'professional', answers: { reason: '十年跨境争议解决经验' } });
    expect(byMember.get('m-member')).toMatchObject({ title: '' });

    const decided = dataOf<RegistrationRow>(await call(openIds.lujiazuiOrganizer, 'decide', { eventId: salon.id, memberId: 'm-other-member', approve: true, message: '欢迎分享' }));
    expect(decided).toMatchObject({ title: '合伙人律师', status: 'confirmed', decisionMessage: '欢迎分享' });
  });
});
