import type { PledgeSignatureDoc } from '../../cloudfunctions/shared/data/documents';
import { maskName } from '../../cloudfunctions/shared/domain/masking';
import { AppError } from '../../cloudfunctions/shared/domain/app-error';
import {
  assertCanSign,
  assertCanWithdraw,
  assertSignerDetails,
  decideMyPledgeState,
  defaultStatsOrgId,
  diffArticles,
  newSerial,
  numberArticles,
  serialAlphabet,
  shanghaiWeekIndex,
  shanghaiWeekStart,
  signatureId,
  signatureStatus,
  signerOrgReach,
  weeklySeries,
} from '../../cloudfunctions/shared/domain/pledge-rules';
import { toVerifyResult } from '../../cloudfunctions/shared/domain/pledge-views';
import { serialSchema } from '../../cloudfunctions/shared/contract';

function signature(overrides: Partial<PledgeSignatureDoc> = {}): PledgeSignatureDoc {
  return {
    _id: 'pledge-v1_m-1',
    serial: 'XL-ABCDEFGH23',
    seq: 1,
    versionId: 'pledge-v1',
    version: 1,
    title: '新媒体从业人员自律公约',
    memberId: 'm-1',
    name: '欧阳娜娜',
    employer: '浦江视听工作室',
    sector: 'newmedia',
    platform: '视频号',
    account: '浦江视听',
    orgIds: ['org-general'],
    imageFileId: 'cloud://env.bucket/pledge-signatures/a.png',
    imageSha256: 'a'.repeat(64),
    signedAt: new Date('2026-10-01T02:00:00Z'),
    prevHash: '0'.repeat(64),
    hash: 'b'.repeat(64),
    status: 'valid',
    withdrawnAt: null,
    ...overrides,
  };
}

function codeOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return (error as AppError).code;
  }
}

describe('newSerial', () => {
  it('makes XL- and ten symbols without look-alikes, which the contract accepts', () => {
    const serials = Array.from({ length: 200 }, () => newSerial());
    for (const serial of serials) {
      expect(serial).toMatch(/^XL-[2-9A-HJ-NP-Z]{10}$/);
      expect(serialSchema.parse(serial.toLowerCase())).toBe(serial);
    }
    expect(new Set(serials).size).toBe(200);
  });

  it('uses every symbol of the alphabet', () => {
    expect(newSerial(() => Uint8Array.from([0, 1, 30, 31, 32, 63, 255, 7, 8, 9]))).toBe(
      `XL-${[0, 1, 30, 31, 0, 31, 31, 7, 8, 9].map((i) => serialAlphabet[i]).join('')}`,
    );
    expect(serialAlphabet).not.toMatch(/[01OI]/);
    expect(serialAlphabet).toHaveLength(32);
  });
});

describe('maskName', () => {
  it.each([
    ['林晓', '林*'],
    ['陈思远', '陈**'],
    ['欧阳娜娜', '欧阳**'],
    ['欧阳', '欧*'],
    ['司马相如', '司马**'],
    ['王', '*'],
    ['  李明 ', '李*'],
    ['', ''],
  ])('%s → %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
});

describe('verification answers', () => {
  it('carry the masked name and nothing else personal', () => {
    const result = toVerifyResult('XL-ABCDEFGH23', signature(), 1);
    expect(result).toEqual({
      status: 'valid',
      serial: 'XL-ABCDEFGH23',
      maskedName: '欧阳**',
      version: 1,
      title: '新媒体从业人员自律公约',
      signedAt: '2026-10-01T02:00:00.000Z',
    });
    const text = JSON.stringify(result);
    for (const secret of ['欧阳娜娜', '浦江视听', '视频号', 'm-1', 'org-general', 'cloud://']) expect(text).not.toContain(secret);
  });

  it('answer unknown for a serial nobody holds', () => {
    expect(toVerifyResult('XL-ZZZZZZZZZZ', null, 2)).toEqual({
      status: 'unknown',
      serial: 'XL-ZZZZZZZZZZ',
      maskedName: null,
      version: null,
      title: null,
      signedAt: null,
    });
  });
});

describe('signatureStatus', () => {
  it('derives superseded from the published version; withdrawn wins', () => {
    expect(signatureStatus(signature({ version: 2 }), 2)).toBe('valid');
    expect(signatureStatus(signature({ version: 1 }), 2)).toBe('superseded');
    expect(signatureStatus(signature({ version: 1, status: 'withdrawn' }), 2)).toBe('withdrawn');
    expect(signatureStatus(signature({ version: 1 }), null)).toBe('valid');
  });
});

describe('diffArticles', () => {
  const v1 = numberArticles([
    { title: '真实', body: '内容真实' },
    { title: '权利', body: '尊重他人权利' },
    { title: '未成年人', body: '保护未成年人' },
  ]);

  it('lists changed, added and removed articles by number', () => {
    const v2 = numberArticles([
      { title: '真实', body: '内容真实' },
      { title: '权利', body: '尊重他人权利与隐私' },
      { title: '未成年人', body: '保护未成年人' },
      { title: '广告', body: '广告明示' },
    ]);
    expect(diffArticles(v1, v2)).toEqual([
      { no: 2, change: 'changed', before: v1[1], after: v2[1] },
      { no: 4, change: 'added', before: null, after: v2[3] },
    ]);
    expect(diffArticles(v2, v1)).toEqual([
      { no: 2, change: 'changed', before: v2[1], after: v1[1] },
      { no: 4, change: 'removed', before: v2[3], after: null },
    ]);
    expect(diffArticles(v1, v1)).toEqual([]);
    expect(diffArticles([], v1).map((change) => change.change)).toEqual(['added', 'added', 'added']);
  });
});

describe('decideMyPledgeState', () => {
  const v1 = { _id: 'pledge-v1', version: 1 };
  const v2 = { _id: 'pledge-v2', version: 2 };

  it('is not_signed without signatures, signed for the current version, outdated for an older one', () => {
    expect(decideMyPledgeState([], v1)).toEqual({ state: 'not_signed', signature: null });
    const first = signature();
    expect(decideMyPledgeState([first], v1)).toEqual({ state: 'signed', signature: first });
    expect(decideMyPledgeState([first], v2)).toEqual({ state: 'outdated', signature: first });
    const second = signature({ _id: 'pledge-v2_m-1', versionId: 'pledge-v2', version: 2, signedAt: new Date('2026-11-20T00:00:00Z') });
    expect(decideMyPledgeState([first, second], v2)).toEqual({ state: 'signed', signature: second });
  });

  it('after a withdrawal the member has not signed, and the withdrawn signature is shown', () => {
    const withdrawn = signature({ status: 'withdrawn', withdrawnAt: new Date('2026-10-02T00:00:00Z') });
    expect(decideMyPledgeState([withdrawn], v1)).toEqual({ state: 'not_signed', signature: withdrawn });
    expect(decideMyPledgeState([withdrawn], v2)).toEqual({ state: 'not_signed', signature: withdrawn });
  });
});

describe('assertCanSign', () => {
  const current = { _id: 'pledge-v2' };

  it('allows the published version once while the signature stands', () => {
    expect(codeOf(() => assertCanSign('pledge-v2', current, []))).toBeNull();
    expect(codeOf(() => assertCanSign('pledge-v2', current, [signature({ status: 'withdrawn' })]))).toBeNull();
    expect(codeOf(() => assertCanSign('pledge-v2', current, [signature()]))).toBe('ALREADY_SIGNED');
  });

  it('refuses an older or unknown version, and signing when nothing is published', () => {
    expect(codeOf(() => assertCanSign('pledge-v1', current, []))).toBe('PLEDGE_VERSION_OUTDATED');
    expect(codeOf(() => assertCanSign('pledge-v9', current, []))).toBe('PLEDGE_VERSION_OUTDATED');
    expect(codeOf(() => assertCanSign('pledge-v1', null, []))).toBe('NOT_FOUND');
  });
});

describe('signer rules', () => {
  it('new-media practitioners name their platform', () => {
    expect(codeOf(() => assertSignerDetails({ sector: 'newmedia', platform: ' ' }))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => assertSignerDetails({ sector: 'newmedia', platform: '抖音' }))).toBeNull();
    expect(codeOf(() => assertSignerDetails({ sector: 'professional', platform: '' }))).toBeNull();
  });

  it('only the signer withdraws', () => {
    expect(assertCanWithdraw(signature(), 'm-1')._id).toBe('pledge-v1_m-1');
    expect(codeOf(() => assertCanWithdraw(signature(), 'm-2'))).toBe('FORBIDDEN');
    expect(codeOf(() => assertCanWithdraw(null, 'm-1'))).toBe('NOT_FOUND');
  });

  it('a second signing of a version after a withdrawal gets its own id', () => {
    expect(signatureId('pledge-v1', 'm-1', 1)).toBe('pledge-v1_m-1');
    expect(signatureId('pledge-v1', 'm-1', 2)).toBe('pledge-v1_m-1_r2');
  });
});

describe('stats helpers', () => {
  it('default to the organised organisation, or the root for an admin', () => {
    expect(defaultStatsOrgId([{ orgId: 'org-a', role: 'organizer' }], 'org-root')).toBe('org-a');
    expect(defaultStatsOrgId([{ orgId: 'org-a', role: 'admin' }], 'org-root')).toBe('org-root');
    expect(defaultStatsOrgId([{ orgId: 'org-a', role: 'steward' }], 'org-root')).toBeNull();
  });

  it('count weeks Monday to Sunday in Shanghai', () => {
    // Sunday 22 Nov 2026, 23:59 in Shanghai, and Monday 23 Nov, 00:01.
    const sundayNight = shanghaiWeekIndex(new Date('2026-11-22T15:59:00Z'));
    const mondayMorning = shanghaiWeekIndex(new Date('2026-11-22T16:01:00Z'));
    expect(mondayMorning).toBe(sundayNight + 1);
    expect(shanghaiWeekStart(mondayMorning)).toBe('2026-11-23');
    expect(shanghaiWeekStart(sundayNight)).toBe('2026-11-16');
  });

  it('fill the weeks between the first signature and now with zeros', () => {
    const now = new Date('2026-11-25T02:00:00Z');
    const thisWeek = shanghaiWeekIndex(now);
    expect(weeklySeries([{ weekIndex: thisWeek - 2, count: 3 }, { weekIndex: thisWeek, count: 1 }], now, 52)).toEqual([
      { weekStart: '2026-11-09', count: 3 },
      { weekStart: '2026-11-16', count: 0 },
      { weekStart: '2026-11-23', count: 1 },
    ]);
    expect(weeklySeries([], now, 52)).toEqual([{ weekStart: '2026-11-23', count: 0 }]);
    expect(weeklySeries([{ weekIndex: thisWeek - 100, count: 5 }], now, 4)).toHaveLength(4);
  });
});

describe('signerOrgReach', () => {
  it('adds every ancestor of the signer organisations, once', () => {
    expect(
      signerOrgReach([
        { _id: 'org-club', ancestorIds: ['org-root', 'org-street'] },
        { _id: 'org-street', ancestorIds: ['org-root'] },
      ]),
    ).toEqual(['org-root', 'org-street', 'org-club']);
    expect(signerOrgReach([])).toEqual([]);
  });
});
