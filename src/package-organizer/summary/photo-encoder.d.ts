import type { CompressionStep } from '../helpers/summary-photos';

/**
 * Turning a picked photo into base64 on the phone. Taro picks photo-encoder.weapp.ts (WeChat's image compressor)
 * or photo-encoder.h5.ts (a canvas) by platform.
 */

/** The picked file as it is, as a data URL. */
export declare function readPicked(path: string): Promise<string>;

/** The picked photo re-encoded as JPEG at the step's size and quality, as a data URL. */
export declare function encodePhoto(path: string, step: CompressionStep): Promise<string>;

/** A photo already posted (a download URL), as a data URL, so posting again keeps it. */
export declare function readRemote(url: string): Promise<string>;
