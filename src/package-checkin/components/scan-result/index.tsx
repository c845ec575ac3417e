import { Text, View } from '@tarojs/components';
import { useEffect } from 'react';
import type { ScanResultView } from '../../helpers/scan-display';
import './index.scss';

export interface ScanResultProps {
  view: ScanResultView;
  /** Tapping anywhere, or the timer of a green result. */
  onDismiss: () => void;
  /** weapp: dismiss and open the camera again, so the next person costs one tap. */
  onNext?: () => void;
}

/** The verdict of one scan, full screen, readable at arm's length: green with the name, or red with the reason. */
export default function ScanResult({ view, onDismiss, onNext }: ScanResultProps) {
  useEffect(() => {
    if (view.dismissAfterMs === null) return;
    const timer = setTimeout(onDismiss, view.dismissAfterMs);
    return () => clearTimeout(timer);
  }, [view, onDismiss]);

  return (
    <View className={`scan-result scan-result--${view.tone}`} catchMove onClick={onDismiss}>
      <View className="scan-result__body">
        <View className="scan-result__mark">{view.tone === 'accepted' ? '✓' : '✕'}</View>
        <Text className="scan-result__headline">{view.headline}</Text>
        {view.name && <Text className="scan-result__name">{view.name}</Text>}
        {view.team && <Text className="scan-result__team">{`队伍：${view.team}`}</Text>}
        {view.details.map((line) => (
          <Text key={line} className="scan-result__detail">
            {line}
          </Text>
        ))}
        {view.offline && <Text className="scan-result__offline">离线核验 · 联网后自动同步</Text>}
      </View>
      <View className="scan-result__foot">
        {onNext ? (
          <View
            className="scan-result__next"
            hoverClass="btn--pressed"
            onClick={(event) => {
              event.stopPropagation();
              onNext();
            }}
          >
            继续扫码
          </View>
        ) : (
          <Text className="scan-result__hint">{view.dismissAfterMs === null ? '点击任意处继续' : '扫下一位，或点击任意处继续'}</Text>
        )}
      </View>
    </View>
  );
}
