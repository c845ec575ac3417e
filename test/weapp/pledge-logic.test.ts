import type { MySignature, PledgeCurrent } from '../../cloudfunctions/shared/contract/pledge';
import { judgeInk, measureInk, type RgbaPixels } from '../../cloudfunctions/shared/domain/pledge-signature-image';
import { type InkPoint, type Stroke, inkMessage, judgeStrokes } from '../../src/components/signature-pad/ink-check';
import { type CertificateContext, certificateDate, drawCertificate, wrapText } from '../../src/package-pledge/certificate/draw-certificate';
import { qrMatrix } from '../../src/components/qr-code/qr-matrix';
import { normaliseSerial, serialFromText, verifyLink } from '../../src/package-pledge/pledge-links';
import { dataUrlBytes, signerDraftFrom, validateSigner } from '../../src/package-pledge/sign/signer-form';
import { articleNumber, canManagePledge, myPledgeStatus, signAction } from '../../src/pages/pledge/pledge-status';

const pad = { width: 340, height: 200 };

function line(from: InkPoint, to: InkPoint, steps = 20): Stroke {
  return Array.from({ length: steps + 1 }, (_, index) => ({ x: from.x + ((to.x - from.x) * index) / steps, y: from.y + ((to.y - from.y) * index) / steps }));
}

/** Roughly "林晓" written by hand: a few strokes in different directions, with a loop. */
const handwriting: Stroke[] = [
  line({ x: 40, y: 80 }, { x: 110, y: 80 }),
  line({ x: 75, y: 50 }, { x: 75, y: 160 }),
  line({ x: 75, y: 90 }, { x: 40, y: 140 }),
  line({ x: 75, y: 90 }, { x: 115, y: 135 }),
  Array.from({ length: 40 }, (_, index) => ({ x: 200 + 30 * Math.cos(index / 6), y: 110 + 40 * Math.sin(index / 6) })),
  line({ x: 250, y: 60 }, { x: 300, y: 170 }),
];

/** Paints strokes the way the pad does (3 px round pen at 2x) and asks the server's own rule about the pixels. */
function serverVerdict(strokes: Stroke[], ratio = 2): ReturnType<typeof judgeInk> {
  const width = pad.width * ratio;
  const height = pad.height * ratio;
  const pixels: RgbaPixels = { width, height, data: new Uint8Array(width * height * 4) };
  const radius = (3 * ratio) / 2;
  const stamp = (point: InkPoint) => {
    const cx = point.x * ratio;
    const cy = point.y * ratio;
    for (let y = Math.floor(cy - radius); y <= Math.ceil(cy + radius); y++) {
      for (let x = Math.floor(cx - radius); x <= Math.ceil(cx + radius); x++) {
        if (x < 0 || y < 0 || x >= width || y >= height || (x - cx) ** 2 + (y - cy) ** 2 > radius ** 2) continue;
        pixels.data.set([31, 35, 41, 255], (y * width + x) * 4);
      }
    }
  };
  for (const stroke of strokes) {
    stroke.forEach((point, index) => {
      const previous = stroke[index - 1] ?? point;
      const steps = Math.max(1, Math.ceil(Math.hypot(point.x - previous.x, point.y - previous.y) * ratio));
      for (let step = 0; step <= steps; step++) {
        stamp({ x: previous.x + ((point.x - previous.x) * step) / steps, y: previous.y + ((point.y - previous.y) * step) / steps });
      }
    });
  }
  return judgeInk(measureInk(pixels), pixels);
}

describe('the signature pad’s ink check', () => {
  it('accepts handwriting, which the server accepts too', () => {
    expect(judgeStrokes(handwriting, pad)).toBe('enough');
    expect(serverVerdict(handwriting)).toBe('enough');
    expect(inkMessage('enough')).toBeNull();
  });

  it('refuses a blank pad, a dot, a tiny scribble and one straight line with the message', () => {
    const tinyScribble = [Array.from({ length: 30 }, (_, index) => ({ x: 100 + (index % 3), y: 100 + (index % 2) * 3 }))];
    expect(judgeStrokes([], pad)).toBe('empty');
    expect(judgeStrokes([[{ x: 100, y: 100 }]], pad)).toBe('too_light');
    expect(judgeStrokes(tinyScribble, pad)).toBe('too_light');
    expect(judgeStrokes([line({ x: 20, y: 30 }, { x: 320, y: 180 }, 60)], pad)).toBe('too_light');
    expect(judgeStrokes([line({ x: 20, y: 100 }, { x: 320, y: 100 }, 60)], pad)).toBe('too_light');
    expect(inkMessage('too_light')).toBe('签名笔画太少，请用手写完整签名');
    expect(inkMessage('empty')).toBe('请先在签名区手写签名');
  });

  it('is at least as strict as the server: whatever it lets through, the server accepts', () => {
    const samples: Stroke[][] = [
      [[{ x: 100, y: 100 }]],
      [line({ x: 20, y: 30 }, { x: 320, y: 180 }, 60)],
      [line({ x: 100, y: 100 }, { x: 112, y: 100 }), line({ x: 100, y: 104 }, { x: 112, y: 104 })],
      [line({ x: 100, y: 100 }, { x: 130, y: 100 }), line({ x: 115, y: 90 }, { x: 115, y: 115 })],
      [line({ x: 50, y: 100 }, { x: 250, y: 100 }), line({ x: 50, y: 112 }, { x: 250, y: 112 })],
      handwriting,
      handwriting.slice(0, 2),
    ];
    for (const strokes of samples) {
      if (judgeStrokes(strokes, pad) === 'enough') expect(serverVerdict(strokes)).toBe('enough');
    }
  });
});

const signature: MySignature = {
  serial: 'XL-ABCDE23456',
  version: 1,
  title: '浦东新区新媒体从业人员自律公约',
  name: '林晓',
  employer: '浦江视听工作室',
  sector: 'newmedia',
  platform: '微信公众号',
  account: '浦江视听',
  signedAt: '2026-11-24T17:30:00.000Z',
  status: 'valid',
  withdrawnAt: null,
  imageUrl: null,
};

describe('the pledge tab’s status', () => {
  const my = (state: 'not_signed' | 'signed' | 'outdated', signed: MySignature | null = signature): PledgeCurrent['my'] => ({ state, signature: signed, changes: [] });

  it('names the three states, and nothing for an anonymous caller', () => {
    expect(myPledgeStatus(null)).toBeNull();
    expect(myPledgeStatus(my('not_signed', null))).toEqual({ text: '未签署', tone: 'muted' });
    expect(myPledgeStatus(my('signed', { ...signature, version: 2 }))).toEqual({ text: '已签署第 2 版', tone: 'success' });
    expect(myPledgeStatus(my('outdated'))).toEqual({ text: '公约已更新，请重新签署', tone: 'warning' });
  });

  it('keeps the sign button locked until the text was read to the end', () => {
    expect(signAction(my('not_signed', null), false)).toEqual({ text: '请阅读至文末后签署', enabled: false });
    expect(signAction(my('not_signed', null), true)).toEqual({ text: '签署公约', enabled: true });
    expect(signAction(my('outdated'), true)).toEqual({ text: '签署新版公约', enabled: true });
    expect(signAction(my('signed'), false)).toEqual({ text: '已签署，查看证书', enabled: true });
  });

  it('numbers articles the Chinese way and offers management to admins and organizers only', () => {
    expect([1, 9, 10, 11, 20, 21].map(articleNumber)).toEqual(['第一条', '第九条', '第十条', '第十一条', '第二十条', '第二十一条']);
    expect(canManagePledge([{ orgId: 'org-general', role: 'steward' }])).toBe(false);
    expect(canManagePledge([{ orgId: 'org-street-lujiazui', role: 'organizer' }])).toBe(true);
    expect(canManagePledge([])).toBe(false);
  });
});

describe('verify links and serials', () => {
  it('encodes the H5 verify page under the site, or the mini program path', () => {
    expect(verifyLink('XL-ABCDE23456', { origin: 'http://127.0.0.1:3300', pathname: '/' })).toBe('http://127.0.0.1:3300/#/package-pledge/verify/index?serial=XL-ABCDE23456');
    expect(verifyLink('XL-ABCDE23456', null)).toBe('package-pledge/verify/index?serial=XL-ABCDE23456');
  });

  it('finds the serial in a scanned link or path, and tidies a typed one', () => {
    expect(serialFromText('http://x/#/package-pledge/verify/index?serial=XL-ABCDE23456')).toBe('XL-ABCDE23456');
    expect(serialFromText('package-pledge/verify/index?serial=xl-abcde23456')).toBe('XL-ABCDE23456');
    expect(serialFromText('https://example.com/%E5%85%AC%E7%BA%A6')).toBeNull();
    expect(normaliseSerial('  xl-abcde23456 ')).toBe('XL-ABCDE23456');
    expect(normaliseSerial('XL-123')).toBeNull();
  });
});

describe('the signer form', () => {
  it('prefills from the profile and takes platform and account from the last signature', () => {
    const profile = { id: 'm-lin-xiao', name: '林晓', mobile: '13524619087', sector: 'newmedia' as const, employer: '浦江视听工作室', title: '主编', orgIds: [], createdAt: '', updatedAt: '' };
    expect(signerDraftFrom(profile, { state: 'outdated', signature, changes: [] })).toEqual({
      name: '林晓',
      employer: '浦江视听工作室',
      sector: 'newmedia',
      platform: '微信公众号',
      account: '浦江视听',
    });
    expect(signerDraftFrom(null, null)).toEqual({ name: '', employer: '', sector: '', platform: '', account: '' });
  });

  it('asks a new-media practitioner for the platform and checks the contract’s limits', () => {
    expect(validateSigner({ name: ' ', employer: '', sector: '', platform: '', account: '' })).toEqual({ name: '请填写姓名', employer: '请填写工作单位', sector: '请选择界别' });
    expect(validateSigner({ name: '林晓', employer: '浦江视听', sector: 'newmedia', platform: ' ', account: '' })).toEqual({ platform: '新媒体从业人员请填写平台名称' });
    expect(validateSigner({ name: '张伟', employer: '某公司', sector: 'enterprise', platform: '', account: '' })).toEqual({});
    expect(validateSigner({ name: '林'.repeat(21), employer: '单'.repeat(61), sector: 'enterprise', platform: '平'.repeat(31), account: '账'.repeat(41) })).toEqual({
      name: '姓名不能超过20个字',
      employer: '单位名称不能超过60个字',
      platform: '平台名称不能超过30个字',
      account: '账号名称不能超过40个字',
    });
  });

  it('counts the bytes behind a data URL', () => {
    expect(dataUrlBytes(`data:image/png;base64,${Buffer.from('abcd').toString('base64')}`)).toBe(4);
    expect(dataUrlBytes(`data:image/png;base64,${Buffer.alloc(1000).toString('base64')}`)).toBe(1000);
  });
});

describe('the certificate', () => {
  it('builds a QR code for a verify link without TextEncoder', () => {
    const matrix = qrMatrix(verifyLink('XL-ABCDE23456', { origin: 'http://127.0.0.1:3300', pathname: '/' }));
    expect(matrix.length).toBeGreaterThanOrEqual(25);
    expect(matrix.every((row) => row.length === matrix.length)).toBe(true);
    // The finder pattern's corner modules are dark.
    expect(matrix[0][0] && matrix[0][6] && matrix[6][0]).toBe(true);
  });

  it('shows the signing day in Asia/Shanghai', () => {
    expect(certificateDate('2026-11-24T17:30:00.000Z')).toBe('2026年11月25日');
  });

  it('wraps Chinese text by width', () => {
    const context = { measureText: (text: string) => ({ width: text.length * 10 }) as TextMetrics };
    expect(wrapText(context, '一二三四五六七', 30)).toEqual(['一二三', '四五六', '七']);
    expect(wrapText(context, '一二三。四五', 30)).toEqual(['一二三。', '四五']);
  });

  it('writes the name, pledge and version, date and serial, and marks a withdrawn one', () => {
    const texts: string[] = [];
    const context = new Proxy({} as Record<string, unknown>, {
      get: (target, key) => {
        if (key === 'fillText') return (text: string) => texts.push(text);
        if (key === 'measureText') return (text: string) => ({ width: text.length * 22 });
        return key in target ? target[key as string] : () => undefined;
      },
      set: (target, key, value) => {
        target[key as string] = value;
        return true;
      },
    }) as unknown as CertificateContext;
    drawCertificate(context, { signature: { ...signature, status: 'withdrawn' }, qr: qrMatrix('XL-ABCDE23456'), signatureImage: null });
    const all = texts.join('');
    expect(texts).toContain('林晓');
    expect(all).toContain('《浦东新区新媒体从业人员自律公约》');
    expect(all).toContain('第 1 版');
    expect(texts).toContain('证书编号：XL-ABCDE23456');
    expect(texts).toContain('签署日期：2026年11月25日');
    expect(texts).toContain('已撤回');
  });
});
