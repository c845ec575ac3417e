import { Canvas, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MySignature } from '../../../cloudfunctions/shared/contract/pledge';
import { signatureStatusLabels } from '../../../cloudfunctions/shared/contract/vocabulary';
import EmptyState from '../../components/empty-state';
import ErrorState from '../../components/error-state';
import LoadingSkeleton from '../../components/loading-skeleton';
import { pixelRatio, queryCanvasNode } from '../../components/signature-pad/canvas-node';
import Tag from '../../components/tag';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { downloadInBrowser } from '../../utils/browser-download';
import { statusTones, verifyLink } from '../pledge-links';
import { type CertificateContext, certificateSize, certificateDate, drawCertificate } from './draw-certificate';
import { qrMatrix } from '../../components/qr-code/qr-matrix';
import './index.scss';

const canvasId = 'certificate-canvas';
const albumScope = 'scope.writePhotosAlbum';

/** An H5 `Image` or a weapp canvas image: both load by `src` and report through onload/onerror. */
interface LoadableImage {
  onload: unknown;
  onerror: unknown;
  src: string;
}

/** Resolves with the image once loaded, or null: a certificate without the signature beats none. */
function loadImage(image: LoadableImage, url: string | null): Promise<CanvasImageSource | null> {
  if (!url) return Promise.resolve(null);
  return new Promise((resolve) => {
    image.onload = () => resolve(image as unknown as CanvasImageSource);
    image.onerror = () => resolve(null);
    image.src = url;
  });
}

/** Saves a picture to the album, asking again through the settings page when the member once refused. */
async function saveToAlbum(filePath: string): Promise<boolean> {
  const { authSetting } = await Taro.getSetting();
  if ((authSetting as Record<string, boolean | undefined>)[albumScope] === false) {
    const { confirm } = await Taro.showModal({
      title: '需要相册权限',
      content: '保存证书需要允许“保存到相册”，请在设置中开启后重试。',
      confirmText: '去设置',
      confirmColor: '#C8102E',
    });
    if (!confirm) return false;
    const opened = await Taro.openSetting();
    if (!(opened.authSetting as Record<string, boolean | undefined>)[albumScope]) return false;
  }
  await Taro.saveImageToPhotosAlbum({ filePath });
  return true;
}

export default function CertificatePage() {
  const { params } = useRouter();
  const serial = params.serial ?? '';
  const justSigned = params.fresh === '1';
  const load = useCallback(async () => {
    const { signatures } = await call('pledge', 'mySignatures', {});
    return { signature: signatures.find((candidate) => candidate.serial === serial) ?? null };
  }, [serial]);
  const remote = useRemote(load);
  const htmlCanvas = useRef<HTMLCanvasElement | null>(null);
  const weappCanvas = useRef<Taro.Canvas | null>(null);
  const [drawn, setDrawn] = useState(false);
  const [saving, setSaving] = useState(false);
  const signature = remote.data?.signature ?? null;

  useEffect(() => {
    if (!signature) return;
    let cancelled = false;
    const draw = async (canvas: HTMLCanvasElement | Taro.Canvas, image: Promise<CanvasImageSource | null>) => {
      const ratio = pixelRatio();
      canvas.width = certificateSize.width * ratio;
      canvas.height = certificateSize.height * ratio;
      const context = canvas.getContext('2d') as unknown as CertificateContext & Pick<CanvasRenderingContext2D, 'scale'>;
      const site = process.env.TARO_ENV === 'h5' ? window.location : null;
      const qr = qrMatrix(verifyLink(signature.serial, site));
      const signatureImage = await image;
      if (cancelled) return;
      context.scale(ratio, ratio);
      drawCertificate(context, { signature, qr, signatureImage });
      setDrawn(true);
    };
    if (process.env.TARO_ENV === 'h5') {
      const canvas = htmlCanvas.current;
      if (!canvas) return;
      const image = new Image();
      image.crossOrigin = 'anonymous';
      void draw(canvas, loadImage(image, signature.imageUrl));
    } else {
      void queryCanvasNode(canvasId).then(({ canvas }) => {
        weappCanvas.current = canvas;
        const image = canvas.createImage() as unknown as LoadableImage;
        return draw(canvas, loadImage(image, signature.imageUrl));
      });
    }
    return () => {
      cancelled = true;
    };
  }, [signature]);

  const save = async (current: MySignature) => {
    setSaving(true);
    try {
      if (process.env.TARO_ENV === 'h5') {
        const canvas = htmlCanvas.current;
        if (canvas) downloadInBrowser(canvas.toDataURL('image/png'), `自律公约证书-${current.serial}.png`);
        return;
      }
      const canvas = weappCanvas.current;
      if (!canvas) return;
      const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas, fileType: 'png' });
      if (await saveToAlbum(tempFilePath)) void Taro.showToast({ title: '已保存到相册', icon: 'success' });
    } catch (failure) {
      const message = (failure as { errMsg?: string }).errMsg ?? '';
      if (!message.includes('cancel')) void Taro.showToast({ title: message.includes('auth') ? '未获得相册权限，证书未保存' : '保存失败，请重试', icon: 'none' });
    } finally {
      setSaving(false);
    }
  };

  if (!remote.data) {
    return (
      <View className="page">
        {remote.error ? <ErrorState message={remote.error.message} onRetry={() => void remote.reload()} /> : <LoadingSkeleton cards={2} />}
      </View>
    );
  }

  if (!signature) {
    return (
      <View className="page">
        <EmptyState
          mark="证"
          title="没有找到这份证书"
          hint="证书只对签署人本人显示；其他人可以用证书编号验证。"
          actionText="查看我的签署记录"
          onAction={() => void Taro.redirectTo({ url: '/package-pledge/my-signatures/index' })}
        />
      </View>
    );
  }

  return (
    <View className="certificate">
      {justSigned && (
        <View className="certificate__banner">
          <Text className="certificate__banner-title">签署成功</Text>
          <Text className="certificate__banner-text">感谢你的承诺。证书可保存留存，他人可扫码或输入编号验证。</Text>
        </View>
      )}
      <View className={`certificate__paper certificate__paper--${process.env.TARO_ENV}`}>
        {process.env.TARO_ENV === 'h5' ? (
          <canvas ref={htmlCanvas} className="certificate__canvas" aria-label={`证书 ${signature.serial}`} />
        ) : (
          <Canvas type="2d" id={canvasId} className="certificate__canvas" />
        )}
        {!drawn && <Text className="certificate__drawing">正在生成证书…</Text>}
      </View>

      <View className="certificate__facts">
        <View className="certificate__fact">
          <Text className="certificate__label">证书编号</Text>
          <Text className="certificate__serial" selectable userSelect>
            {signature.serial}
          </Text>
        </View>
        <View className="certificate__fact">
          <Text className="certificate__label">状态</Text>
          <Tag text={signatureStatusLabels[signature.status]} tone={statusTones[signature.status]} />
        </View>
        <View className="certificate__fact">
          <Text className="certificate__label">公约</Text>
          <Text className="certificate__value">
            {signature.title}（第 {signature.version} 版）
          </Text>
        </View>
        <View className="certificate__fact">
          <Text className="certificate__label">签署日期</Text>
          <Text className="certificate__value">{certificateDate(signature.signedAt)}</Text>
        </View>
      </View>

      <View className="certificate__actions">
        <View
          className={`btn ${drawn ? 'btn--primary' : 'btn--disabled'}`}
          hoverClass="btn--pressed"
          onClick={drawn && !saving ? () => void save(signature) : undefined}
        >
          {saving ? '正在保存…' : process.env.TARO_ENV === 'h5' ? '下载证书图片' : '保存到相册'}
        </View>
        <View
          className="btn btn--ghost"
          hoverClass="btn--pressed"
          onClick={() => void Taro.navigateTo({ url: `/package-pledge/verify/index?serial=${signature.serial}` })}
        >
          验证此证书
        </View>
      </View>
    </View>
  );
}
