import { z } from 'zod';
import { base64ImagePattern, emptyInput, idSchema, pageSchema, pageSizeSchema, type Instant, type Page } from './common';
import { maxSignatureImageBytes, sectors, type Sector, type SignatureStatus } from './vocabulary';

/** Certificate serials are random, so typing one cannot walk through other people's certificates. */
export const serialSchema = z.string().trim().toUpperCase().regex(/^XL-[0-9A-Z]{10}$/, '证书编号格式不正确，应为 XL- 加 10 位字母数字');

export interface PledgeArticle {
  no: number;
  title: string;
  body: string;
}

export interface PledgeVersionView {
  id: string;
  version: number;
  title: string;
  preamble: string;
  articles: PledgeArticle[];
  changeNote: string;
  status: 'draft' | 'published' | 'retired';
  publishedAt: Instant | null;
}

/** How an article differs between the version a member signed and the current one. */
export interface ArticleChange {
  no: number;
  change: 'added' | 'removed' | 'changed';
  before: PledgeArticle | null;
  after: PledgeArticle | null;
}

export interface MySignature {
  serial: string;
  version: number;
  title: string;
  name: string;
  employer: string;
  sector: Sector;
  platform: string;
  account: string;
  signedAt: Instant;
  status: SignatureStatus;
  withdrawnAt: Instant | null;
  /** A short-lived URL of the handwritten signature image, for the certificate. */
  imageUrl: string | null;
}

export interface PledgeCurrent {
  pledge: PledgeVersionView | null;
  signatureCount: number;
  /** null for an anonymous caller. */
  my: {
    state: 'not_signed' | 'signed' | 'outdated';
    signature: MySignature | null;
    /** Set when state is 'outdated': what changed since the version the member signed. */
    changes: ArticleChange[];
  } | null;
}

export interface VerifyResult {
  status: SignatureStatus | 'unknown';
  serial: string;
  maskedName: string | null;
  version: number | null;
  title: string | null;
  signedAt: Instant | null;
}

export interface SignatureCounts {
  total: number;
  bySector: { sector: Sector; count: number }[];
  byOrg: { orgId: string; orgName: string; count: number }[];
  byWeek: { weekStart: string; count: number }[];
}

export interface SignerRow {
  serial: string;
  name: string;
  sector: Sector;
  employer: string;
  platform: string;
  version: number;
  signedAt: Instant;
  status: SignatureStatus;
}

export interface ChainCheck {
  intact: boolean;
  checked: number;
  /** The first record that does not fit the chain, and how. */
  firstProblem: { seq: number; serial: string | null; problem: 'altered' | 'removed' | 'reordered' } | null;
}

const articleInput = z.strictObject({
  title: z.string().trim().min(1).max(40),
  body: z.string().trim().min(1).max(600),
});

export const pledgeInput = {
  current: emptyInput,
  sign: z.strictObject({
    versionId: idSchema,
    name: z.string().trim().min(1, '请填写姓名').max(20, '姓名不能超过20个字'),
    employer: z.string().trim().min(1, '请填写工作单位').max(60, '单位名称不能超过60个字'),
    sector: z.enum(sectors),
    platform: z.string().trim().max(30, '平台名称不能超过30个字').default(''),
    account: z.string().trim().max(40, '账号名称不能超过40个字').default(''),
    /**
     * The handwritten signature, PNG or JPEG, base64 (a data URL prefix is accepted). The length cap is
     * twice the byte limit, so an image just over it reaches the function and gets SIGNATURE_IMAGE_TOO_LARGE.
     */
    image: z
      .string()
      .min(1, '请先签名')
      .max(Math.ceil((2 * maxSignatureImageBytes * 4) / 3) + 64, '签名图片不能超过 512 KB')
      .regex(base64ImagePattern, '签名图片格式不正确，仅支持 PNG 或 JPEG'),
    readToEnd: z.literal(true, '请先阅读完公约全文'),
  }),
  withdraw: z.strictObject({ serial: serialSchema }),
  mySignatures: emptyInput,
  verify: z.strictObject({ serial: serialSchema }),
  saveDraft: z.strictObject({
    title: z.string().trim().min(1).max(60),
    preamble: z.string().trim().max(1000).default(''),
    articles: z.array(articleInput).min(1).max(20),
    changeNote: z.string().trim().max(300).default(''),
  }),
  drafts: emptyInput,
  publish: z.strictObject({ versionId: idSchema }),
  stats: z.strictObject({ orgId: idSchema.optional() }),
  signers: z.strictObject({ orgId: idSchema, page: pageSchema, pageSize: pageSizeSchema }),
  verifyChain: emptyInput,
};

export interface PledgeOutput {
  current: PledgeCurrent;
  sign: MySignature;
  withdraw: MySignature;
  mySignatures: { signatures: MySignature[] };
  verify: VerifyResult;
  saveDraft: PledgeVersionView;
  drafts: { drafts: PledgeVersionView[]; changesFromCurrent: Record<string, ArticleChange[]> };
  publish: PledgeVersionView;
  stats: SignatureCounts;
  signers: Page<SignerRow>;
  verifyChain: ChainCheck;
}
