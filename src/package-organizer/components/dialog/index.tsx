import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.scss';

export interface DialogProps {
  title: string;
  children: ReactNode;
  confirmText: string;
  /** Red confirm button, for what cannot be undone. */
  danger?: boolean;
  /** While the request runs: both buttons wait and the confirm button says so. */
  busy?: boolean;
  /** Without it the dialog only informs: one button closes it. */
  onConfirm?: () => void;
  onClose: () => void;
  /** Stable class for tests and styles, e.g. "decide-dialog". */
  className?: string;
}

/** A centred dialog over a dimmed page, with room for inputs (Taro's showModal has none in H5). */
export default function Dialog({ title, children, confirmText, danger = false, busy = false, onConfirm, onClose, className = '' }: DialogProps) {
  return (
    <View className={`dialog ${className}`} catchMove>
      <View className="dialog__mask" onClick={busy ? undefined : onClose} />
      <View className="dialog__panel">
        <Text className="dialog__title">{title}</Text>
        <View className="dialog__body">{children}</View>
        <View className="dialog__actions">
          {onConfirm && (
            <View className={`btn btn--plain dialog__button dialog__cancel${busy ? ' dialog__button--busy' : ''}`} hoverClass="btn--pressed" onClick={busy ? undefined : onClose}>
              取消
            </View>
          )}
          <View
            className={`btn btn--primary dialog__button dialog__confirm${danger ? ' dialog__confirm--danger' : ''}${busy ? ' dialog__button--busy' : ''}`}
            hoverClass="btn--pressed"
            onClick={busy ? undefined : onConfirm ?? onClose}
          >
            {busy ? '请稍候…' : confirmText}
          </View>
        </View>
      </View>
    </View>
  );
}
