import { existsSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { MyRegistration, Page, RegistrationExport, RegistrationRow } from '../../cloudfunctions/shared/contract';
import { collections, type AuditDoc, type ExportFileDoc } from '../../cloudfunctions/shared/data/documents';
import { ExportFilesRepository } from '../../cloudfunctions/shared/data/export-files-repository';
import { localFileStorage } from '../../cloudfunctions/shared/runtime/cloud';
import { dataOf, harnessForThisFile, openIds, orgIds, seedNow } from '../support/functions';
import { addEvent, addMembers, codeOf, memberIdOf, nextRequestId, signUp } from './signup-support';

const harness = harnessForThisFile();

const hour = 3600 * 1000;
const organizer = openIds.lujiazuiOrganizer;

type Cell = string | number | null;

/** The workbook behind an export's link: each sheet's header and rows as plain values. */
async function download(exported: RegistrationExport): Promise<Record<string, { header: Cell[]; rows: Cell[][] }>> {
  const response = await fetch(exported.url);
  expect(response.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await response.arrayBuffer()) as ExcelJS.Buffer);
  const sheets: Record<string, { header: Cell[]; rows: Cell[][] }> = {};
  for (const worksheet of workbook.worksheets) {
    const values: Cell[][] = [];
    worksheet.eachRow((row) => values.push((row.values as Cell[]).slice(1).map((value) => value ?? null)));
    sheets[worksheet.name] = { header: values[0], rows: values.slice(1) };
  }
  return sheets;
}

function exportOf(eventId: string, openId: string | null = organizer, now = seedNow) {
  return harness.call(openId, 'reports', 'exportRegistrations', { eventId }, { now });
}

/** A sheet's rows as objects keyed by header, for the columns a test looks at. */
function records(sheet: { header: Cell[]; rows: Cell[][] }): Record<string, Cell>[] {
  return sheet.rows.map((row) => Object.fromEntries(sheet.header.map((header, index) => [String(header), row[index] ?? null])));
}

describe('reports.exportRegistrations', () => {
  it('lists every registration with full mobile, status, place in line, profile and answers, in working order', async () => {
    const event = await addEvent(harness, {
      title: '陆家嘴金融沙龙：跨境/合规?',
      capacity: 2,
      questions: [
        { id: 'q-topic', kind: 'text', label: '想交流的话题', required: false, options: [] },
        { id: 'q-days', kind: 'multiple', label: '可参加的日期', required: false, options: ['周六', '周日'] },
      ],
    });
    const [first, second, third, fourth] = await addMembers(harness, 4);
    const answered = { answers: { 'q-topic': '跨境合规', 'q-days': ['周六', '周日'] } };
    for (const openId of [first, second, third, fourth]) dataOf(await signUp(harness, event._id, openId, openId === first ? answered : {}));
    // The second gives up their seat: the third moves up, the fourth is now first in line.
    dataOf<MyRegistration>(await harness.call(second, 'events', 'cancel', { eventId: event._id }));

    const exported = dataOf<RegistrationExport>(await exportOf(event._id));
    expect(exported.fileName).toBe('陆家嘴金融沙龙：跨境 合规-报名名单-20261125-1000.xlsx');
    expect(exported.people).toBe(4);
    expect(new Date(exported.urlExpiresAt).getTime()).toBe(seedNow.getTime() + 15 * 60_000);

    const { 报名名单: people, 活动概况: summary } = await download(exported);
    expect(people.header).toEqual(['序号', '姓名', '手机号', '状态', '候补位次', '界别', '单位', '职务', '报名时间', '报名方式', '审核留言', '签到时间', '签到方式', '想交流的话题', '可参加的日期']);
    const listed = records(people);
    expect(listed.map((row) => [row['序号'], row['状态'], row['候补位次']])).toEqual([
      [1, '已报名', null],
      [2, '已报名', null],
      [3, '候补', 1],
      [4, '已取消', null],
    ]);
    const page = dataOf<Page<RegistrationRow>>(await harness.call(organizer, 'events', 'registrations', { eventId: event._id, page: 1, pageSize: 20 }));
    const fromList = new Map(page.items.map((row) => [row.mobile, row]));
    // The sheet says what the registrations page says, mobile unmasked.
    for (const row of listed) {
      const shown = fromList.get(String(row['手机号']))!;
      expect(shown).toBeDefined();
      expect([row['姓名'], row['候补位次']]).toEqual([shown.name, shown.waitlistPosition]);
    }
    expect(listed[0]).toMatchObject({ 界别: '企业管理技术人员', 单位: '张江科技', 报名时间: '2026-11-25 10:00', 报名方式: '本人报名', 想交流的话题: '跨境合规', 可参加的日期: '周六、周日' });
    expect(String(listed[0]['手机号'])).toMatch(/^1\d{10}$/);
    expect(records(summary).map((row) => [row['项目'], row['内容']])).toEqual(
      expect.arrayContaining([
        ['活动', '陆家嘴金融沙龙：跨境/合规?'],
        ['名额（人）', 2],
        ['已报名（人）', 2],
        ['候补（人）', 1],
        ['已签到人数', 0],
        ['导出人', '陆家嘴组织者'],
      ]),
    );
  });

  it('puts each team member on a row of their own, under their team', async () => {
    const event = await addEvent(harness, { kind: 'sports', capacity: 1, team: { minSize: 2, maxSize: 3 } });
    const [captain, mate, otherCaptain, otherMate] = await addMembers(harness, 4);
    const contact = { name: '队员', mobile: '13900001111' };
    const create = async (openId: string, teamName: string) =>
      dataOf<MyRegistration>(await harness.call(openId, 'events', 'createTeam', { eventId: event._id, requestId: nextRequestId(), teamName, contact, answers: {} })).team!.inviteCode!;
    dataOf(await harness.call(mate, 'events', 'joinTeam', { inviteCode: await create(captain, '飞鱼队'), contact, answers: {} }));
    dataOf(await harness.call(otherMate, 'events', 'joinTeam', { inviteCode: await create(otherCaptain, '海鸥队'), contact, answers: {} }));

    const { 报名名单: people } = await download(dataOf<RegistrationExport>(await exportOf(event._id)));
    expect(people.header.slice(0, 7)).toEqual(['序号', '姓名', '手机号', '状态', '候补位次', '队伍', '队内身份']);
    expect(records(people).map((row) => [row['队伍'], row['队内身份'], row['状态'], row['候补位次']])).toEqual([
      ['飞鱼队', '队长', '已报名', null],
      ['飞鱼队', '队员', '已报名', null],
      ['海鸥队', '队长', '候补', 1],
      ['海鸥队', '队员', '候补', 1],
    ]);
  });

  it('shows who checked in, and the attendance rate', async () => {
    const startAt = new Date(seedNow.getTime() + hour);
    const event = await addEvent(harness, { startAt, endAt: new Date(startAt.getTime() + 3 * hour), signupClosesAt: startAt, cancellationDeadline: null, capacity: 5 });
    const [came, absent] = await addMembers(harness, 2);
    for (const openId of [came, absent]) dataOf(await signUp(harness, event._id, openId));
    dataOf(await harness.call(organizer, 'checkin', 'checkInByHand', { eventId: event._id, memberId: memberIdOf(came), nonce: `nonce-export-${Date.now()}`, device: '服务台' }));

    const { 报名名单: people, 活动概况: summary } = await download(dataOf<RegistrationExport>(await exportOf(event._id)));
    expect(records(people).map((row) => [row['签到时间'], row['签到方式']])).toEqual([
      ['2026-11-25 10:00', '手动签到'],
      [null, null],
    ]);
    expect(records(summary).find((row) => row['项目'] === '签到率')?.['内容']).toBe('50%');
  });

  it('answers an event nobody signed up for with a header and an empty list', async () => {
    const event = await addEvent(harness);
    const exported = dataOf<RegistrationExport>(await exportOf(event._id));
    expect(exported.people).toBe(0);
    expect((await download(exported))['报名名单'].rows).toEqual([]);
  });

  it('is only for organizers of the host organisation, and records who exported', async () => {
    const event = await addEvent(harness);
    expect(codeOf(await exportOf(event._id, openIds.member))).toBe('FORBIDDEN');
    expect(codeOf(await exportOf(event._id, openIds.huamuOrganizer))).toBe('FORBIDDEN');
    expect(codeOf(await exportOf(event._id, null))).toBe('UNAUTHENTICATED');
    expect(codeOf(await exportOf('ev-missing'))).toBe('NOT_FOUND');
    // An organizer of an organisation above the host may export.
    dataOf(await exportOf(event._id, openIds.generalOrganizer));

    const exported = dataOf<RegistrationExport>(await exportOf(event._id));
    const { data } = await harness.db.collection(collections.audit).where({ action: 'exportRegistrations', actorMemberId: 'm-lujiazui-organizer' }).get();
    expect((data as AuditDoc[]).map((entry) => [entry.orgId, entry.target.collection])).toContainEqual([orgIds.lujiazui, collections.exportFiles]);
    expect((await fetch(exported.url)).status).toBe(200);
  });

  it('deletes the file an hour later, when the timer runs', async () => {
    const event = await addEvent(harness);
    const [member] = await addMembers(harness, 1);
    dataOf(await signUp(harness, event._id, member));
    const exported = dataOf<RegistrationExport>(await exportOf(event._id));
    const { data } = await harness.db.collection(collections.exportFiles).where({ eventId: event._id }).get();
    const [record] = data as ExportFileDoc[];
    expect(record.deleteAfter.getTime()).toBe(seedNow.getTime() + hour);

    const early = dataOf<{ removed: number }>(await harness.call(null, 'reports', 'removeExpiredExports', {}, { now: new Date(seedNow.getTime() + hour - 1000) }));
    expect(early.removed).toBe(0);
    expect((await fetch(exported.url)).status).toBe(200);

    const { reply } = await harness.invokeRaw(null, 'reports', { Type: 'Timer', TriggerName: 'remove-expired-exports', Time: new Date(seedNow.getTime() + hour).toISOString() }, { now: new Date(seedNow.getTime() + hour) });
    expect(dataOf<{ removed: number }>(reply).removed).toBeGreaterThanOrEqual(1);
    expect((await fetch(exported.url)).status).toBe(404);
    expect((await harness.db.collection(collections.exportFiles).where({ eventId: event._id }).count()).total).toBe(0);
  });

  it('lists more than a thousand people (reads past CloudBase’s page cap)', async () => {
    const event = await addEvent(harness, { capacity: 1000 });
    const members = await addMembers(harness, 1100);
    for (let start = 0; start < members.length; start += 100) {
      await Promise.all(members.slice(start, start + 100).map((openId) => signUp(harness, event._id, openId)));
    }
    const exported = dataOf<RegistrationExport>(await exportOf(event._id));
    expect(exported.people).toBe(1100);
    const listed = records((await download(exported))['报名名单']);
    expect(listed.filter((row) => row['状态'] === '已报名')).toHaveLength(1000);
    expect(listed.filter((row) => row['状态'] === '候补').map((row) => row['候补位次'])).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(new Set(listed.map((row) => row['手机号'])).size).toBe(1100);
  });

  it('takes the file back out of storage when its record cannot be written', async () => {
    const repository = new ExportFilesRepository(harness.db, localFileStorage(harness.cloud));
    const record = { _id: 'export-taken-id', eventId: 'ev-x', memberId: 'm-lujiazui-organizer', createdAt: seedNow, deleteAfter: seedNow };
    await harness.db.collection(collections.exportFiles).add({ ...record, fileId: 'cloud://earlier' });
    const cloudPath = 'exports/registrations/export-taken-id.xlsx';
    await expect(repository.store(cloudPath, Buffer.from('bytes'), record)).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
    expect(existsSync(path.join(harness.storageDir, 'files', cloudPath))).toBe(false);
  });
});
