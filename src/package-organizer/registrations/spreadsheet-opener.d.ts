/**
 * Putting an exported list in the organizer's hands. Taro picks spreadsheet-opener.weapp.ts (WeChat opens the file,
 * whose menu forwards it to a computer) or spreadsheet-opener.h5.ts (the browser downloads it) by platform.
 */
export declare function openSpreadsheet(url: string, fileName: string): Promise<void>;
