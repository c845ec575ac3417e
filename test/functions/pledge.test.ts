import { createHash } from 'node:crypto';
import type { ChainCheck, MySignature, PledgeOutput, PledgeVersionView, VerifyResult } from '../../cloudfunctions/shared/contract';
import { collections, type AuditDoc, type PledgeSignatureDoc, type PledgeVersionDoc } from '../../cloudfunctions/shared/data/documents';
import { blankCanvas, dataUrl, drawStroke, pngBytes, signatureDataUrl } from '../domain/pledge-fixtures';
import { dataOf, harnessForThisFile, openIds, orgIds } from '../support/functions';

const harness = harnessForThisFile();

const articlesV1 = [
  { title: '内容真实', body: '发布的信息真实准确，不编造、不歪曲事实。' },
  { title: '尊重权利', body: '尊重他人的名誉、肖像和隐私。' },
  { title: '保护未成年人', body: '不制作、不传播危害未成年人身心健康的内容。' },
  { title: '广告明示', body: '商业推广内容清楚标明“广告”。' },
  { title: '拒绝虚假流量', body: '不刷量、不买粉、不伪造数据。' },
  { title: '标注生成内容', body: '使用人工智能生成的内容予以标注。' },
  { title: '更正谣言', body: '发现错误信息及时更正并说明。' },
  { title: '尊重版权', body: '使用他人作品取得授权并注明来源。' },
];

const signer = { name: '陈思远', employer: '浦江律师事务所', sector: 'professional', platform: '', account: '', readToEnd: true };

function signInput(versionId: string, image = signatureDataUrl(), overrides: Record<string, unknown> = {}) {
  return { versionId, ...signer, image, ...overrides };
}

async function publishVersion(articles: { title: string; body: string }[], changeNote = ''): Promise<PledgeVersionView> {
  const draft = dataOf<PledgeVersionView>(
    await harness.call(openIds.admin, 'pledge', 'saveDraft', { title: '新媒体从业人员自律公约', preamble: '为营造清朗网络空间，我们共同承诺：', articles, changeNote }),
  );
  return dataOf<PledgeVersionView>(await harness.call(openIds.admin, 'pledge', 'publish', { versionId: draft.id }));
}

async function current(openId: string | null) {
  return dataOf<PledgeOutput['current']>(await harness.call(openId, 'pledge', 'current'));
}

async function verifyChain(): Promise<ChainCheck> {
  return dataOf<ChainCheck>(await harness.call(openIds.admin, 'pledge', 'verifyChain'));
}

async function storedSignatures(): Promise<PledgeSignatureDoc[]> {
  const { data } = await harness.db.collection(collections.pledgeSignatures).where({}).orderBy('seq', 'asc').limit(1000).get();
  return data as PledgeSignatureDoc[];
}

let memberCounter = 0;
/** A new member with consent and a profile, in Lujiazui. */
async function newMember(sector = 'newmedia'): Promise<string> {
  const openId = `openid-pledge-${++memberCounter}`;
  await harness.call(openId, 'members', 'acceptPrivacy', { version: '2026-11' });
  dataOf(await harness.call(openId, 'members', 'saveProfile', { name: `签署人${memberCounter}`, mobile: `1350000${String(memberCounter).padStart(4, '0')}`, sector }));
  dataOf(await harness.call(openId, 'orgs', 'join', { orgId: orgIds.lujiazui }));
  return openId;
}

function newMediaInput(versionId: string, variant: number) {
  return signInput(versionId, signatureDataUrl(variant), { sector: 'newmedia', platform: '微信视频号', account: `账号${variant}` });
}

let v1: PledgeVersionView;
let memberSignature: MySignature;

describe('before anything is published', () => {
  it('answers no pledge, and signing finds nothing', async () => {
    expect(await current(null)).toEqual({ pledge: null, signatureCount: 0, my: null });
    expect(await harness.call(openIds.member, 'pledge', 'sign', signInput('pledge-v1'))).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

describe('publishing', () => {
  it('lets an admin save a draft, see it among the drafts with its changes, and publish it as version 1', async () => {
    const draft = dataOf<PledgeVersionView>(
      await harness.call(openIds.admin, 'pledge', 'saveDraft', { title: '草稿', preamble: '', articles: articlesV1.slice(0, 2), changeNote: '' }),
    );
    expect(draft).toMatchObject({ id: 'pledge-v1', version: 1, status: 'draft', publishedAt: null });
    // Saving again replaces the single draft.
    const again = dataOf<PledgeVersionView>(
      await harness.call(openIds.admin, 'pledge', 'saveDraft', { title: '新媒体从业人员自律公约', preamble: '序言', articles: articlesV1, changeNote: '首次发布' }),
    );
    expect(again.articles.map((article) => article.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const drafts = dataOf<PledgeOutput['drafts']>(await harness.call(openIds.admin, 'pledge', 'drafts'));
    expect(drafts.drafts.map((d) => d.id)).toEqual(['pledge-v1']);
    expect(drafts.changesFromCurrent['pledge-v1']).toHaveLength(8);
    expect((await current(null)).pledge).toBeNull();

    v1 = dataOf<PledgeVersionView>(await harness.call(openIds.admin, 'pledge', 'publish', { versionId: 'pledge-v1' }));
    expect(v1).toMatchObject({ id: 'pledge-v1', version: 1, status: 'published', publishedAt: expect.any(String) });
    expect(await current(null)).toMatchObject({ pledge: { id: 'pledge-v1', title: '新媒体从业人员自律公约' }, signatureCount: 0, my: null });
    expect(await harness.call(openIds.admin, 'pledge', 'publish', { versionId: 'pledge-v1' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    const { data } = await harness.db.collection(collections.audit).where({ 'target.collection': collections.pledgeVersions }).get();
    expect((data as AuditDoc[]).map((row) => [row.action, row.actorRole, row.orgId])).toEqual([
      ['saveDraft', 'admin', orgIds.general],
      ['saveDraft', 'admin', orgIds.general],
      ['publish', 'admin', orgIds.general],
    ]);
  });
});

describe('signing', () => {
  it('starts as not signed for a member', async () => {
    expect((await current(openIds.member)).my).toEqual({ state: 'not_signed', signature: null, changes: [] });
  });

  it('stores the image in file storage, not in the record, and answers the certificate data', async () => {
    const image = signatureDataUrl();
    memberSignature = dataOf<MySignature>(await harness.call(openIds.member, 'pledge', 'sign', signInput('pledge-v1', image)));
    expect(memberSignature).toMatchObject({
      serial: expect.stringMatching(/^XL-[2-9A-HJ-NP-Z]{10}$/),
      version: 1,
      title: '新媒体从业人员自律公约',
      name: '陈思远',
      status: 'valid',
      withdrawnAt: null,
      signedAt: '2026-11-25T02:00:00.000Z',
    });
    const [stored] = await storedSignatures();
    expect(stored).toMatchObject({ _id: 'pledge-v1_m-member', seq: 1, memberId: 'm-member', orgIds: [orgIds.general, orgIds.lujiazui] });
    expect(stored.imageFileId).toMatch(/^cloud:\/\/.+\/pledge-signatures\/[0-9a-f]{64}\.png$/);
    expect(JSON.stringify(stored)).not.toContain(image.slice(40, 80));

    const response = await fetch(memberSignature.imageUrl as string);
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(stored.imageSha256);

    expect(await current(openIds.member)).toMatchObject({ signatureCount: 1, my: { state: 'signed', signature: { serial: memberSignature.serial }, changes: [] } });
  });

  it('refuses a second signature of the same version', async () => {
    expect(await harness.call(openIds.member, 'pledge', 'sign', signInput('pledge-v1', signatureDataUrl(5)))).toMatchObject({ ok: false, code: 'ALREADY_SIGNED' });
  });

  it('keeps one signature when one member submits several times at once', async () => {
    const openId = await newMember();
    const replies = await Promise.all(Array.from({ length: 5 }, () => harness.call(openId, 'pledge', 'sign', newMediaInput('pledge-v1', 3))));
    expect(replies.filter((reply) => reply.ok)).toHaveLength(1);
    expect(replies.filter((reply) => !reply.ok).map((reply) => (reply.ok ? '' : reply.code))).toEqual(Array(4).fill('ALREADY_SIGNED'));
    const member = await harness.db.collection(collections.members).where({ openId }).get();
    const memberId = (member.data as { _id: string }[])[0]._id;
    expect((await storedSignatures()).filter((signature) => signature.memberId === memberId)).toHaveLength(1);
    expect((await current(null)).signatureCount).toBe(2);
  });

  it('keeps the chain one line when many members sign at once', async () => {
    const members = await Promise.all(Array.from({ length: 8 }, () => newMember()));
    const replies = await Promise.all(members.map((openId, index) => harness.call(openId, 'pledge', 'sign', newMediaInput('pledge-v1', 10 + index))));
    expect(replies.filter((reply) => !reply.ok)).toEqual([]);
    const stored = await storedSignatures();
    expect(stored.map((signature) => signature.seq)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    for (let i = 1; i < stored.length; i++) expect(stored[i].prevHash).toBe(stored[i - 1].hash);
    expect(await verifyChain()).toEqual({ intact: true, checked: 10, firstProblem: null });
    expect((await current(null)).signatureCount).toBe(10);
  });

  it('refuses images that are not PNG or JPEG, too large, empty or too light, storing nothing', async () => {
    const openId = await newMember();
    const before = (await storedSignatures()).length;
    const cases: [string, string][] = [
      [Buffer.from('GIF89a-not-a-signature').toString('base64'), 'SIGNATURE_IMAGE_INVALID'],
      [dataUrl(Buffer.concat([pngBytes(blankCanvas(8, 8)).subarray(0, 8), Buffer.alloc(600 * 1024, 1)])), 'SIGNATURE_IMAGE_TOO_LARGE'],
      [dataUrl(pngBytes(blankCanvas())), 'SIGNATURE_IMAGE_EMPTY'],
      [dataUrl(pngBytes(drawStroke(blankCanvas(), [300, 150], [301, 150]))), 'SIGNATURE_TOO_LIGHT'],
      [dataUrl(pngBytes(drawStroke(blankCanvas(), [40, 150], [560, 150]))), 'SIGNATURE_TOO_LIGHT'],
    ];
    for (const [image, code] of cases) {
      expect(await harness.call(openId, 'pledge', 'sign', newMediaInput('pledge-v1', 0) && { ...newMediaInput('pledge-v1', 0), image })).toMatchObject({ ok: false, code });
    }
    const tooLong = 'A'.repeat(2 * 1024 * 1024);
    expect(await harness.call(openId, 'pledge', 'sign', { ...newMediaInput('pledge-v1', 0), image: tooLong })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', field: 'image' });
    expect((await storedSignatures()).length).toBe(before);
  });

  it('needs a signed-in member with consent and a profile, who read to the end', async () => {
    expect(await harness.call(null, 'pledge', 'sign', signInput('pledge-v1'))).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await harness.call('openid-stranger', 'pledge', 'sign', signInput('pledge-v1'))).toMatchObject({ ok: false, code: 'CONSENT_REQUIRED' });
    expect(await harness.call(openIds.consentedOnly, 'pledge', 'sign', signInput('pledge-v1'))).toMatchObject({ ok: false, code: 'PROFILE_REQUIRED' });
    expect(await harness.call(openIds.otherMember, 'pledge', 'sign', { ...signInput('pledge-v1'), readToEnd: false })).toMatchObject({
      ok: false,
      code: 'VALIDATION_FAILED',
      field: 'readToEnd',
    });
    expect(await harness.call(openIds.otherMember, 'pledge', 'sign', signInput('pledge-v1', signatureDataUrl(), { sector: 'newmedia' }))).toMatchObject({
      ok: false,
      code: 'VALIDATION_FAILED',
      field: 'platform',
    });
  });
});

describe('verification', () => {
  it('answers valid with the masked name for anyone, without login, and nothing personal', async () => {
    const result = dataOf<VerifyResult>(await harness.call(null, 'pledge', 'verify', { serial: memberSignature.serial.toLowerCase() }));
    expect(result).toEqual({
      status: 'valid',
      serial: memberSignature.serial,
      maskedName: '陈**',
      version: 1,
      title: '新媒体从业人员自律公约',
      signedAt: memberSignature.signedAt,
    });
    expect(JSON.stringify(result)).not.toMatch(/陈思远|浦江|m-member|cloud:|http/);
  });

  it('answers unknown for a serial nobody holds', async () => {
    expect(dataOf<VerifyResult>(await harness.call(null, 'pledge', 'verify', { serial: 'XL-ZZZZZZZZZZ' }))).toMatchObject({ status: 'unknown', maskedName: null });
  });
});

describe('withdrawing', () => {
  it('is only for the signer; the record stays, marked withdrawn, and a repeat changes nothing', async () => {
    const openId = await newMember('professional');
    const signed = dataOf<MySignature>(await harness.call(openId, 'pledge', 'sign', signInput('pledge-v1', signatureDataUrl(30), { name: '欧阳娜娜' })));
    const countBefore = (await current(null)).signatureCount;
    expect(await harness.call(openIds.member, 'pledge', 'withdraw', { serial: signed.serial })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await harness.call(openId, 'pledge', 'withdraw', { serial: 'XL-ZZZZZZZZZZ' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    const [first, second] = await Promise.all([
      harness.call(openId, 'pledge', 'withdraw', { serial: signed.serial }),
      harness.call(openId, 'pledge', 'withdraw', { serial: signed.serial }),
    ]);
    expect(dataOf<MySignature>(first)).toMatchObject({ serial: signed.serial, status: 'withdrawn', withdrawnAt: expect.any(String) });
    expect(dataOf<MySignature>(second)).toMatchObject({ status: 'withdrawn' });
    expect(dataOf<MySignature>(await harness.call(openId, 'pledge', 'withdraw', { serial: signed.serial }))).toMatchObject({ status: 'withdrawn' });
    const { data: withdrawals } = await harness.db.collection(collections.pledgeWithdrawals).where({ serial: signed.serial }).get();
    expect(withdrawals).toHaveLength(1);

    expect(dataOf<VerifyResult>(await harness.call(null, 'pledge', 'verify', { serial: signed.serial }))).toMatchObject({ status: 'withdrawn', maskedName: '欧阳**' });
    expect((await current(null)).signatureCount).toBe(countBefore - 1);
    expect((await current(openId)).my).toMatchObject({ state: 'not_signed', signature: { serial: signed.serial, status: 'withdrawn' } });
    expect(await verifyChain()).toMatchObject({ intact: true });

    const again = dataOf<MySignature>(await harness.call(openId, 'pledge', 'sign', signInput('pledge-v1', signatureDataUrl(31))));
    expect(again.serial).not.toBe(signed.serial);
    expect((await current(openId)).my).toMatchObject({ state: 'signed', signature: { serial: again.serial } });
    const mine = dataOf<PledgeOutput['mySignatures']>(await harness.call(openId, 'pledge', 'mySignatures'));
    expect(mine.signatures.map((signature) => signature.status)).toEqual(['valid', 'withdrawn']);
    expect(mine.signatures.every((signature) => signature.imageUrl?.startsWith('http'))).toBe(true);
  });
});

describe('a new version', () => {
  it('asks earlier signers to sign again, showing what changed, and supersedes their signature', async () => {
    const articlesV2 = [...articlesV1];
    articlesV2[1] = { title: '尊重权利和隐私', body: '尊重他人的名誉、肖像和隐私，不人肉搜索。' };
    articlesV2.push({ title: '文明评论', body: '文明管理评论区，不放任辱骂。' });
    const v2 = await publishVersion(articlesV2, '新增评论区管理条款');
    expect(v2).toMatchObject({ id: 'pledge-v2', version: 2, status: 'published' });
    const { data } = await harness.db.collection(collections.pledgeVersions).doc('pledge-v1').get();
    expect((data as PledgeVersionDoc[])[0].status).toBe('retired');

    const mine = await current(openIds.member);
    expect(mine).toMatchObject({ pledge: { id: 'pledge-v2' }, signatureCount: 0, my: { state: 'outdated', signature: { serial: memberSignature.serial, status: 'superseded' } } });
    expect(mine.my?.changes.map((change) => [change.no, change.change])).toEqual([
      [2, 'changed'],
      [9, 'added'],
    ]);
    expect(dataOf<VerifyResult>(await harness.call(null, 'pledge', 'verify', { serial: memberSignature.serial }))).toMatchObject({ status: 'superseded' });

    expect(await harness.call(openIds.member, 'pledge', 'sign', signInput('pledge-v1', signatureDataUrl(40)))).toMatchObject({ ok: false, code: 'PLEDGE_VERSION_OUTDATED' });
    const renewed = dataOf<MySignature>(await harness.call(openIds.member, 'pledge', 'sign', signInput('pledge-v2', signatureDataUrl(40))));
    expect(renewed).toMatchObject({ version: 2, status: 'valid' });
    expect((await current(openIds.member)).my).toMatchObject({ state: 'signed', changes: [] });
    expect(await verifyChain()).toMatchObject({ intact: true });
  });
});

describe('organizers', () => {
  it('see counts by sector, organisation and week for their organisation', async () => {
    const stats = dataOf<PledgeOutput['stats']>(await harness.call(openIds.lujiazuiOrganizer, 'pledge', 'stats', {}));
    // Signers with a signature standing: 陈思远 (professional) and 10 new-media and professional members who joined Lujiazui.
    const signers = (await storedSignatures()).filter((signature) => signature.status === 'valid' && signature.orgIds.includes(orgIds.lujiazui));
    const distinct = new Set(signers.map((signature) => signature.memberId));
    expect(stats.total).toBe(distinct.size);
    expect(stats.bySector).toEqual(expect.arrayContaining([{ sector: 'newmedia', count: 9 }, { sector: 'professional', count: 2 }]));
    expect(stats.byOrg).toEqual([]);
    expect(stats.byWeek).toEqual([{ weekStart: '2026-11-23', count: signers.length }]);

    // Signatures count for every organisation above the signer's own, so the general association sees them all, by child.
    const root = dataOf<PledgeOutput['stats']>(await harness.call(openIds.admin, 'pledge', 'stats', {}));
    expect(root.total).toBe(stats.total);
    expect(root.byOrg).toEqual([{ orgId: orgIds.lujiazui, orgName: '陆家嘴街道新联会', count: stats.total }]);
    const general = dataOf<PledgeOutput['stats']>(await harness.call(openIds.generalOrganizer, 'pledge', 'stats', { orgId: orgIds.lujiazui }));
    expect(general.total).toBe(stats.total);
  });

  it('list the signers of their organisations, names in full and no mobile, paged', async () => {
    const page = dataOf<PledgeOutput['signers']>(await harness.call(openIds.lujiazuiOrganizer, 'pledge', 'signers', { orgId: orgIds.lujiazui, pageSize: 5 }));
    expect(page.items).toHaveLength(5);
    expect(page.hasMore).toBe(true);
    expect(JSON.stringify(page)).not.toMatch(/1350000|138123/);
    const all = [];
    for (let p = 1; ; p++) {
      const next = dataOf<PledgeOutput['signers']>(await harness.call(openIds.lujiazuiOrganizer, 'pledge', 'signers', { orgId: orgIds.lujiazui, page: p, pageSize: 5 }));
      all.push(...next.items);
      if (!next.hasMore) break;
    }
    expect(new Set(all.map((row) => row.serial)).size).toBe((await storedSignatures()).length);
    expect(all.find((row) => row.serial === memberSignature.serial)).toMatchObject({ name: '陈思远', status: 'superseded', version: 1 });
  });

  it('cannot see other organisations, and members see no figures', async () => {
    expect(await harness.call(openIds.huamuOrganizer, 'pledge', 'stats', { orgId: orgIds.lujiazui })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await harness.call(openIds.huamuOrganizer, 'pledge', 'signers', { orgId: orgIds.lujiazui })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await harness.call(openIds.member, 'pledge', 'stats', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await harness.call(openIds.steward, 'pledge', 'stats', { orgId: orgIds.lujiazui })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await harness.call(openIds.lujiazuiOrganizer, 'pledge', 'stats', { orgId: 'org-nowhere' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

describe('admin actions', () => {
  it.each(['saveDraft', 'drafts', 'publish', 'verifyChain'])('%s is FORBIDDEN to members and organizers, UNAUTHENTICATED anonymously', async (action) => {
    const input: Record<string, unknown> = {
      saveDraft: { title: '草稿', articles: [{ title: '一', body: '二' }] },
      drafts: {},
      publish: { versionId: 'pledge-v3' },
      verifyChain: {},
    }[action] as Record<string, unknown>;
    expect(await harness.call(openIds.member, 'pledge', action, input)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await harness.call(openIds.generalOrganizer, 'pledge', action, input)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await harness.call(null, 'pledge', action, input)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });
});

describe('tamper evidence', () => {
  const signatures = () => harness.db.collection(collections.pledgeSignatures);

  it('names a record whose field was altered in the database', async () => {
    const [, second] = await storedSignatures();
    await signatures().doc(second._id).update({ name: '冒名顶替' });
    expect((await verifyChain()).firstProblem).toEqual({ seq: 2, serial: second.serial, problem: 'altered' });
    await signatures().doc(second._id).update({ name: second.name });
    expect((await verifyChain()).intact).toBe(true);
  });

  it('names a withdrawn signature set back to valid', async () => {
    const withdrawn = (await storedSignatures()).find((signature) => signature.status === 'withdrawn') as PledgeSignatureDoc;
    await signatures().doc(withdrawn._id).update({ status: 'valid', withdrawnAt: null });
    expect((await verifyChain()).firstProblem).toEqual({ seq: withdrawn.seq, serial: withdrawn.serial, problem: 'altered' });
    await signatures().doc(withdrawn._id).update({ status: 'withdrawn', withdrawnAt: withdrawn.withdrawnAt });
    expect((await verifyChain()).intact).toBe(true);
  });

  it('names the position of a removed record', async () => {
    const third = (await storedSignatures())[2];
    await signatures().doc(third._id).remove();
    expect((await verifyChain()).firstProblem).toEqual({ seq: 3, serial: null, problem: 'removed' });
    const { _id, ...fields } = third;
    await signatures().doc(_id).set(fields);
    expect((await verifyChain()).intact).toBe(true);
  });

  it('names reordered records when two swap positions', async () => {
    const [, , , fourth, fifth] = await storedSignatures();
    await signatures().doc(fourth._id).update({ seq: -1 });
    await signatures().doc(fifth._id).update({ seq: 4 });
    await signatures().doc(fourth._id).update({ seq: 5 });
    expect((await verifyChain()).firstProblem).toEqual({ seq: 4, serial: fifth.serial, problem: 'reordered' });
  });
});
