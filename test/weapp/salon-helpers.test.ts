import { eventFieldsSchema, eventLimits } from '../../cloudfunctions/shared/contract/events';
import type { RegistrationRow } from '../../cloudfunctions/shared/contract/registrations';
import {
  addGuest,
  blankEventForm,
  checkEventForm,
  differsFrom,
  editGuest,
  formFieldOf,
  formFromEvent,
  moveGuest,
  removeGuest,
  toEventFields,
} from '../../src/package-organizer/helpers/event-form';
import { applicantProfile } from '../../src/package-organizer/helpers/registrations-display';
import {
  base64Bytes,
  compressionSteps,
  compressToFit,
  type CompressionStep,
  fitWithin,
  nextStepIndex,
  type PhotoDraft,
  photoFormatOf,
  photosBlocker,
  photosLeft,
  pickedPhotoDrafts,
  postedPhotoDrafts,
  sendsAsPicked,
  summaryBlocker,
  summaryFailureText,
  summaryProblems,
  toPhotoDataUrl,
} from '../../src/package-organizer/helpers/summary-photos';
import {
  eventPageUrl,
  guestInitial,
  guestLines,
  photoColumns,
  photoPreview,
  sectionOf,
  summaryParagraphs,
  summaryPostedLine,
} from '../../src/utils/summary-display';
import { salonDetail } from './fixtures';

const now = new Date('2026-11-25T15:30:00.000Z');
const limit = eventLimits.summaryPhotoBytes;

const salon = salonDetail({
  seatsTaken: 3,
  waitlistCount: 0,
  membersOnly: false,
  questions: [],
  guests: [
    { name: '王静', title: '某律师事务所合伙人', topic: '跨境投资中的合规要点' },
    { name: '陈立', title: '', topic: '' },
  ],
});

/** A base64 payload of `bytes` bytes starting with a JPEG's (or PNG's) magic, as a data URL. */
function fakePhoto(bytes: number, format: 'jpeg' | 'png' = 'jpeg'): string {
  const magic = format === 'jpeg' ? Buffer.from([0xff, 0xd8, 0xff, 0xe0]) : Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const body = Buffer.concat([magic, Buffer.alloc(Math.max(0, bytes - magic.length), 7)]);
  return `data:image/${format};base64,${body.toString('base64')}`;
}

describe('guests in the event editor', () => {
  it('carries the saved guests through the form, so saving an edit keeps them', () => {
    const form = formFromEvent(salon);
    expect(form.guests.map(({ name, title, topic }) => ({ name, title, topic }))).toEqual(salon.guests);
    expect(new Set(form.guests.map((guest) => guest.key)).size).toBe(2);
    const fields = toEventFields({ ...form, title: '改过的标题' });
    expect(fields.guests).toEqual(salon.guests);
    expect(eventFieldsSchema.parse(fields).guests).toEqual(salon.guests);
    expect(differsFrom(form, formFromEvent(salon))).toBe(false);
  });

  it('starts a new event without guests and sends an empty list', () => {
    const form = blankEventForm('org-professional', now);
    expect(form.guests).toEqual([]);
    expect(toEventFields(form).guests).toEqual([]);
  });

  it('adds, edits, moves and removes guests by key, trimming what it sends', () => {
    let guests = addGuest(addGuest([]));
    const [first, second] = guests;
    guests = editGuest(guests, first.key, { name: ' 王静 ', topic: ' 合规 ' });
    guests = editGuest(guests, second.key, { name: '陈立', title: '某会计师事务所所长' });
    guests = moveGuest(guests, second.key, -1);
    expect(guests.map((guest) => guest.key)).toEqual([second.key, first.key]);
    expect(moveGuest(guests, second.key, -1)).toBe(guests);
    const form = { ...blankEventForm('org-professional', now), guests };
    expect(toEventFields(form).guests).toEqual([
      { name: '陈立', title: '某会计师事务所所长', topic: '' },
      { name: '王静', title: '', topic: '合规' },
    ]);
    expect(removeGuest(guests, second.key).map((guest) => guest.name)).toEqual([' 王静 ']);
    expect(differsFrom(form, { ...form, guests: removeGuest(guests, first.key) })).toBe(true);
  });

  it('stops adding at the limit the server enforces', () => {
    let guests = addGuest([]);
    for (let index = 0; index < eventLimits.guests + 3; index += 1) guests = addGuest(guests);
    expect(guests).toHaveLength(eventLimits.guests);
  });

  it('names the guest row with a missing name or an over-long title or topic, and nothing for a good one', () => {
    const base = { ...blankEventForm('org-professional', now), title: '沙龙', venueName: '会场' };
    const guests = addGuest(addGuest(addGuest(addGuest([]))));
    const [empty, longTitle, longTopic, fine] = guests;
    const form = {
      ...base,
      guests: [
        editGuest(guests, empty.key, { name: '   ' })[0],
        { ...longTitle, name: '甲', title: '长'.repeat(eventLimits.guestTitle + 1) },
        { ...longTopic, name: '乙', topic: '题'.repeat(eventLimits.guestTopic + 1) },
        { ...fine, name: '丙', title: '职务', topic: '主题' },
      ],
    };
    const problems = checkEventForm(form, now, true).filter((problem) => problem.field.startsWith('guests'));
    expect(problems).toEqual([
      { field: `guests.${empty.key}`, message: '请填写嘉宾姓名' },
      { field: `guests.${longTitle.key}`, message: `嘉宾职务不能超过 ${eventLimits.guestTitle} 个字` },
      { field: `guests.${longTopic.key}`, message: `分享主题不能超过 ${eventLimits.guestTopic} 个字` },
    ]);
    // What the form accepts, the server's schema accepts too.
    const good = { ...form, guests: form.guests.slice(3) };
    expect(checkEventForm(good, now, true)).toEqual([]);
    expect(eventFieldsSchema.safeParse(toEventFields(good)).success).toBe(true);
  });

  it('places a server complaint about a guest on that guest’s row', () => {
    const form = formFromEvent(salon);
    expect(formFieldOf('fields.guests.1.name', form)).toBe(`guests.${form.guests[1].key}`);
    expect(formFieldOf('fields.guests.7.name', form)).toBe('guests');
    expect(formFieldOf('fields.guests', form)).toBe('guests');
  });
});

describe('photo compression decisions', () => {
  it('fits the longer edge within the step, keeping proportions and never enlarging', () => {
    expect(fitWithin({ width: 4032, height: 3024 }, 1600)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin({ width: 3024, height: 4032 }, 1280)).toEqual({ width: 960, height: 1280 });
    expect(fitWithin({ width: 800, height: 600 }, 1600)).toEqual({ width: 800, height: 600 });
    expect(fitWithin({ width: 10000, height: 3 }, 640)).toEqual({ width: 640, height: 1 });
  });

  it('weighs a data URL by its decoded bytes, padding included', () => {
    expect(base64Bytes(fakePhoto(1000))).toBe(1000);
    expect(base64Bytes(fakePhoto(1001))).toBe(1001);
    expect(base64Bytes(fakePhoto(1002))).toBe(1002);
    expect(base64Bytes(Buffer.from('abc').toString('base64'))).toBe(3);
  });

  it('tells PNG and JPEG by their bytes, not by the header, and rejects anything else', () => {
    expect(photoFormatOf(fakePhoto(50, 'jpeg'))).toBe('jpeg');
    expect(photoFormatOf(fakePhoto(50, 'png'))).toBe('png');
    const png = fakePhoto(50, 'png').split(',')[1];
    expect(photoFormatOf(`data:image/jpeg;base64,${png}`)).toBe('png');
    expect(photoFormatOf(`data:image/gif;base64,${Buffer.from('GIF89a....').toString('base64')}`)).toBeNull();
    expect(toPhotoDataUrl(png)).toBe(`data:image/png;base64,${png}`);
    expect(toPhotoDataUrl(Buffer.from('<svg/>').toString('base64'))).toBeNull();
  });

  it('sends a picked photo as it is only when it is already within the limit', () => {
    expect(sendsAsPicked(limit)).toBe(true);
    expect(sendsAsPicked(limit + 1)).toBe(false);
    expect(sendsAsPicked(0)).toBe(false);
  });

  it('lowers the quality when a little over, and drops a size when far over', () => {
    expect(nextStepIndex(0, limit, limit)).toBeNull();
    expect(nextStepIndex(0, limit + 1, limit)).toBe(1);
    // Far over at 1600 px: skip the other 1600 px step and go to 1280 px.
    expect(compressionSteps[nextStepIndex(0, 3 * limit, limit) ?? 0].maxEdge).toBeLessThan(compressionSteps[0].maxEdge);
    expect(nextStepIndex(0, 3 * limit, limit)).toBe(2);
    expect(nextStepIndex(compressionSteps.length - 1, 3 * limit, limit)).toBeNull();
  });

  it('tries steps until one fits, and answers null when even the smallest does not', async () => {
    const sizes = [900, 300, 210, 190];
    const seen: CompressionStep[] = [];
    const result = await compressToFit(async (step) => {
      seen.push(step);
      return fakePhoto(sizes[seen.length - 1] * 1024);
    }, limit);
    expect(result?.bytes).toBe(190 * 1024);
    expect(result?.tried).toEqual([0, 2, 3, 4]);
    expect(seen[seen.length - 1]).toEqual(compressionSteps[4]);
    expect(base64Bytes(result?.dataUrl ?? '')).toBeLessThanOrEqual(limit);

    let calls = 0;
    const hopeless = await compressToFit(async () => {
      calls += 1;
      return fakePhoto(limit + 10);
    }, limit);
    expect(hopeless).toBeNull();
    expect(calls).toBe(compressionSteps.length);
  });

  it('does not accept an encoder result that is neither PNG nor JPEG', async () => {
    const result = await compressToFit(async () => `data:image/jpeg;base64,${Buffer.from('not an image').toString('base64')}`, limit);
    expect(result).toBeNull();
  });

  it('counts photos left and blocks sending while one compresses or after one failed', () => {
    expect(photosLeft(0)).toBe(eventLimits.summaryPhotos);
    expect(photosLeft(eventLimits.summaryPhotos + 2)).toBe(0);
    const posted = postedPhotoDrafts(['https://files/a.jpg']);
    expect(posted[0]).toMatchObject({ origin: 'posted', state: 'ready', dataUrl: null });
    const picked = pickedPhotoDrafts(['blob:1', 'blob:2']);
    expect(new Set([...posted, ...picked].map((photo) => photo.key)).size).toBe(3);
    expect(photosBlocker(posted)).toBeNull();
    expect(photosBlocker([...posted, ...picked])).toBe('照片正在压缩，请稍候');
    const failed: PhotoDraft = { ...picked[0], state: 'failed', problem: 'x' };
    expect(photosBlocker([...posted, failed])).toBe('有照片无法使用，请删除后再发布');
  });
});

describe('posting a summary', () => {
  it('checks the text and the photo count before anything travels', () => {
    expect(summaryProblems('  ', 0)).toEqual([{ field: 'text', message: '请填写活动回顾' }]);
    expect(summaryProblems('字'.repeat(eventLimits.summaryText + 1), eventLimits.summaryPhotos + 1).map((problem) => problem.field)).toEqual(['text', 'photos']);
    expect(summaryProblems('回顾', eventLimits.summaryPhotos)).toEqual([]);
  });

  it('says why a summary cannot be posted yet: cancelled, draft, not ended', () => {
    const ended = new Date('2026-12-02T09:00:00.000Z');
    expect(summaryBlocker(salon, ended)).toBeNull();
    expect(summaryBlocker({ ...salon, status: 'closed' }, ended)).toBeNull();
    expect(summaryBlocker(salon, new Date('2026-12-02T08:59:59.000Z'))).toBe('活动结束（12月2日 17:00）后才能发布活动回顾。');
    expect(summaryBlocker({ ...salon, status: 'cancelled' }, ended)).toContain('已取消');
    expect(summaryBlocker({ ...salon, status: 'draft' }, ended)).toContain('尚未发布');
  });

  it('puts each refusal in words that say what to do, and passes other messages through', () => {
    expect(summaryFailureText('EVENT_NOT_ENDED', '')).toContain('结束后');
    expect(summaryFailureText('SUMMARY_PHOTO_TOO_LARGE', '')).toContain(`${limit / 1024} KB`);
    expect(summaryFailureText('SUMMARY_PHOTO_INVALID', '')).toContain('PNG 或 JPEG');
    expect(summaryFailureText('FORBIDDEN', '没有权限')).toContain('组织者');
    expect(summaryFailureText('VALIDATION_FAILED', '活动回顾不能超过 2000 个字')).toBe('活动回顾不能超过 2000 个字');
  });
});

describe('summary and guests on the event page', () => {
  it('links to the event page, at the summary when asked, and reads only known sections back', () => {
    expect(eventPageUrl('ev-digital-trade-salon')).toBe('/package-event/detail/index?id=ev-digital-trade-salon');
    expect(eventPageUrl('ev a&b', 'summary')).toBe('/package-event/detail/index?id=ev%20a%26b&section=summary');
    expect(sectionOf('summary')).toBe('summary');
    expect(sectionOf('guests')).toBeNull();
    expect(sectionOf(undefined)).toBeNull();
  });

  it('splits the text into paragraphs and dates the post in Shanghai time', () => {
    expect(summaryParagraphs('第一段\r\n\n  第二段  \n')).toEqual(['第一段', '第二段']);
    // 16:30 UTC is 00:30 the next day in Shanghai.
    expect(summaryPostedLine({ postedAt: '2026-11-20T16:30:00.000Z' }, now)).toBe('11月21日 00:30 发布');
    expect(summaryPostedLine({ postedAt: '2025-11-20T02:00:00.000Z' }, now)).toBe('2025年11月20日 10:00 发布');
  });

  it('lays photos out by count and previews the tapped one among all', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(photoColumns)).toEqual([1, 1, 2, 3, 2, 3, 3]);
    expect(photoPreview(['a', 'b', 'c'], 1)).toEqual({ urls: ['a', 'b', 'c'], current: 'b' });
    expect(photoPreview(['a'], 5).current).toBe('a');
  });

  it('shows a guest’s title and topic only when given', () => {
    expect(guestLines(salon.guests[0])).toEqual({ title: '某律师事务所合伙人', topic: '分享主题：跨境投资中的合规要点' });
    expect(guestLines(salon.guests[1])).toEqual({ title: null, topic: null });
    expect(guestInitial({ name: ' 王静' })).toBe('王');
    expect(guestInitial({ name: '' })).toBe('嘉');
  });
});

describe('applicant profile on the registrations page', () => {
  const row: Pick<RegistrationRow, 'title' | 'employer' | 'sector'> = { title: '合伙人律师', employer: '某律师事务所', sector: 'professional' };

  it('shows title, employer and sector, whichever are filled in', () => {
    expect(applicantProfile(row)).toBe('合伙人律师 · 某律师事务所 · 专业机构从业人员');
    expect(applicantProfile({ ...row, title: ' ', sector: null })).toBe('某律师事务所');
    expect(applicantProfile({ title: '', employer: '', sector: null })).toBe('未填写职务、单位和界别');
  });
});
