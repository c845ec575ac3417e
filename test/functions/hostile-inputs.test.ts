import { contract, type FunctionName } from '../../cloudfunctions/shared/contract';
import { harnessForThisFile, openIds, orgIds } from '../support/functions';

/** For every action: an input it accepts, and which of its fields are strings and which numbers. */
interface ActionInputs {
  valid: Record<string, unknown>;
  strings: string[];
  numbers: string[];
}

const validEventFields = {
  title: '跨境合规沙龙',
  kind: 'salon',
  venue: { name: '陆家嘴金融城会客厅', address: '浦东新区银城中路' },
  startAt: '2026-12-10T14:00:00+08:00',
  endAt: '2026-12-10T16:00:00+08:00',
  signupOpensAt: '2026-11-25T08:00:00+08:00',
  signupClosesAt: '2026-12-09T18:00:00+08:00',
  capacity: 30,
};

const table: { [F in FunctionName]: Record<keyof (typeof contract)[F], ActionInputs> } = {
  members: {
    me: { valid: {}, strings: [], numbers: [] },
    acceptPrivacy: { valid: { version: '2026-11' }, strings: ['version'], numbers: [] },
    saveProfile: {
      valid: { name: '王五', mobile: '13512345678', sector: 'freelance', employer: '自由职业', title: '设计师' },
      strings: ['name', 'mobile', 'sector', 'employer', 'title'],
      numbers: [],
    },
    myData: { valid: {}, strings: [], numbers: [] },
    deleteAccount: { valid: { confirm: 'DELETE' }, strings: ['confirm'], numbers: [] },
    notifications: { valid: { page: 1, pageSize: 20 }, strings: [], numbers: ['page', 'pageSize'] },
    markNotificationsRead: { valid: {}, strings: [], numbers: [] },
  },
  orgs: {
    tree: { valid: {}, strings: [], numbers: [] },
    get: { valid: { orgId: orgIds.lujiazui }, strings: ['orgId'], numbers: [] },
    join: { valid: { orgId: orgIds.huamu }, strings: ['orgId'], numbers: [] },
    leave: { valid: { orgId: orgIds.lujiazui }, strings: ['orgId'], numbers: [] },
    members: { valid: { orgId: orgIds.lujiazui, page: 1, pageSize: 10 }, strings: ['orgId'], numbers: ['page', 'pageSize'] },
    grantRole: { valid: { orgId: orgIds.lujiazui, memberId: 'm-member', role: 'steward' }, strings: ['orgId', 'memberId', 'role'], numbers: [] },
    revokeRole: { valid: { orgId: orgIds.lujiazui, memberId: 'm-member', role: 'steward' }, strings: ['orgId', 'memberId', 'role'], numbers: [] },
  },
  events: {
    list: {
      valid: { orgId: orgIds.lujiazui, kind: 'salon', from: '2026-11-25', to: '2026-12-31', page: 1, pageSize: 20 },
      strings: ['orgId', 'kind', 'from', 'to'],
      numbers: ['page', 'pageSize'],
    },
    get: { valid: { id: 'ev-salon' }, strings: ['id'], numbers: [] },
    create: { valid: { orgId: orgIds.lujiazui, requestId: 'req-hostile-event', fields: validEventFields }, strings: ['orgId', 'requestId'], numbers: [] },
    update: { valid: { id: 'ev-draft', fields: validEventFields }, strings: ['id'], numbers: [] },
    publish: { valid: { id: 'ev-draft' }, strings: ['id'], numbers: [] },
    closeSignup: { valid: { id: 'ev-salon' }, strings: ['id'], numbers: [] },
    cancelEvent: { valid: { id: 'ev-salon', message: '场地检修' }, strings: ['id', 'message'], numbers: [] },
    managed: { valid: { page: 1, pageSize: 20 }, strings: [], numbers: ['page', 'pageSize'] },
    postSummary: { valid: { id: 'ev-past', text: '二十位会员到场交流。', photos: [] }, strings: ['id', 'text'], numbers: [] },
    signup: {
      valid: { eventId: 'ev-forum', requestId: 'req-hostile-1', contact: { name: '王五', mobile: '13512345678' }, answers: {} },
      strings: ['eventId', 'requestId'],
      numbers: [],
    },
    myRegistration: { valid: { eventId: 'ev-forum' }, strings: ['eventId'], numbers: [] },
    myRegistrations: { valid: { when: 'upcoming', page: 1, pageSize: 20 }, strings: ['when'], numbers: ['page', 'pageSize'] },
    cancel: { valid: { eventId: 'ev-forum' }, strings: ['eventId'], numbers: [] },
    claimOffer: { valid: { eventId: 'ev-forum' }, strings: ['eventId'], numbers: [] },
    declineOffer: { valid: { eventId: 'ev-forum' }, strings: ['eventId'], numbers: [] },
    createTeam: {
      valid: { eventId: 'ev-forum', requestId: 'req-hostile-2', teamName: '飞鱼队', contact: { name: '王五', mobile: '13512345678' }, answers: {} },
      strings: ['eventId', 'requestId', 'teamName'],
      numbers: [],
    },
    teamByCode: { valid: { inviteCode: 'ABCDEF' }, strings: ['inviteCode'], numbers: [] },
    joinTeam: { valid: { inviteCode: 'ABCDEF', contact: { name: '王五', mobile: '13512345678' }, answers: {} }, strings: ['inviteCode'], numbers: [] },
    disbandTeam: { valid: { eventId: 'ev-forum' }, strings: ['eventId'], numbers: [] },
    registrations: { valid: { eventId: 'ev-forum', status: 'confirmed', page: 1, pageSize: 20 }, strings: ['eventId', 'status'], numbers: ['page', 'pageSize'] },
    decide: { valid: { eventId: 'ev-forum', memberId: 'm-member', approve: true, message: '欢迎' }, strings: ['eventId', 'memberId', 'message'], numbers: [] },
    searchRegistrations: { valid: { eventId: 'ev-forum', query: '陈' }, strings: ['eventId', 'query'], numbers: [] },
    findMembers: { valid: { eventId: 'ev-forum', query: '陈' }, strings: ['eventId', 'query'], numbers: [] },
    addMember: { valid: { eventId: 'ev-forum', memberId: 'm-member' }, strings: ['eventId', 'memberId'], numbers: [] },
    setCapacity: { valid: { eventId: 'ev-forum', capacity: 60 }, strings: ['eventId'], numbers: ['capacity'] },
    checkCounters: { valid: { eventId: 'ev-forum' }, strings: ['eventId'], numbers: [] },
    expireOffers: { valid: {}, strings: [], numbers: [] },
  },
  pledge: {
    current: { valid: {}, strings: [], numbers: [] },
    sign: {
      valid: {
        versionId: 'pledge-v1',
        name: '林晓',
        employer: '浦江视听工作室',
        sector: 'newmedia',
        platform: '微信视频号',
        account: '浦江视听',
        image: 'data:image/png;base64,iVBORw0KGgo=',
        readToEnd: true,
      },
      strings: ['versionId', 'name', 'employer', 'sector', 'platform', 'account', 'image'],
      numbers: [],
    },
    withdraw: { valid: { serial: 'XL-ABCDEFGH23' }, strings: ['serial'], numbers: [] },
    mySignatures: { valid: {}, strings: [], numbers: [] },
    verify: { valid: { serial: 'XL-ABCDEFGH23' }, strings: ['serial'], numbers: [] },
    saveDraft: {
      valid: { title: '新媒体从业人员自律公约', preamble: '序言', articles: [{ title: '真实', body: '内容真实' }], changeNote: '' },
      strings: ['title', 'preamble', 'changeNote'],
      numbers: [],
    },
    drafts: { valid: {}, strings: [], numbers: [] },
    publish: { valid: { versionId: 'pledge-v1' }, strings: ['versionId'], numbers: [] },
    stats: { valid: { orgId: orgIds.lujiazui }, strings: ['orgId'], numbers: [] },
    signers: { valid: { orgId: orgIds.lujiazui, page: 1, pageSize: 20 }, strings: ['orgId'], numbers: ['page', 'pageSize'] },
    verifyChain: { valid: {}, strings: [], numbers: [] },
  },
  checkin: {
    ticket: { valid: { eventId: 'ev-forum' }, strings: ['eventId'], numbers: [] },
    stewards: { valid: { eventId: 'ev-forum' }, strings: ['eventId'], numbers: [] },
    assignSteward: { valid: { eventId: 'ev-forum', memberId: 'm-member' }, strings: ['eventId', 'memberId'], numbers: [] },
    removeSteward: { valid: { eventId: 'ev-forum', memberId: 'm-member' }, strings: ['eventId', 'memberId'], numbers: [] },
    openScanner: { valid: { eventId: 'ev-forum' }, strings: ['eventId'], numbers: [] },
    redeem: {
      valid: { eventId: 'ev-forum', code: 'XT1.ev-forum_m-member.59000000.0123456789abcdef0123', nonce: 'nonce-hostile-1', device: '入口1号机' },
      strings: ['eventId', 'code', 'nonce', 'device'],
      numbers: [],
    },
    counter: { valid: { eventId: 'ev-forum' }, strings: ['eventId'], numbers: [] },
    search: { valid: { eventId: 'ev-forum', query: '陈' }, strings: ['eventId', 'query'], numbers: [] },
    checkInByHand: { valid: { eventId: 'ev-forum', memberId: 'm-member', nonce: 'nonce-hostile-2', device: '服务台' }, strings: ['eventId', 'memberId', 'nonce', 'device'], numbers: [] },
    undoCheckIn: { valid: { eventId: 'ev-forum', memberId: 'm-member', reason: '误签' }, strings: ['eventId', 'memberId', 'reason'], numbers: [] },
    preload: { valid: { eventId: 'ev-forum' }, strings: ['eventId'], numbers: [] },
    sync: {
      valid: {
        eventId: 'ev-forum',
        device: '入口2号机',
        scans: [{ code: 'XT1.ev-forum_m-member.59000000.0123456789abcdef0123', nonce: 'nonce-hostile-3', scannedAt: '2026-11-25T10:00:00+08:00' }],
      },
      strings: ['eventId', 'device'],
      numbers: [],
    },
    scanLog: { valid: { eventId: 'ev-forum', only: 'rejected', page: 1, pageSize: 20 }, strings: ['eventId', 'only'], numbers: ['page', 'pageSize'] },
    venueCode: { valid: { eventId: 'ev-forum' }, strings: ['eventId'], numbers: [] },
    selfCheckIn: { valid: { code: 'XV1.ev-forum.59000000.0123456789abcdef0123', nonce: 'nonce-hostile-4' }, strings: ['code', 'nonce'], numbers: [] },
  },
  clubs: {
    list: { valid: { page: 1, pageSize: 20 }, strings: [], numbers: ['page', 'pageSize'] },
    get: { valid: { clubId: 'club-hostile' }, strings: ['clubId'], numbers: [] },
    join: { valid: { clubId: 'club-hostile' }, strings: ['clubId'], numbers: [] },
    leave: { valid: { clubId: 'club-hostile' }, strings: ['clubId'], numbers: [] },
    create: {
      valid: { orgId: orgIds.lujiazuiReading, requestId: 'req-hostile-club', name: '陆家嘴悦读会', description: '每月共读一本书', memberCap: 30 },
      strings: ['orgId', 'requestId', 'name', 'description'],
      numbers: ['memberCap'],
    },
    update: {
      valid: { clubId: 'club-hostile', name: '陆家嘴悦读会', description: '每月共读一本书', memberCap: 30 },
      strings: ['clubId', 'name', 'description'],
      numbers: ['memberCap'],
    },
    setBook: {
      valid: { clubId: 'club-hostile', book: { title: '乡土中国', author: '费孝通', isbn: '9787101071233', reason: '理解中国基层社会' } },
      strings: ['clubId'],
      numbers: [],
    },
    setSchedule: {
      valid: {
        clubId: 'club-hostile',
        schedule: { frequency: 'weekly', weekday: 6, time: '19:30', durationMinutes: 90, venue: { name: '浦东图书馆 4 楼研讨室', address: '' }, seats: 20, ahead: 4 },
      },
      strings: ['clubId'],
      numbers: [],
    },
    generateSessions: { valid: { clubId: 'club-hostile' }, strings: ['clubId'], numbers: [] },
    generateDue: { valid: {}, strings: [], numbers: [] },
    sessions: { valid: { clubId: 'club-hostile', when: 'upcoming', page: 1, pageSize: 20 }, strings: ['clubId', 'when'], numbers: ['page', 'pageSize'] },
    setSessionTopic: { valid: { eventId: 'ev-late', topic: '第一章 乡土本色' }, strings: ['eventId', 'topic'], numbers: [] },
    notes: { valid: { clubId: 'club-hostile', page: 1, pageSize: 20 }, strings: ['clubId'], numbers: ['page', 'pageSize'] },
    postNote: {
      valid: { clubId: 'club-hostile', text: '读完第一章，乡土社会的熟人逻辑很有启发。', quote: '乡土社会是安土重迁的', page: 12 },
      strings: ['clubId', 'text', 'quote'],
      numbers: ['page'],
    },
    reportNote: { valid: { noteId: 'note-hostile' }, strings: ['noteId'], numbers: [] },
    pinNote: { valid: { noteId: 'note-hostile', pinned: true }, strings: ['noteId'], numbers: [] },
    moderateNote: { valid: { noteId: 'note-hostile', hidden: true }, strings: ['noteId'], numbers: [] },
    myReading: { valid: {}, strings: [], numbers: [] },
    stats: { valid: { clubId: 'club-hostile' }, strings: ['clubId'], numbers: [] },
  },
  reports: {
    exportRegistrations: { valid: { eventId: 'ev-forum' }, strings: ['eventId'], numbers: [] },
    removeExpiredExports: { valid: {}, strings: [], numbers: [] },
  },
};

interface HostileCase {
  fn: FunctionName;
  action: string;
  label: string;
  data: Record<string, unknown>;
  field: string;
}

function hostileCases(): HostileCase[] {
  const cases: HostileCase[] = [];
  for (const fn of Object.keys(table) as FunctionName[]) {
    for (const [action, inputs] of Object.entries(table[fn] as Record<string, ActionInputs>)) {
      const add = (label: string, data: Record<string, unknown>, field: string) => cases.push({ fn, action, label, data, field });
      add('an unknown field', { ...inputs.valid, isAdmin: true }, 'isAdmin');
      add('an operator key', { ...inputs.valid, $where: 'sleep(1000)' }, '$where');
      for (const field of inputs.strings) {
        add(`${field} as {"$ne": null}`, { ...inputs.valid, [field]: { $ne: null } }, field);
        add(`${field} as {"$gt": ""}`, { ...inputs.valid, [field]: { $gt: '' } }, field);
        add(`${field} of 10,000 characters`, { ...inputs.valid, [field]: '新'.repeat(10_000) }, field);
        add(`${field} as a number`, { ...inputs.valid, [field]: 7 }, field);
        add(`${field} as an array`, { ...inputs.valid, [field]: ['a'] }, field);
      }
      for (const field of inputs.numbers) {
        add(`${field} as a string`, { ...inputs.valid, [field]: '1' }, field);
        add(`${field} as {"$ne": null}`, { ...inputs.valid, [field]: { $ne: null } }, field);
        add(`${field} as a fraction`, { ...inputs.valid, [field]: 1.5 }, field);
        add(`${field} out of range`, { ...inputs.valid, [field]: 1_000_000 }, field);
        add(`${field} below one`, { ...inputs.valid, [field]: 0 }, field);
      }
    }
  }
  return cases;
}

const harness = harnessForThisFile();

it('covers every action of the contract', () => {
  for (const fn of Object.keys(contract) as FunctionName[]) {
    expect(Object.keys(table[fn]).sort()).toEqual(Object.keys(contract[fn]).sort());
  }
});

it.each(hostileCases().map((c) => [`${c.fn}.${c.action}: ${c.label}`, c] as const))(
  '%s → VALIDATION_FAILED naming the field',
  async (_name, hostile) => {
    // The admin can do everything, so only validation stands between the input and the database.
    const reply = await harness.call(openIds.admin, hostile.fn, hostile.action, hostile.data);
    expect(reply).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', field: hostile.field });
    if (reply.ok) return;
    expect(reply.message).toMatch(/[\u4e00-\u9fff]/);
  },
);

it('accepts each valid input in the table, so the hostile cases differ from it only by the hostile field', async () => {
  for (const fn of ['events', 'orgs'] as const) {
    for (const action of ['get', 'list', 'tree', 'members'].filter((name) => name in table[fn])) {
      const inputs = (table[fn] as Record<string, ActionInputs>)[action];
      const reply = await harness.call(openIds.admin, fn, action, inputs.valid);
      expect(reply).toMatchObject({ ok: true });
    }
  }
});

it('uses the Chinese message a schema gives for a field', async () => {
  const reply = await harness.call(openIds.member, 'members', 'saveProfile', {
    name: '名'.repeat(21),
    mobile: '13512345678',
    sector: 'freelance',
  });
  expect(reply).toEqual({ ok: false, code: 'VALIDATION_FAILED', message: '姓名不能超过20个字', field: 'name' });
  const mobile = await harness.call(openIds.member, 'members', 'saveProfile', { name: '王五', mobile: '12345', sector: 'freelance' });
  expect(mobile).toEqual({ ok: false, code: 'VALIDATION_FAILED', message: '请输入11位手机号码', field: 'mobile' });
});

it('stores nothing from a refused input', async () => {
  const before = await harness.findMember('m-admin');
  await harness.call(openIds.admin, 'members', 'saveProfile', { name: { $ne: null }, mobile: '13512345678', sector: 'freelance' });
  await harness.call(openIds.admin, 'orgs', 'grantRole', { orgId: orgIds.lujiazui, memberId: { $ne: null }, role: 'admin' });
  expect(await harness.findMember('m-admin')).toEqual(before);
});
