/**
 * The camera side of the scan page. Taro picks camera-scanner.weapp.tsx or camera-scanner.h5.tsx by platform, so
 * the QR decoder (jsQR) is only in the H5 build, where the browser has no scanner of its own.
 */
export interface CameraScannerProps {
  /** False while the page is hidden or a dialog is up: the H5 camera stops. */
  active: boolean;
  onCode: (text: string) => void;
}

/** weapp: a large 扫码 button that opens WeChat's scanner; H5: the browser camera, decoding frames continuously. */
export default function CameraScanner(props: CameraScannerProps): JSX.Element;

/** weapp: opens WeChat's scanner once and resolves with what it read (null when cancelled); H5 has no such step. */
export declare const scanOnce: (() => Promise<string | null>) | null;
