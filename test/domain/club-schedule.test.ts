import type { ClubSchedule } from '../../cloudfunctions/shared/contract/clubs';
import type { ClubDoc, EventDoc } from '../../cloudfunctions/shared/data/documents';
import {
  monthlyDay,
  newSessionDoc,
  normalizedSchedule,
  occurrenceDays,
  scheduleText,
  sessionsOutOfSchedule,
  sessionsToGenerate,
  shanghaiDayOf,
  shanghaiInstant,
} from '../../cloudfunctions/shared/domain/club-schedule';

const weekly: ClubSchedule = {
  frequency: 'weekly',
  weekday: 6,
  time: '19:30',
  durationMinutes: 90,
  venue: { name: '浦东图书馆 4 楼研讨室', address: '浦东新区前程路 88 号' },
  seats: 20,
  ahead: 4,
};

function monthly(monthDay: number, overrides: Partial<ClubSchedule> = {}): ClubSchedule {
  return { ...weekly, frequency: 'monthly', weekday: undefined, monthDay, ...overrides };
}

function club(overrides: Partial<ClubDoc> = {}): ClubDoc {
  const at = new Date('2026-10-01T02:00:00Z');
  return {
    _id: 'club-1',
    orgId: 'org-club-reading',
    orgName: '新联悦读会',
    name: '新联悦读会',
    description: '每周共读一本书。',
    memberCap: 30,
    memberCount: 5,
    currentBook: { title: '乡土中国', author: '费孝通', isbn: '', coverFileId: null, reason: '', startedAt: at, finishedAt: null },
    books: [],
    schedule: weekly,
    scheduleSetBy: 'm-organizer',
    createdBy: 'm-organizer',
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

/** 10:00 on Wednesday 25 November 2026 in Shanghai. */
const wednesdayMorning = new Date('2026-11-25T02:00:00Z');

describe('Shanghai days and instants', () => {
  it('puts an instant on its Shanghai day, which may be the next UTC day', () => {
    expect(shanghaiDayOf(new Date('2026-12-02T15:59:59Z'))).toBe('2026-12-02');
    expect(shanghaiDayOf(new Date('2026-12-02T16:00:00Z'))).toBe('2026-12-03');
  });

  it('turns a wall-clock time on a Shanghai day into UTC: 00:30 is the previous UTC day', () => {
    expect(shanghaiInstant('2026-12-03', '00:30').toISOString()).toBe('2026-12-02T16:30:00.000Z');
    expect(shanghaiInstant('2026-12-03', '19:30').toISOString()).toBe('2026-12-03T11:30:00.000Z');
  });
});

describe('weekly occurrences', () => {
  it('lists the next Saturdays after now', () => {
    expect(occurrenceDays(weekly, wednesdayMorning, 4)).toEqual(['2026-11-28', '2026-12-05', '2026-12-12', '2026-12-19']);
  });

  it('includes today while the session has not started, and moves a week on from its start', () => {
    const saturday = (time: string) => new Date(`2026-11-28T${time}:00+08:00`);
    expect(occurrenceDays(weekly, saturday('19:29'), 1)).toEqual(['2026-11-28']);
    expect(occurrenceDays(weekly, saturday('19:30'), 1)).toEqual(['2026-12-05']);
  });

  it('counts weekdays in Shanghai, not UTC: 01:00 on a Shanghai Sunday is still Saturday in UTC', () => {
    const sundayMorning = new Date('2026-11-28T17:00:00Z');
    expect(occurrenceDays({ ...weekly, weekday: 0, time: '09:00' }, sundayMorning, 2)).toEqual(['2026-11-29', '2026-12-06']);
  });

  it('places a 00:30 session on its Shanghai day, starting the UTC evening before', () => {
    const schedule = { ...weekly, weekday: 4, time: '00:30' };
    const [day] = occurrenceDays(schedule, wednesdayMorning, 1);
    expect(day).toBe('2026-11-26');
    const session = newSessionDoc(club({ schedule }), schedule, day, 'm-organizer', wednesdayMorning);
    expect(session.startAt.toISOString()).toBe('2026-11-25T16:30:00.000Z');
    expect(occurrenceDays(schedule, new Date('2026-11-25T16:30:00Z'), 1)).toEqual(['2026-12-03']);
  });
});

describe('monthly occurrences', () => {
  it('holds a 31st session on the last day of shorter months', () => {
    expect(occurrenceDays(monthly(31), new Date('2027-01-15T02:00:00Z'), 4)).toEqual(['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30']);
  });

  it('uses 29 February in a leap year', () => {
    // After the 31 January session has started (19:30 Shanghai = 11:30 UTC).
    expect(occurrenceDays(monthly(31), new Date('2028-01-31T12:00:00Z'), 3)).toEqual(['2028-02-29', '2028-03-31', '2028-04-30']);
    expect(monthlyDay(2028, 2, 30)).toBe('2028-02-29');
    expect(monthlyDay(2027, 2, 29)).toBe('2027-02-28');
    expect(monthlyDay(2027, 2, 15)).toBe('2027-02-15');
  });

  it('starts next month once this month’s session has started, across a year end', () => {
    expect(occurrenceDays(monthly(5), new Date('2026-12-05T12:00:00Z'), 2)).toEqual(['2027-01-05', '2027-02-05']);
    expect(occurrenceDays(monthly(5), new Date('2026-12-05T11:00:00Z'), 1)).toEqual(['2026-12-05']);
  });
});

describe('schedule fields', () => {
  it('needs the day its frequency names, and keeps only that one', () => {
    expect(() => normalizedSchedule({ ...weekly, weekday: undefined })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'schedule.weekday' }));
    expect(() => normalizedSchedule(monthly(31, { monthDay: undefined }))).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'schedule.monthDay' }));
    expect(normalizedSchedule({ ...weekly, monthDay: 12 })).toEqual(weekly);
    expect(normalizedSchedule({ ...monthly(12), weekday: 3 })).toEqual({ ...monthly(12), weekday: undefined });
    expect('weekday' in normalizedSchedule({ ...monthly(12), weekday: 3 })).toBe(false);
  });

  it('says the schedule in words', () => {
    expect(scheduleText(weekly)).toBe('每周六 19:30 · 浦东图书馆 4 楼研讨室');
    expect(scheduleText(monthly(31))).toBe('每月 31 日（当月没有这一天时改在月末） 19:30 · 浦东图书馆 4 楼研讨室');
    expect(scheduleText(monthly(8))).toBe('每月 8 日 19:30 · 浦东图书馆 4 楼研讨室');
  });
});

describe('generating sessions', () => {
  it('makes each occurrence an open reading event of the club’s organisation, taking sign-ups until it starts', () => {
    const [first] = sessionsToGenerate(club(), new Set(), 'm-organizer', wednesdayMorning);
    expect(first).toMatchObject({
      _id: 'club-club-1-2026-11-28',
      title: '新联悦读会·《乡土中国》共读',
      kind: 'reading',
      status: 'published',
      orgId: 'org-club-reading',
      hostOrgIds: ['org-club-reading'],
      hosts: [{ id: 'org-club-reading', name: '新联悦读会' }],
      venue: weekly.venue,
      capacity: 20,
      arrivals: 0,
      admitThrough: 20,
      requiresApproval: false,
      team: null,
      createdBy: 'm-organizer',
      clubSession: { clubId: 'club-1', occurrence: '2026-11-28', topic: '' },
    });
    expect(first.startAt.toISOString()).toBe('2026-11-28T11:30:00.000Z');
    expect(first.endAt.toISOString()).toBe('2026-11-28T13:00:00.000Z');
    expect(first.signupOpensAt).toEqual(wednesdayMorning);
    expect(first.signupClosesAt).toEqual(first.startAt);
    expect(first.description).toBe('本期共读《乡土中国》（费孝通）。每周共读一本书。');
  });

  it('is idempotent: occurrences that exist are not generated again, whether moved or cancelled', () => {
    const all = sessionsToGenerate(club(), new Set(), 'm-organizer', wednesdayMorning);
    expect(all.map((session) => session.clubSession!.occurrence)).toEqual(['2026-11-28', '2026-12-05', '2026-12-12', '2026-12-19']);
    // 28 Nov was moved to another day and 5 Dec cancelled; both keep their occurrence, so neither comes back.
    const rest = sessionsToGenerate(club(), new Set(['2026-11-28', '2026-12-05']), 'm-organizer', wednesdayMorning);
    expect(rest.map((session) => session._id)).toEqual(['club-club-1-2026-12-12', 'club-club-1-2026-12-19']);
    expect(sessionsToGenerate(club(), new Set(all.map((session) => session.clubSession!.occurrence)), 'm-organizer', wednesdayMorning)).toEqual([]);
  });

  it('generates nothing without a schedule, and a plain title when there is no book or the title would be too long', () => {
    expect(sessionsToGenerate(club({ schedule: null }), new Set(), 'm-organizer', wednesdayMorning)).toEqual([]);
    expect(sessionsToGenerate(club({ currentBook: null }), new Set(), 'm', wednesdayMorning)[0].title).toBe('新联悦读会·共读会');
    const longTitle = club({ currentBook: { ...club().currentBook!, title: '书'.repeat(55) } });
    expect(sessionsToGenerate(longTitle, new Set(), 'm', wednesdayMorning)[0].title).toBe('新联悦读会·共读会');
  });
});

describe('a changed schedule', () => {
  const generated = sessionsToGenerate(club(), new Set(), 'm-organizer', wednesdayMorning);
  const later = new Date(wednesdayMorning.getTime() + 3600_000);

  it('leaves behind the untouched sessions it would not make the same way', () => {
    const friday = { ...weekly, weekday: 5 };
    expect(sessionsOutOfSchedule(friday, generated, later).map((session) => session._id)).toEqual(generated.map((session) => session._id));
    expect(sessionsOutOfSchedule({ ...weekly, time: '19:00' }, generated, later)).toHaveLength(4);
    expect(sessionsOutOfSchedule({ ...weekly, seats: 30 }, generated, later)).toHaveLength(4);
    expect(sessionsOutOfSchedule({ ...weekly, venue: { ...weekly.venue, name: '陆家嘴书房' } }, generated, later)).toHaveLength(4);
    expect(sessionsOutOfSchedule(null, generated, later)).toHaveLength(4);
  });

  it('keeps what still fits, and every session someone signed up for, edited or cancelled', () => {
    expect(sessionsOutOfSchedule(weekly, generated, later)).toEqual([]);
    const [signedUp, edited, cancelled, untouched] = generated;
    const used: EventDoc[] = [
      { ...signedUp, arrivals: 1 },
      { ...edited, updatedAt: later },
      { ...cancelled, status: 'cancelled', updatedAt: later },
      untouched,
    ];
    expect(sessionsOutOfSchedule({ ...weekly, weekday: 5 }, used, later)).toEqual([untouched]);
    expect(sessionsOutOfSchedule(null, [{ ...untouched, clubSession: null }], later)).toEqual([]);
  });
});
