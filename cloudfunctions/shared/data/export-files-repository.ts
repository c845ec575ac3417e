import { collections, type ExportFileDoc } from './documents';
import { documentsOf, type Database, type FileStorage } from './database';
import { StoredFiles } from './stored-files';

/** Exported spreadsheets in file storage, each with a record saying when it goes. */
export class ExportFilesRepository {
  private readonly files: StoredFiles;

  constructor(
    private readonly db: Database,
    storage: FileStorage,
  ) {
    this.files = new StoredFiles(storage);
  }

  private get collection() {
    return this.db.collection(collections.exportFiles);
  }

  /**
   * Stores the file, then its record; a file whose record could not be written is deleted again, so no export
   * outlives its deadline unrecorded. Answers the file id.
   */
  async store(cloudPath: string, bytes: Buffer, record: Omit<ExportFileDoc, 'fileId'>): Promise<string> {
    const fileId = await this.files.upload(cloudPath, bytes);
    try {
      await this.collection.add({ ...record, fileId });
    } catch (error) {
      await this.files.remove([fileId]).catch(() => undefined);
      throw error;
    }
    return fileId;
  }

  async downloadUrl(fileId: string, maxAgeSeconds: number): Promise<string> {
    const url = (await this.files.temporaryUrls([fileId], maxAgeSeconds)).get(fileId);
    if (!url) throw new Error(`file storage gave no download URL for ${fileId}`);
    return url;
  }

  /**
   * Deletes up to `limit` exports past their deadline, files first; a record stays while storage refuses its file,
   * so the next run tries again. Answers how many went.
   */
  async removeExpired(now: Date, limit: number): Promise<number> {
    const _ = this.db.command;
    const due = documentsOf<ExportFileDoc>(await this.collection.where({ deleteAfter: _.lte(now) }).orderBy('deleteAfter', 'asc').limit(limit).get());
    if (due.length === 0) return 0;
    const refused = new Set(await this.files.remove(due.map((doc) => doc.fileId)));
    const gone = due.filter((doc) => !refused.has(doc.fileId)).map((doc) => doc._id);
    if (gone.length > 0) await this.collection.where({ _id: _.in(gone) }).remove();
    return gone.length;
  }
}
