import { inBatches, type FileStorage } from './database';

/** CloudBase takes at most 50 files per getTempFileURL or deleteFile call. */
const filesPerCall = 50;

/** Files kept in CloudBase file storage (signature images, event photos), handed to clients as short-lived URLs. */
export class StoredFiles {
  constructor(private readonly storage: FileStorage) {}

  /** Stores the bytes at a cloud path; answers the file id. Never call it inside a transaction. */
  async upload(cloudPath: string, bytes: Buffer): Promise<string> {
    const { fileID } = await this.storage.uploadFile({ cloudPath, fileContent: bytes });
    if (!fileID) throw new Error(`upload of ${cloudPath} answered without a file id`);
    return fileID;
  }

  /** Download URLs by file id, valid for `maxAgeSeconds`; a file storage cannot answer for is left out. */
  async temporaryUrls(fileIds: string[], maxAgeSeconds: number): Promise<Map<string, string>> {
    const urls = new Map<string, string>();
    for (const batch of inBatches([...new Set(fileIds)], filesPerCall)) {
      const result = await this.storage.getTempFileURL({ fileList: batch.map((fileID) => ({ fileID, maxAge: maxAgeSeconds })) });
      for (const file of result.fileList ?? []) {
        if (file.tempFileURL && (!file.code || file.code === 'SUCCESS')) urls.set(file.fileID, file.tempFileURL);
      }
    }
    return urls;
  }

  /** Deletes files; answers the ids storage refused to delete. A file already gone counts as deleted. */
  async remove(fileIds: string[]): Promise<string[]> {
    const refused: string[] = [];
    for (const batch of inBatches([...new Set(fileIds)], filesPerCall)) {
      const result = await this.storage.deleteFile({ fileList: batch });
      if (!result.fileList) {
        refused.push(...batch);
        continue;
      }
      for (const file of result.fileList) {
        if (file.code && file.code !== 'SUCCESS' && file.code !== 'STORAGE_FILE_NONEXIST') refused.push(file.fileID);
      }
    }
    return refused;
  }
}
