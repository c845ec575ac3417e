import type { RegistrationDoc } from '../../cloudfunctions/shared/data/documents';
import { registrationWorkbook } from '../../cloudfunctions/shared/domain/registration-sheet';
import { createdAt, eventDoc, memberDoc } from './fixtures';

const minute = 60_000;
const exportedAt = new Date('2026-11-26T01:30:00Z');

let rowCounter = 0;

/** A person's row on the salon: state, sign-up number and anything else as given. */
function personRow(overrides: Partial<RegistrationDoc> & Pick<RegistrationDoc, 'memberId' | 'state' | 'arrival'>): RegistrationDoc {
  const n = ++rowCounter;
  return {
    _id: `ev-1_${overrides.memberId}`,
    eventId: 'ev-1',
    kind: 'person',
    teamId: null,
    team: null,
    contact: { name: `报名人${n}`, mobile: `1380000${String(n).padStart(4, '0')}` },
    answers: {},
    requestId: null,
    offer: null,
    decisionMessage: null,
    addedBy: null,
    event: { title: '沙龙', kind: 'salon', startAt: createdAt, endAt: createdAt, venue: { name: '会客厅', address: '' } },
    createdAt: new Date(createdAt.getTime() + n * minute),
    updatedAt: createdAt,
    cancelledAt: null,
    ...overrides,
  };
}

describe('registrationWorkbook', () => {
  // Two seats: numbers 1 and 2 hold them, 3 onwards wait.
  const event = eventDoc({
    capacity: 2,
    admitThrough: 2,
    arrivals: 5,
    questions: [{ id: 'q-field', kind: 'single', label: '执业领域', required: true, options: ['仲裁', '并购'] }],
  });

  it('orders the list as an organizer works it: seated, offered, pending, waiting by place, then those who are out', () => {
    const rows = [
      personRow({ memberId: 'm-rejected', state: 'rejected', arrival: null, decisionMessage: '名额优先给金融从业者' }),
      personRow({ memberId: 'm-waiting-second', state: 'active', arrival: 5 }),
      personRow({ memberId: 'm-pending', state: 'pending', arrival: null }),
      personRow({ memberId: 'm-offered', state: 'active', arrival: 2, offer: { offeredAt: createdAt, expiresAt: exportedAt, claimedAt: null } }),
      personRow({ memberId: 'm-cancelled-waiting', state: 'cancelled', arrival: 3 }),
      personRow({ memberId: 'm-waiting-first', state: 'active', arrival: 4, addedBy: 'm-1' }),
      personRow({ memberId: 'm-seated', state: 'active', arrival: 1, answers: { 'q-field': '仲裁', 'q-gone': '旧问题的回答' } }),
    ];
    const workbook = registrationWorkbook(event, rows, [memberDoc({ _id: 'm-seated' })], exportedAt, '陆家嘴组织者');
    const [people] = workbook.sheets;
    const column = (header: string) => people.columns.findIndex((candidate) => candidate.header === header);

    expect(people.rows.map((row) => [row[column('状态')], row[column('候补位次')]])).toEqual([
      ['已报名', null],
      ['候补到位，待确认', null],
      ['待审核', null],
      // Number 3 cancelled, so number 4 is first in line.
      ['候补', 1],
      ['候补', 2],
      ['已取消', null],
      ['未通过', null],
    ]);
    expect(people.rows.map((row) => row[0])).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(people.rows[3][column('报名方式')]).toBe('组织者添加');
    expect(people.rows[6][column('审核留言')]).toBe('名额优先给金融从业者');
    // The seated member's profile; the others have none on file, so their cells stay empty.
    expect([people.rows[0][column('界别')], people.rows[0][column('单位')], people.rows[1][column('单位')]]).toEqual(['专业机构从业人员', '浦江律师事务所', null]);
    // An answer to a question since removed keeps its own column, so nothing an applicant wrote is lost.
    expect(people.columns.slice(-2).map((candidate) => candidate.header)).toEqual(['执业领域', '已删除问题的回答']);
    expect(people.rows[0].slice(-2)).toEqual(['仲裁', '旧问题的回答']);
    expect(people.columns[column('手机号')].text).toBe(true);
    expect(workbook.people).toBe(7);
  });

  it('leaves the removed-question column out when no answer needs it, and names the file safely in Shanghai time', () => {
    const workbook = registrationWorkbook(eventDoc({ title: 'A/B: 1|2 "测试"?' }), [], [], exportedAt, '陆家嘴组织者');
    expect(workbook.sheets[0].columns.map((column) => column.header)).not.toContain('已删除问题的回答');
    expect(workbook.fileName).toBe('A B 1 2 测试-报名名单-20261126-0930.xlsx');
    const facts = Object.fromEntries(workbook.sheets[1].rows.map(([label, value]) => [label, value]));
    expect(facts).toMatchObject({ 签到率: '—', 导出时间: '2026-11-26 09:30', 导出人: '陆家嘴组织者', 时间: '2026-12-05 14:00 至 2026-12-05 16:00' });
  });
});
