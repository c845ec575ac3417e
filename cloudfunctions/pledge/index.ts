import type { ArticleChange, PledgeCurrent } from '../shared/contract/pledge';
import { collections, type MemberDoc, type OrgDoc, type PledgeSignatureDoc, type PledgeVersionDoc } from '../shared/data/documents';
import { requireConsent, requireProfile } from '../shared/domain/membership';
import { pageWindow, toPage } from '../shared/domain/paging';
import { ChainVerifier } from '../shared/domain/pledge-chain';
import {
  assertCanSign,
  assertCanWithdraw,
  assertSignerDetails,
  decideMyPledgeState,
  defaultStatsOrgId,
  diffArticles,
  newSerial,
  numberArticles,
  pledgeVersionId,
  signatureId,
  signerOrgReach,
  statsWeeks,
  weekMs,
  weeklySeries,
} from '../shared/domain/pledge-rules';
import { readSignatureImage, signatureImagePath } from '../shared/domain/pledge-signature-image';
import { toMySignature, toPledgeVersionView, toSignerRow, toVerifyResult } from '../shared/domain/pledge-views';
import { AppError, defineFunction, type ActionContext } from '../shared/runtime';

/** Admin authority is checked on the root of the tree, so the audit trail names the whole association. */
async function requireAdmin(ctx: ActionContext): Promise<MemberDoc> {
  ctx.requireOpenId();
  const root = await ctx.data.orgs.findRoot();
  if (!root) throw new AppError('FORBIDDEN');
  await ctx.requireRole(root, 'admin');
  const member = await ctx.member();
  if (!member) throw new AppError('FORBIDDEN');
  return member;
}

async function findOrg(ctx: ActionContext, orgId: string): Promise<OrgDoc> {
  const org = await ctx.data.orgs.findById(orgId);
  if (!org) throw new AppError('NOT_FOUND');
  return org;
}

async function imageUrlOf(ctx: ActionContext, signature: PledgeSignatureDoc): Promise<string | null> {
  return (await ctx.data.pledgeSignatures.imageUrls([signature.imageFileId])).get(signature.imageFileId) ?? null;
}

async function myPledge(ctx: ActionContext, current: PledgeVersionDoc | null): Promise<PledgeCurrent['my']> {
  if (ctx.openId === null) return null;
  const member = await ctx.member();
  if (!member) return { state: 'not_signed', signature: null, changes: [] };
  const { state, signature } = decideMyPledgeState(await ctx.data.pledgeSignatures.listByMember(member._id), current);
  if (!signature) return { state, signature: null, changes: [] };
  let changes: ArticleChange[] = [];
  const [imageUrl, signedVersion] = await Promise.all([
    imageUrlOf(ctx, signature),
    state === 'outdated' ? ctx.data.pledgeVersions.findById(signature.versionId) : Promise.resolve(null),
  ]);
  if (current && signedVersion) changes = diffArticles(signedVersion.articles, current.articles);
  return { state, signature: toMySignature(signature, current?.version ?? null, imageUrl), changes };
}

const fn = defineFunction('pledge', {
  current: {
    access: 'anyone',
    async run(_input, ctx) {
      const current = await ctx.data.pledgeVersions.findPublished();
      return {
        pledge: current ? toPledgeVersionView(current) : null,
        signatureCount: current?.signatureCount ?? 0,
        my: await myPledge(ctx, current),
      };
    },
  },
  sign: {
    access: 'member',
    async run(input, ctx) {
      const member = requireProfile(requireConsent(await ctx.member()));
      assertSignerDetails(input);
      const image = readSignatureImage(input.image);
      const [current, mine, memberOrgs] = await Promise.all([
        ctx.data.pledgeVersions.findPublished(),
        ctx.data.pledgeSignatures.listByMemberAndVersion(member._id, input.versionId),
        ctx.data.orgs.findByIds(member.orgIds),
      ]);
      assertCanSign(input.versionId, current, mine);
      const version = current as PledgeVersionDoc;
      // Uploaded before the transaction, which may run several times; the path is the image's hash, so a retry rewrites the same file.
      const imageFileId = await ctx.data.pledgeSignatures.uploadImage(signatureImagePath(image), image.bytes);
      const stored = await ctx.data.pledgeSignatures.appendSignature({
        _id: signatureId(version._id, member._id, mine.length + 1),
        serial: newSerial(),
        versionId: version._id,
        version: version.version,
        title: version.title,
        memberId: member._id,
        name: input.name,
        employer: input.employer,
        sector: input.sector,
        platform: input.platform,
        account: input.account,
        orgIds: signerOrgReach(memberOrgs),
        imageFileId,
        imageSha256: image.sha256,
        signedAt: ctx.now,
        status: 'valid',
        withdrawnAt: null,
      });
      return toMySignature(stored, version.version, await imageUrlOf(ctx, stored));
    },
  },
  withdraw: {
    access: 'member',
    async run(input, ctx) {
      const [member, signature, current] = await Promise.all([
        ctx.member(),
        ctx.data.pledgeSignatures.findBySerial(input.serial),
        ctx.data.pledgeVersions.findPublished(),
      ]);
      if (!member) throw new AppError('FORBIDDEN');
      const mine = assertCanWithdraw(signature, member._id);
      const withdrawn = await ctx.data.pledgeSignatures.withdraw(mine._id, ctx.now);
      return toMySignature(withdrawn, current?.version ?? null, await imageUrlOf(ctx, withdrawn));
    },
  },
  mySignatures: {
    access: 'member',
    async run(_input, ctx) {
      const member = await ctx.member();
      if (!member) return { signatures: [] };
      const [signatures, current] = await Promise.all([ctx.data.pledgeSignatures.listByMember(member._id), ctx.data.pledgeVersions.findPublished()]);
      const urls = await ctx.data.pledgeSignatures.imageUrls(signatures.map((signature) => signature.imageFileId));
      return {
        signatures: signatures.map((signature) => toMySignature(signature, current?.version ?? null, urls.get(signature.imageFileId) ?? null)),
      };
    },
  },
  verify: {
    access: 'anyone',
    async run(input, ctx) {
      const [signature, current] = await Promise.all([ctx.data.pledgeSignatures.findBySerial(input.serial), ctx.data.pledgeVersions.findPublished()]);
      return toVerifyResult(input.serial, signature, current?.version ?? null);
    },
  },
  saveDraft: {
    access: 'member',
    async run(input, ctx) {
      const admin = await requireAdmin(ctx);
      const current = await ctx.data.pledgeVersions.findPublished();
      const version = (current?.version ?? 0) + 1;
      const saved = await ctx.data.pledgeVersions.saveDraft({
        _id: pledgeVersionId(version),
        version,
        title: input.title,
        preamble: input.preamble,
        articles: numberArticles(input.articles),
        changeNote: input.changeNote,
        status: 'draft',
        publishedAt: null,
        signatureCount: 0,
        createdBy: admin._id,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
      ctx.audit({ collection: collections.pledgeVersions, id: saved._id });
      return toPledgeVersionView(saved);
    },
  },
  drafts: {
    access: 'member',
    async run(_input, ctx) {
      await requireAdmin(ctx);
      const [drafts, current] = await Promise.all([ctx.data.pledgeVersions.listDrafts(), ctx.data.pledgeVersions.findPublished()]);
      const changesFromCurrent: Record<string, ArticleChange[]> = {};
      for (const draft of drafts) changesFromCurrent[draft._id] = diffArticles(current?.articles ?? [], draft.articles);
      return { drafts: drafts.map(toPledgeVersionView), changesFromCurrent };
    },
  },
  publish: {
    access: 'member',
    async run(input, ctx) {
      await requireAdmin(ctx);
      const draft = await ctx.data.pledgeVersions.findById(input.versionId);
      if (!draft || draft.status !== 'draft') throw new AppError('NOT_FOUND');
      const previousId = draft.version > 1 ? pledgeVersionId(draft.version - 1) : null;
      const published = await ctx.data.pledgeVersions.publish(draft._id, previousId, ctx.now);
      ctx.audit({ collection: collections.pledgeVersions, id: published._id });
      if (previousId) ctx.audit({ collection: collections.pledgeVersions, id: previousId });
      return toPledgeVersionView(published);
    },
  },
  stats: {
    access: 'member',
    async run(input, ctx) {
      let orgId = input.orgId ?? null;
      if (orgId === null) {
        const [member, root] = await Promise.all([ctx.member(), ctx.data.orgs.findRoot()]);
        orgId = member ? defaultStatsOrgId(member.roles, root?._id ?? null) : null;
        if (orgId === null) throw new AppError('FORBIDDEN');
      }
      const org = await findOrg(ctx, orgId);
      await ctx.requireRole(org, 'organizer');
      const children = await ctx.data.orgs.listChildren(org._id);
      const since = new Date(ctx.now.getTime() - statsWeeks * weekMs);
      const counts = await ctx.data.pledgeSignatures.aggregatesForOrg(
        org._id,
        children.map((child) => child._id),
        since,
      );
      const names = new Map(children.map((child) => [child._id, child.name]));
      return {
        total: counts.total,
        bySector: [...counts.bySector].sort((a, b) => b.count - a.count),
        byOrg: counts.byOrg
          .map((row) => ({ orgId: row.orgId, orgName: names.get(row.orgId) ?? '', count: row.count }))
          .sort((a, b) => b.count - a.count || a.orgId.localeCompare(b.orgId)),
        byWeek: weeklySeries(counts.byWeek, ctx.now, statsWeeks),
      };
    },
  },
  signers: {
    access: 'member',
    async run(input, ctx) {
      const org = await findOrg(ctx, input.orgId);
      await ctx.requireRole(org, 'organizer');
      const [rows, current] = await Promise.all([
        ctx.data.pledgeSignatures.listByOrg(org._id, pageWindow(input.page, input.pageSize)),
        ctx.data.pledgeVersions.findPublished(),
      ]);
      return toPage(rows, input.page, input.pageSize, (row) => toSignerRow(row, current?.version ?? null));
    },
  },
  verifyChain: {
    access: 'member',
    async run(_input, ctx) {
      await requireAdmin(ctx);
      // The head is read first: entries appended while the check runs lie beyond it and wait for the next check.
      const head = await ctx.data.pledgeSignatures.chainHead();
      const verifier = new ChainVerifier();
      // Without a head (deleted?) every entry is read, and the verdict names the missing head.
      for await (const entry of ctx.data.pledgeSignatures.chainEntries(head?.seq ?? Number.MAX_SAFE_INTEGER)) verifier.add(entry);
      return verifier.result(head);
    },
  },
});

export const main = fn.main;
export const invoke = fn.invoke;
