import { Input, Text, View } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import { scannedCode, scannerFieldChange } from '../../../utils/scanner-field';
import './index.scss';

export interface ScannerFieldProps {
  onCode: (code: string) => void;
  /**
   * Take the focus back whenever it leaves, so a USB scanner at a desk always types into the field. Off on a
   * phone, where a focused field raises the keyboard over half the screen.
   */
  keepFocus: boolean;
  /** False while the page is hidden: nothing to type into then. */
  active: boolean;
}

const refocusDelayMs = 80;

/** The field a barcode scanner types into: Enter (or a typed line break) submits, then it clears and keeps the focus. */
export default function ScannerField({ onCode, keepFocus, active }: ScannerFieldProps) {
  const [text, setText] = useState('');
  const holdFocus = keepFocus && active;
  const [focused, setFocused] = useState(holdFocus);
  const refocusTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    if (holdFocus) setFocused(true);
    return () => {
      if (refocusTimer.current) clearTimeout(refocusTimer.current);
    };
  }, [holdFocus]);

  const change = (value: string) => {
    const { submit, rest } = scannerFieldChange(value);
    setText(rest);
    submit.forEach(onCode);
  };

  const confirm = (value: string) => {
    setText('');
    const code = scannedCode(value);
    if (code) onCode(code);
  };

  const blur = () => {
    setFocused(false);
    if (!holdFocus) return;
    // A tap on a button takes the focus for a moment; the scanner must still find the field afterwards.
    if (refocusTimer.current) clearTimeout(refocusTimer.current);
    refocusTimer.current = setTimeout(() => setFocused(true), refocusDelayMs);
  };

  return (
    <View className="scanner-field">
      <Input
        className="scan-input scanner-field__input"
        value={text}
        focus={focused}
        confirmType="go"
        confirmHold
        adjustPosition={false}
        maxlength={200}
        placeholder="扫码枪扫描，或输入签到码后回车"
        placeholderClass="scanner-field__placeholder"
        onInput={(event) => change(event.detail.value)}
        onConfirm={(event) => confirm(event.detail.value)}
        onFocus={() => setFocused(true)}
        onBlur={blur}
      />
      <Text className="scanner-field__submit" onClick={() => confirm(text)}>
        核验
      </Text>
    </View>
  );
}
