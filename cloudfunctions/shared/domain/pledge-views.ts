import type { MySignature, PledgeVersionView, SignerRow, VerifyResult } from '../contract/pledge';
import type { PledgeSignatureDoc, PledgeVersionDoc } from '../data/documents';
import { toInstant } from './mapping';
import { maskName } from './masking';
import { signatureStatus } from './pledge-rules';

export function toPledgeVersionView(version: PledgeVersionDoc): PledgeVersionView {
  return {
    id: version._id,
    version: version.version,
    title: version.title,
    preamble: version.preamble,
    articles: version.articles,
    changeNote: version.changeNote,
    status: version.status,
    publishedAt: version.publishedAt ? toInstant(version.publishedAt) : null,
  };
}

/** The signer's own view of a signature, for the certificate. */
export function toMySignature(signature: PledgeSignatureDoc, currentVersion: number | null, imageUrl: string | null): MySignature {
  return {
    serial: signature.serial,
    version: signature.version,
    title: signature.title,
    name: signature.name,
    employer: signature.employer,
    sector: signature.sector,
    platform: signature.platform,
    account: signature.account,
    signedAt: toInstant(signature.signedAt),
    status: signatureStatus(signature, currentVersion),
    withdrawnAt: signature.withdrawnAt ? toInstant(signature.withdrawnAt) : null,
    imageUrl,
  };
}

/** What anyone may learn from a serial: its standing, the masked name, the version and the date. Nothing else. */
export function toVerifyResult(serial: string, signature: PledgeSignatureDoc | null, currentVersion: number | null): VerifyResult {
  if (!signature) return { status: 'unknown', serial, maskedName: null, version: null, title: null, signedAt: null };
  return {
    status: signatureStatus(signature, currentVersion),
    serial: signature.serial,
    maskedName: maskName(signature.name),
    version: signature.version,
    title: signature.title,
    signedAt: toInstant(signature.signedAt),
  };
}

/** Organizers see names in full (they know their members) but no contact details. */
export function toSignerRow(signature: PledgeSignatureDoc, currentVersion: number | null): SignerRow {
  return {
    serial: signature.serial,
    name: signature.name,
    sector: signature.sector,
    employer: signature.employer,
    platform: signature.platform,
    version: signature.version,
    signedAt: toInstant(signature.signedAt),
    status: signatureStatus(signature, currentVersion),
  };
}
