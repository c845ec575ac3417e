import { Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import './index.scss';

export interface ReasonDialogProps {
  title: string;
  /** What the action does, above the field. */
  text: string;
  confirmText: string;
  maxLength: number;
  busy: boolean;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}

/** Asks why before something that is recorded (undoing a check-in); confirming needs a reason. */
export default function ReasonDialog({ title, text, confirmText, maxLength, busy, onConfirm, onClose }: ReasonDialogProps) {
  const [reason, setReason] = useState('');
  const ready = reason.trim().length > 0 && !busy;
  return (
    <View className="reason-dialog" catchMove>
      <View className="reason-dialog__mask" onClick={busy ? undefined : onClose} />
      <View className="reason-dialog__panel">
        <Text className="reason-dialog__title">{title}</Text>
        <Text className="reason-dialog__text">{text}</Text>
        <Textarea
          className="reason-dialog__field"
          value={reason}
          maxlength={maxLength}
          focus
          placeholder="请填写原因，例如：误扫了同伴的签到码"
          onInput={(event) => setReason(event.detail.value)}
        />
        <Text className="reason-dialog__count">{`${reason.length}/${maxLength}`}</Text>
        <View className="reason-dialog__actions">
          <View className="btn btn--plain reason-dialog__button reason-dialog__cancel" hoverClass="btn--pressed" onClick={busy ? undefined : onClose}>
            取消
          </View>
          <View
            className={`btn ${ready ? 'btn--primary' : 'btn--disabled'} reason-dialog__button reason-dialog__confirm`}
            hoverClass="btn--pressed"
            onClick={ready ? () => onConfirm(reason.trim()) : undefined}
          >
            {busy ? '请稍候…' : confirmText}
          </View>
        </View>
      </View>
    </View>
  );
}
