import Taro from '@tarojs/taro';

/** Saved under its own name (so a forwarded file says what it is), replacing the list exported before it. */
export async function openSpreadsheet(url: string, fileName: string): Promise<void> {
  const exportDir = `${(Taro.env.USER_DATA_PATH ?? '').replace(/\/$/, '')}/exports`;
  const files = Taro.getFileSystemManager();
  try {
    files.rmdirSync(exportDir, true);
  } catch {
    // Nothing exported on this phone yet.
  }
  files.mkdirSync(exportDir, true);
  const filePath = `${exportDir}/${fileName}`;
  const { statusCode } = await Taro.downloadFile({ url, filePath });
  if (statusCode !== 200) throw new Error(`downloading the export answered ${statusCode}`);
  await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true });
}
