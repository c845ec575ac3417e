import type { FileStorage } from './database';
import { StoredFiles } from './stored-files';

/** How long the photo URLs of an event page stay valid: a member may keep the page open a while. */
const photoUrlSeconds = 3600;

/** The photos of events' posted summaries, in file storage. */
export class EventPhotosRepository {
  private readonly files: StoredFiles;

  constructor(storage: FileStorage) {
    this.files = new StoredFiles(storage);
  }

  /** Stores a photo; answers its file id. Never call it inside a transaction. */
  async upload(cloudPath: string, bytes: Buffer): Promise<string> {
    return this.files.upload(cloudPath, bytes);
  }

  /** Download URLs by file id; a photo storage cannot answer for is left out. */
  async urls(fileIds: string[]): Promise<Map<string, string>> {
    return this.files.temporaryUrls(fileIds, photoUrlSeconds);
  }

  /** Deletes photos no summary shows any more; answers the ids storage refused to delete. */
  async remove(fileIds: string[]): Promise<string[]> {
    return this.files.remove(fileIds);
  }
}
