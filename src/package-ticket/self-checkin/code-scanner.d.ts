import type { ReactElement } from 'react';

/** Reads a QR code with the camera: Taro.scanCode in weapp (code-scanner.weapp.tsx), jsQR on video frames in H5 (code-scanner.h5.tsx). */
export interface CodeScannerProps {
  /** While a code is being checked, what the camera sees is ignored. */
  paused: boolean;
  onCode: (text: string) => void;
}

export default function CodeScanner(props: CodeScannerProps): ReactElement;
