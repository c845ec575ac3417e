import { eventFieldsSchema, eventLimits, type EventFieldsInput } from '../../cloudfunctions/shared/contract';
import type { PostedSummaryDoc, RegistrationDoc } from '../../cloudfunctions/shared/data/documents';
import { AppError } from '../../cloudfunctions/shared/domain/app-error';
import { assertSummaryPostable, newEventDoc, planEventEdit } from '../../cloudfunctions/shared/domain/event-rules';
import { imageFormatOf } from '../../cloudfunctions/shared/domain/image-format';
import { summaryPhotoIds, toEventDetail } from '../../cloudfunctions/shared/domain/mapping';
import { toMyRegistrationItem, toRegistrationRow } from '../../cloudfunctions/shared/domain/registration-views';
import { newSummaryPostId, readSummaryPhotos, summaryPhotoPath } from '../../cloudfunctions/shared/domain/summary-photos';
import { eventDoc, memberDoc } from './fixtures';
import { blankCanvas, dataUrl, jpegBytes, pngBytes } from './pledge-fixtures';

function codeAndField(run: () => unknown): { code: string; field?: string } | null {
  try {
    run();
    return null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return error.field === undefined ? { code: error.code } : { code: error.code, field: error.field };
  }
}

const png = pngBytes(blankCanvas(20, 10));
const jpeg = jpegBytes(blankCanvas(20, 10));
const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'binary');

function padded(bytes: Buffer, length: number): Buffer {
  return Buffer.concat([bytes, Buffer.alloc(length - bytes.length)]);
}

function summaryDoc(overrides: Partial<PostedSummaryDoc> = {}): PostedSummaryDoc {
  return {
    postId: '0123456789abcdef',
    text: '二十位会员到场交流。',
    photoFileIds: ['cloud://env.bucket/event-summaries/ev-1/0123456789abcdef/1.png', 'cloud://env.bucket/event-summaries/ev-1/0123456789abcdef/2.jpg'],
    postedAt: new Date('2026-12-05T09:00:00Z'),
    postedBy: 'm-1',
    ...overrides,
  };
}

describe('summary photos', () => {
  it('accepts PNG and JPEG by their bytes, with or without a data URL prefix, whatever the prefix claims', () => {
    const read = readSummaryPhotos([dataUrl(png), jpeg.toString('base64'), dataUrl(jpeg, 'png')]);
    expect(read.map((photo) => photo.format)).toEqual(['png', 'jpeg', 'jpeg']);
    expect(read[0].bytes).toEqual(png);
    expect(readSummaryPhotos([])).toEqual([]);
  });

  it('refuses other formats and photos over the byte limit, naming the photo', () => {
    expect(codeAndField(() => readSummaryPhotos([dataUrl(png), dataUrl(gif)]))).toEqual({ code: 'SUMMARY_PHOTO_INVALID', field: 'photos.1' });
    expect(codeAndField(() => readSummaryPhotos([Buffer.from('<svg/>').toString('base64')]))).toEqual({ code: 'SUMMARY_PHOTO_INVALID', field: 'photos.0' });
    expect(codeAndField(() => readSummaryPhotos(['']))).toEqual({ code: 'SUMMARY_PHOTO_INVALID', field: 'photos.0' });
    expect(codeAndField(() => readSummaryPhotos([dataUrl(padded(png, eventLimits.summaryPhotoBytes + 1))]))).toEqual({ code: 'SUMMARY_PHOTO_TOO_LARGE', field: 'photos.0' });
    expect(readSummaryPhotos([dataUrl(padded(png, eventLimits.summaryPhotoBytes))])).toHaveLength(1);
  });

  it('tells PNG from JPEG by the magic bytes alone', () => {
    expect(imageFormatOf(png)).toBe('png');
    expect(imageFormatOf(jpeg)).toBe('jpeg');
    expect(imageFormatOf(gif)).toBeNull();
    expect(imageFormatOf(png.subarray(0, 4))).toBeNull();
  });

  it('stores each post under its own id, numbered in the order posted', () => {
    expect(summaryPhotoPath('ev-1', 'abc', 0, 'png')).toBe('event-summaries/ev-1/abc/1.png');
    expect(summaryPhotoPath('ev-1', 'abc', 5, 'jpeg')).toBe('event-summaries/ev-1/abc/6.jpg');
    const ids = new Set(Array.from({ length: 50 }, newSummaryPostId));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('assertSummaryPostable', () => {
  const endAt = new Date('2026-12-05T08:00:00Z');

  it('allows a published or closed event from the moment it ends', () => {
    expect(codeAndField(() => assertSummaryPostable(eventDoc({ endAt }), endAt))).toBeNull();
    expect(codeAndField(() => assertSummaryPostable(eventDoc({ endAt, status: 'closed' }), new Date('2027-01-01T00:00:00Z')))).toBeNull();
  });

  it('refuses an event not over yet, a cancelled one and a draft, ended or not', () => {
    expect(codeAndField(() => assertSummaryPostable(eventDoc({ endAt }), new Date(endAt.getTime() - 1)))).toEqual({ code: 'EVENT_NOT_ENDED' });
    expect(codeAndField(() => assertSummaryPostable(eventDoc({ endAt, status: 'cancelled' }), new Date('2027-01-01T00:00:00Z')))).toEqual({ code: 'EVENT_CANCELLED' });
    expect(codeAndField(() => assertSummaryPostable(eventDoc({ endAt, status: 'draft' }), new Date('2027-01-01T00:00:00Z')))).toEqual({ code: 'WRONG_EVENT_STATUS' });
  });
});

describe('guests and summaries in the event detail', () => {
  it('reads an event stored before guests and summaries as having none', () => {
    expect(toEventDetail(eventDoc())).toMatchObject({ guests: [], summary: null });
    expect(summaryPhotoIds(eventDoc())).toEqual([]);
    expect(toEventDetail(eventDoc({ summary: null })).summary).toBeNull();
  });

  it('shows the summary with the URLs it was given, in posted order, leaving out a photo storage could not answer for', () => {
    const summary = summaryDoc();
    const event = eventDoc({ guests: [{ name: '王律师', title: '合伙人', topic: '跨境合规' }], summary });
    expect(summaryPhotoIds(event)).toEqual(summary.photoFileIds);
    const urls = new Map([
      [summary.photoFileIds[1], 'http://host/2.jpg'],
      [summary.photoFileIds[0], 'http://host/1.png'],
    ]);
    expect(toEventDetail(event, urls)).toMatchObject({
      guests: [{ name: '王律师', title: '合伙人', topic: '跨境合规' }],
      summary: { text: '二十位会员到场交流。', photoUrls: ['http://host/1.png', 'http://host/2.jpg'], postedAt: '2026-12-05T09:00:00.000Z' },
    });
    expect(toEventDetail(event, new Map([[summary.photoFileIds[1], 'http://host/2.jpg']])).summary?.photoUrls).toEqual(['http://host/2.jpg']);
    expect(toEventDetail(event).summary).not.toHaveProperty('postedBy');
  });
});

describe('guests in an organizer’s fields', () => {
  const now = new Date('2026-11-25T02:00:00Z');
  const input: EventFieldsInput = {
    title: '跨境合规沙龙',
    kind: 'salon',
    venue: { name: '会客厅', address: '' },
    startAt: '2026-12-10T14:00:00+08:00',
    endAt: '2026-12-10T16:00:00+08:00',
    signupOpensAt: '2026-11-25T08:00:00+08:00',
    signupClosesAt: '2026-12-09T18:00:00+08:00',
    capacity: 30,
  };

  it('default to none, trim, and are stored with a new draft that has no summary', () => {
    expect(eventFieldsSchema.parse(input).guests).toEqual([]);
    const fields = eventFieldsSchema.parse({ ...input, guests: [{ name: ' 王律师 ', topic: ' 跨境合规 ' }] });
    expect(fields.guests).toEqual([{ name: '王律师', title: '', topic: '跨境合规' }]);
    const doc = newEventDoc(fields, [{ id: 'org-street-lujiazui', name: '陆家嘴街道新联会' }], 'm-1', now);
    expect(doc).toMatchObject({ guests: fields.guests, summary: null });
  });

  it('are part of an edit, which leaves the summary alone', () => {
    const current = eventDoc({ startAt: new Date('2026-12-10T06:00:00Z'), endAt: new Date('2026-12-10T08:00:00Z'), coHostOrgIds: [] });
    const edit = planEventEdit(current, eventFieldsSchema.parse({ ...input, capacity: 40, guests: [{ name: '李教授' }] }), now);
    expect(edit.fields.guests).toEqual([{ name: '李教授', title: '', topic: '' }]);
    expect(edit.fields).not.toHaveProperty('summary');
  });
});

describe('registration views', () => {
  const own: RegistrationDoc = {
    _id: 'ev-1_m-1',
    eventId: 'ev-1',
    kind: 'person',
    memberId: 'm-1',
    state: 'pending',
    arrival: null,
    teamId: null,
    team: null,
    contact: { name: '陈思远', mobile: '13812341234' },
    answers: { reason: '十年跨境争议解决经验' },
    requestId: null,
    offer: null,
    decisionMessage: null,
    addedBy: null,
    event: { title: '沙龙', kind: 'salon', startAt: new Date('2026-12-05T06:00:00Z'), endAt: new Date('2026-12-05T08:00:00Z'), venue: { name: '会客厅', address: '' } },
    createdAt: new Date('2026-11-20T00:00:00Z'),
    updatedAt: new Date('2026-11-20T00:00:00Z'),
    cancelledAt: null,
  };

  it('give organizers the applicant’s job title, empty when unknown', () => {
    expect(toRegistrationRow(eventDoc(), own, null, memberDoc(), null)).toMatchObject({ title: '合伙人', employer: '浦江律师事务所', status: 'pending' });
    expect(toRegistrationRow(eventDoc(), own, null, memberDoc({ profile: null }), null).title).toBe('');
    expect(toRegistrationRow(eventDoc(), own, null, null, null).title).toBe('');
  });

  it('tell a member whether a past event has a summary', () => {
    const parts = { own, teamEntry: null, teammates: [], waitlistPosition: null, now: new Date('2026-12-06T00:00:00Z') };
    expect(toMyRegistrationItem({ ...parts, event: eventDoc() }).event.hasSummary).toBe(false);
    expect(toMyRegistrationItem({ ...parts, event: eventDoc({ summary: null }) }).event.hasSummary).toBe(false);
    expect(toMyRegistrationItem({ ...parts, event: eventDoc({ summary: summaryDoc() }) }).event.hasSummary).toBe(true);
  });
});
