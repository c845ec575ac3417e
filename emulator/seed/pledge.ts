import { createHash } from 'node:crypto';
import type tcb from '@cloudbase/node-sdk';
import { PNG } from 'pngjs';
import { collections, type PledgeVersionDoc } from '../../cloudfunctions/shared/data/documents';
import { PledgeSignaturesRepository } from '../../cloudfunctions/shared/data/pledge-signatures-repository';
import { AppError } from '../../cloudfunctions/shared/domain/app-error';
import { newSerial, numberArticles, pledgeVersionId, signatureId, signerOrgReach } from '../../cloudfunctions/shared/domain/pledge-rules';
import { signatureImagePath } from '../../cloudfunctions/shared/domain/pledge-signature-image';
import { buildOrgTree } from './org-tree';
import { demoPeople } from './people';

type CloudApp = ReturnType<typeof tcb.init>;

const day = 24 * 3600 * 1000;
const title = '浦东新区新媒体从业人员自律公约';
const preamble =
  '为倡导新媒体行业诚信自律、营造清朗的网络空间，浦东新区新媒体从业人员联谊会发起本公约。签署人自愿遵守以下各条，接受会员和公众监督。';

const articlesV1 = [
  { title: '坚持内容真实', body: '发布的信息有可靠来源，事实与观点分开表述；不编造新闻，不断章取义，不以标题歪曲内容。' },
  { title: '尊重他人权利', body: '尊重他人的名誉权、肖像权和隐私权；未经同意不公开他人的个人信息，不组织或参与网络围攻。' },
  { title: '保护未成年人', body: '不制作、不传播可能危害未成年人身心健康的内容；涉及未成年人的报道隐去可识别其身份的信息。' },
  { title: '广告明示', body: '商业合作和推广内容在显著位置标明“广告”或“合作”，不以测评、分享之名掩盖营销目的。' },
  { title: '拒绝虚假流量', body: '不购买或出售粉丝、点赞、评论和播放量，不使用技术手段伪造数据，不参与流量造假交易。' },
  { title: '标注生成内容', body: '使用人工智能工具生成或合成的图片、音视频和文字，发布时作出清晰标注。' },
  { title: '及时辟谣更正', body: '发现本人发布的信息有误，及时更正并说明原因；不转发未经核实的传言。' },
  { title: '尊重著作权', body: '使用他人作品取得授权并注明出处，不洗稿、不搬运、不擅自剪辑他人原创内容。' },
  { title: '接受监督', body: '签署人欢迎会员和公众对履约情况进行监督，对合理的批评意见认真回应、及时改进。' },
];

const articlesV2 = articlesV1.map((article) => ({ ...article }));
articlesV2[1] = {
  title: '尊重他人权利与隐私',
  body: '尊重他人的名誉权、肖像权和隐私权；未经同意不公开他人的个人信息，不“开盒”、不人肉搜索，不组织或参与网络围攻。',
};
articlesV2[5] = {
  title: '标注生成内容',
  body: '使用人工智能工具生成或合成的图片、音视频和文字，发布时作出清晰标注；不以合成内容冒充真实场景或真实人物。',
};
articlesV2.push({
  title: '文明管理评论区',
  body: '对自己账号下的评论区负起管理责任，及时处理辱骂、歧视和违法信息，不以争议话题刻意挑动对立。',
});

/** Who signed which version, and how many days before now. 林晓 (a persona) signed only v1, so she sees the new version waiting. */
const demoSignings: { memberId: string; version: 1 | 2; daysAgo: number; platform: string; account: string }[] = [
  { memberId: 'm-lin-xiao', version: 1, daysAgo: 55, platform: '微信公众号', account: '浦江视听' },
  { memberId: 'm-zhou-ting', version: 1, daysAgo: 52, platform: '微信公众号', account: '东方财经观察' },
  { memberId: 'm-xu-lei', version: 1, daysAgo: 40, platform: '抖音', account: '磊子拍浦东' },
  { memberId: 'm-he-jing', version: 1, daysAgo: 33, platform: '音频平台', account: '静听浦江' },
  { memberId: 'm-zhou-ting', version: 2, daysAgo: 3, platform: '微信公众号', account: '东方财经观察' },
];

/** A handwritten-looking signature: a few strokes, varied per signer so every image (and its hash) differs. */
function demoSignaturePng(seed: number): Buffer {
  const width = 600;
  const height = 300;
  const png = new PNG({ width, height });
  const ink = (x: number, y: number) => {
    for (let dy = -3; dy <= 3; dy++) {
      for (let dx = -3; dx <= 3; dx++) {
        const px = Math.round(x) + dx;
        const py = Math.round(y) + dy;
        if (dx * dx + dy * dy > 9 || px < 0 || py < 0 || px >= width || py >= height) continue;
        png.data.set([25, 25, 40, 255], (py * width + px) * 4);
      }
    }
  };
  const stroke = (x0: number, y0: number, x1: number, y1: number) => {
    const steps = Math.ceil(Math.hypot(x1 - x0, y1 - y0));
    for (let i = 0; i <= steps; i++) ink(x0 + ((x1 - x0) * i) / steps, y0 + ((y1 - y0) * i) / steps + Math.sin(i / 9 + seed) * 4);
  };
  const shift = (seed % 5) * 12;
  stroke(110 + shift, 90, 230 + shift, 85);
  stroke(170 + shift, 55, 160 + shift, 225);
  stroke(115 + shift, 210, 240 + shift, 175);
  stroke(300 + shift, 80, 285 + shift, 230);
  stroke(300 + shift, 80, 420 + shift, 95);
  stroke(420 + shift, 95, 400 + shift, 230);
  stroke(295 + shift, 155, 410 + shift, 150 + seed * 3);
  return PNG.sync.write(png);
}

function versionDoc(version: number, articles: { title: string; body: string }[], changeNote: string, publishedAt: Date, createdBy: string): PledgeVersionDoc {
  return {
    _id: pledgeVersionId(version),
    version,
    title,
    preamble,
    articles: numberArticles(articles),
    changeNote,
    status: 'published',
    publishedAt,
    signatureCount: 0,
    createdBy,
    createdAt: new Date(publishedAt.getTime() - day),
    updatedAt: publishedAt,
  };
}

async function ensureVersion(app: CloudApp, doc: PledgeVersionDoc): Promise<void> {
  const versions = app.database().collection(collections.pledgeVersions);
  const existing = await versions.doc(doc._id).get();
  if (Array.isArray(existing.data) && existing.data.length > 0) return;
  const { _id, ...fields } = doc;
  await versions.doc(_id).set(fields);
}

/**
 * The demo pledge: version 1 published about 60 days ago and version 2 about 7 days ago, with signatures
 * appended through the same chain code the function uses and images stored through the SDK's file storage,
 * so the admin's chain check finds the demo intact. A repeat after an interrupted seed skips what exists.
 */
export async function seedPledge(app: CloudApp, now: Date): Promise<void> {
  const admin = demoPeople.find((person) => person.role?.role === 'admin');
  const createdBy = admin?.id ?? 'm-zhao-jianguo';
  const signatures = new PledgeSignaturesRepository(app.database(), app);
  const v1 = versionDoc(1, articlesV1, '首次发布', new Date(now.getTime() - 60 * day), createdBy);
  const v2 = versionDoc(2, articlesV2, '第二条增加不“开盒”要求，第六条明确不得冒充真实人物，新增第十条评论区管理。', new Date(now.getTime() - 7 * day), createdBy);
  await ensureVersion(app, v1);
  for (const [index, signing] of demoSignings.entries()) {
    if (signing.version === 2) continue;
    await seedSignature(signatures, v1, signing, index, now);
  }
  await ensureVersion(app, v2);
  await app.database().collection(collections.pledgeVersions).doc(v1._id).update({ status: 'retired', updatedAt: v2.publishedAt });
  for (const [index, signing] of demoSignings.entries()) {
    if (signing.version === 1) continue;
    await seedSignature(signatures, v2, signing, index, now);
  }
}

async function seedSignature(
  signatures: PledgeSignaturesRepository,
  version: PledgeVersionDoc,
  signing: (typeof demoSignings)[number],
  index: number,
  now: Date,
): Promise<void> {
  const person = demoPeople.find((candidate) => candidate.id === signing.memberId);
  if (!person) throw new Error(`demo signer ${signing.memberId} is not a demo person`);
  const bytes = demoSignaturePng(index + 1);
  const image = { format: 'png' as const, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
  const imageFileId = await signatures.uploadImage(signatureImagePath(image), bytes);
  try {
    await signatures.appendSignature({
      _id: signatureId(version._id, person.id, 1),
      serial: newSerial(),
      versionId: version._id,
      version: version.version,
      title: version.title,
      memberId: person.id,
      name: person.name,
      employer: person.employer,
      sector: person.sector,
      platform: signing.platform,
      account: signing.account,
      orgIds: signerOrgReach(buildOrgTree().filter((org) => person.orgIds.includes(org._id))),
      imageFileId,
      imageSha256: image.sha256,
      signedAt: new Date(now.getTime() - signing.daysAgo * day),
      status: 'valid',
      withdrawnAt: null,
    });
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'ALREADY_SIGNED')) throw error;
  }
}
