import type tcb from '@cloudbase/node-sdk';
import { PNG } from 'pngjs';
import { invoke as invokeCheckin } from '../../cloudfunctions/checkin';
import { invoke as invokeClubs } from '../../cloudfunctions/clubs';
import { invoke as invokeEvents } from '../../cloudfunctions/events';
import type { ClubSchedule, NoteView } from '../../cloudfunctions/shared/contract';
import { collections, type EventDoc, type MemberDoc } from '../../cloudfunctions/shared/data/documents';
import { newClubDoc } from '../../cloudfunctions/shared/domain/club-rules';
import { addDays, sessionId, shanghaiDayOf, shanghaiInstant, weekdayOf } from '../../cloudfunctions/shared/domain/club-schedule';
import type { CloudConfig } from '../../cloudfunctions/shared/runtime';
import { personaOpenId } from './people';

type CloudApp = ReturnType<typeof tcb.init>;

/** The district reading programme's club, of the organisation 新联悦读会. */
export const demoClubId = 'club-reading';
const clubOrg = { _id: 'org-club-reading', name: '新联悦读会' };
const organizerId = 'm-chen-siyuan';

const hour = 3600 * 1000;
const day = 24 * hour;

/** Club members: three who belong to the reading organisation, three more readers, and a dozen from the crowd. */
const readerIds = ['m-lin-xiao', 'm-sun-yue', 'm-tang-kai', 'm-zhou-ting', 'm-luo-qian', 'm-gao-fang', ...Array.from({ length: 12 }, (_, i) => `m-crowd-${263 + i}`)];

const books = [
  { title: '额尔古纳河右岸', author: '迟子建', isbn: '', reason: '茅盾文学奖作品，写鄂温克族百年变迁，适合开启我们的共读。', daysAgo: 150 },
  { title: '平凡的世界', author: '路遥', isbn: '', reason: '三部一百多万字，每周一部分，读普通人在时代里的奋斗。', daysAgo: 70 },
  { title: '乡土中国', author: '费孝通', isbn: '', reason: '篇幅不长而影响深远，帮助我们理解基层社会与人情关系。', daysAgo: 3 },
];

/** The four sessions held before now, on 《平凡的世界》, the latest last. */
const pastTopics = ['第一部：孙少平的青春', '第二部：双水村的变迁', '第三部：奋斗与尊严', '全书总结与交流'];

interface DemoNote {
  by: string;
  /** Shanghai day relative to today, and the wall-clock time; the post at day 0 is made at "now". */
  day: number;
  time: string;
  text: string;
  quote?: string;
  page?: number;
}

const notesOnPingfan: DemoNote[] = [
  { by: 'm-sun-yue', day: -20, time: '21:10', text: '孙少平在煤矿里读《红与黑》那段，让我想起自己刚来上海时在出租屋里画画的日子。', page: 312 },
  { by: 'm-tang-kai', day: -16, time: '22:40', text: '路遥写田福军的改革，没有口号，全是具体的难处：一块地、一笔账、一个人情。', quote: '生活不能等待别人来安排，要自己去争取和奋斗。' },
  { by: 'm-lin-xiao', day: -12, time: '07:50', text: '重读才发现，润叶和少安的故事写的是选择的代价。做内容的人也常在两难里取舍。' },
  { by: 'm-crowd-265', day: -9, time: '20:15', text: '第三部读完，最打动我的是兰香考上大学那一章，一个家庭几代人的盼头。', page: 981 },
];

const notesOnXiangtu: DemoNote[] = [
  { by: 'm-tang-kai', day: -3, time: '21:00', text: '导读：《乡土中国》共十四篇，本周先读前五篇。建议边读边想想自己老家的人情往来，下次见面大家各带一个例子。' },
  { by: 'm-zhou-ting', day: -2, time: '22:05', text: '“文字下乡”一篇说乡土社会是面对面的社群，不需要文字。今天的微信群算不算新的“面对面”？', page: 14 },
  { by: 'm-lin-xiao', day: -2, time: '12:00', text: '“差序格局”像石子投进水里的波纹，以自己为中心一圈圈推出去。做社区报道时常能看到这种关系。', quote: '好像把一块石头丢在水面上所发生的一圈圈推出去的波纹。', page: 25 },
  { by: 'm-crowd-270', day: -1, time: '13:00', text: '加微信领取全套电子书资源，另有低价课程代购，名额有限先到先得。' },
  { by: 'm-sun-yue', day: -1, time: '20:00', text: '读到“男女有别”，作者说乡土社会求稳定，感情被克制。想到父母那一代的相处方式。' },
  { by: 'm-lin-xiao', day: -1, time: '21:30', text: '“礼治秩序”不等于没有规矩，而是规矩长在习惯里。和城市里的契约社会对照着读很有意思。', page: 48 },
  { by: 'm-lin-xiao', day: 0, time: '', text: '早上通勤读完“无讼”一篇：打官司在乡土社会是丢脸的事。周六想和大家聊聊今天的调解制度。', page: 54 },
];

/** The note members report three times, which stays hidden until an organizer decides. */
const reportedNoteBy = 'm-crowd-270';
const reporters = ['m-sun-yue', 'm-tang-kai', 'm-zhou-ting'];

/** A plain book cover: paper-coloured, with a dark band where the title would be. */
function demoCoverPng(): Buffer {
  const width = 120;
  const height = 168;
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const offset = (y * width + x) * 4;
      const band = y > 30 && y < 70;
      png.data[offset] = band ? 92 : 236;
      png.data[offset + 1] = band ? 52 : 226;
      png.data[offset + 2] = band ? 40 : 206;
      png.data[offset + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

/**
 * The demo reading club, made through the clubs, events and checkin functions at the moments things happened, so its
 * history (books, sessions, sign-ups, check-ins, notes, streaks, reports) is what the product would have recorded.
 * The demo events ev-reading-12 and ev-reading-13 become two of its upcoming sessions.
 */
export async function seedClubs(app: CloudApp, cloud: CloudConfig, now: Date): Promise<void> {
  const db = app.database();
  const organizer = personaOpenId(organizerId);
  let nonce = 0;
  const call = async <T>(invoke: typeof invokeClubs, fn: string, openId: string, action: string, data: Record<string, unknown>, at: Date): Promise<T> => {
    const { reply } = await invoke({ action, data }, { openId, cloud, now: at });
    if (!reply.ok) throw new Error(`seed: ${fn}.${action} for ${openId} answered ${reply.code} ${reply.message}`);
    return reply.data as T;
  };
  const clubs = <T>(openId: string, action: string, data: Record<string, unknown>, at: Date) => call<T>(invokeClubs, 'clubs', openId, action, data, at);
  const daysAgo = (days: number) => new Date(now.getTime() - days * day);

  const { data } = await db.collection(collections.members).where({ _id: db.command.in(readerIds) }).limit(100).get();
  const readers = new Map((data as MemberDoc[]).map((member) => [member._id, member]));
  const openIdOf = (memberId: string) => readers.get(memberId)!.openId!;

  const club = newClubDoc({ name: '新联悦读会', description: '浦东新联会的读书会：每周共读一本书，线上打卡分享读书笔记。', memberCap: 40 }, clubOrg, organizerId, daysAgo(160));
  await db.collection(collections.clubs).doc(demoClubId).set(club);

  for (const book of books.slice(0, 2)) {
    await clubs(organizer, 'setBook', { clubId: demoClubId, book: { title: book.title, author: book.author, isbn: book.isbn, reason: book.reason } }, daysAgo(book.daysAgo));
  }
  for (const [i, memberId] of readerIds.entries()) await clubs(openIdOf(memberId), 'join', { clubId: demoClubId }, daysAgo(140 - i * 5));

  // Saturdays at 19:30, the weekday of the demo's ev-reading-12; set four weeks ago, so four sessions are over by now.
  const today = shanghaiDayOf(now);
  const schedule: ClubSchedule = {
    frequency: 'weekly',
    weekday: weekdayOf(addDays(today, 3)),
    time: '19:30',
    durationMinutes: 90,
    venue: { name: '浦东图书馆 4 楼研讨室', address: '浦东新区前程路 88 号' },
    seats: 20,
    ahead: 4,
  };
  await clubs(organizer, 'setSchedule', { clubId: demoClubId, schedule }, daysAgo(27));

  for (const [k, topic] of pastTopics.entries()) {
    const occurrence = addDays(today, 3 - 7 * (4 - k));
    const eventId = sessionId(demoClubId, occurrence);
    const startAt = shanghaiInstant(occurrence, schedule.time);
    const dayBefore = new Date(startAt.getTime() - day);
    await clubs(organizer, 'setSessionTopic', { eventId, topic }, dayBefore);
    for (const [i, memberId] of readerIds.entries()) {
      if ((i + k) % 4 === 0) continue;
      const member = readers.get(memberId)!;
      const contact = { name: member.profile!.name, mobile: member.profile!.mobile };
      await call(invokeEvents, 'events', member.openId!, 'signup', { eventId, requestId: `seed-club-${k}-${i}`, contact, answers: {} }, dayBefore);
      if ((i * 3 + k) % 5 === 0) continue;
      const checkIn = { eventId, memberId, nonce: `seed-club-checkin-${++nonce}`, device: '服务台' };
      await call(invokeCheckin, 'checkin', organizer, 'checkInByHand', checkIn, new Date(startAt.getTime() + 10 * 60_000 + i * 60_000));
    }
  }

  const postNotes = async (notes: DemoNote[]): Promise<Map<DemoNote, NoteView>> => {
    const posted = new Map<DemoNote, NoteView>();
    for (const note of notes) {
      const at = note.day === 0 ? now : shanghaiInstant(addDays(today, note.day), note.time);
      posted.set(note, await clubs<NoteView>(openIdOf(note.by), 'postNote', { clubId: demoClubId, text: note.text, quote: note.quote ?? '', page: note.page ?? null }, at));
    }
    return posted;
  };
  await postNotes(notesOnPingfan);

  const current = books[2];
  const cover = `data:image/png;base64,${demoCoverPng().toString('base64')}`;
  // In the morning three days ago: after the last session on the previous book, before the first note on this one.
  const started = shanghaiInstant(addDays(today, -current.daysAgo), '08:00');
  await clubs(organizer, 'setBook', { clubId: demoClubId, book: { title: current.title, author: current.author, isbn: current.isbn, reason: current.reason, cover } }, started);

  // The two demo reading events become this club's sessions on their days; generating then fills the weeks between.
  const adopted: [string, string][] = [
    ['ev-reading-12', '第 1–5 章：乡土本色、文字下乡、差序格局'],
    ['ev-reading-13', '下一本预读：《置身事内》上篇'],
  ];
  for (const [eventId, topic] of adopted) {
    const { data: found } = await db.collection(collections.events).doc(eventId).get();
    const event = (found as EventDoc[])[0];
    await db.collection(collections.events).doc(eventId).update({ clubSession: db.command.set({ clubId: demoClubId, occurrence: shanghaiDayOf(event.startAt), topic }) });
  }
  const generated = await clubs<{ sessions: { id: string; occurrence: string }[] }>(organizer, 'generateSessions', { clubId: demoClubId }, daysAgo(1));
  const nextWeek = generated.sessions.find((session) => session.occurrence === addDays(today, 10));
  if (nextWeek) await clubs(organizer, 'setSessionTopic', { eventId: nextWeek.id, topic: '第 6–10 章：维系着私人的道德、家族、男女有别' }, daysAgo(1));

  const posted = await postNotes(notesOnXiangtu);
  const guide = posted.get(notesOnXiangtu[0])!;
  await clubs(organizer, 'pinNote', { noteId: guide.id, pinned: true }, daysAgo(2));
  const reported = [...posted].find(([note]) => note.by === reportedNoteBy)![1];
  for (const [i, memberId] of reporters.entries()) {
    await clubs(openIdOf(memberId), 'reportNote', { noteId: reported.id }, new Date(Date.parse(reported.createdAt) + (i + 1) * hour));
  }
}
