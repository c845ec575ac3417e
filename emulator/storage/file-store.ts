import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

export class PathConflictError extends Error {}

/**
 * Files on disk at `<dir>/files/<cloudPath>`. A write lands in `<dir>/incoming` first, is synced, then renamed
 * into place, so a crash never leaves half a file under its cloud path.
 */
export class FileStore {
  private readonly filesRoot: string;
  private readonly incomingRoot: string;

  constructor(dir: string) {
    this.filesRoot = path.resolve(dir, 'files');
    this.incomingRoot = path.resolve(dir, 'incoming');
    mkdirSync(this.filesRoot, { recursive: true });
    // Leftovers of uploads interrupted by a crash.
    rmSync(this.incomingRoot, { recursive: true, force: true });
    mkdirSync(this.incomingRoot, { recursive: true });
  }

  /** Expects a cloud path already validated by `cloudPathProblem`; the prefix check is defence in depth. */
  private diskPath(cloudPath: string): string {
    const resolved = path.resolve(this.filesRoot, ...cloudPath.split('/'));
    if (!resolved.startsWith(this.filesRoot + path.sep)) throw new Error(`cloud path escapes the storage directory: ${cloudPath}`);
    return resolved;
  }

  /** Size and modification time of a stored file, or null when there is none. */
  stat(cloudPath: string): { size: number; modifiedAt: Date } | null {
    try {
      const stats = statSync(this.diskPath(cloudPath));
      return stats.isFile() ? { size: stats.size, modifiedAt: stats.mtime } : null;
    } catch {
      return null;
    }
  }

  read(cloudPath: string): Buffer | null {
    try {
      return readFileSync(this.diskPath(cloudPath));
    } catch {
      return null;
    }
  }

  /**
   * Stores `content` under `cloudPath`, replacing a file already there. COS keys are flat, folders on disk are
   * not: a key that would need an existing file as its folder, or that names an existing folder, is a conflict.
   */
  write(cloudPath: string, content: Buffer): void {
    const target = this.diskPath(cloudPath);
    const staging = path.join(this.incomingRoot, randomBytes(12).toString('hex'));
    const fd = openSync(staging, 'w');
    try {
      writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      mkdirSync(path.dirname(target), { recursive: true });
      renameSync(staging, target);
    } catch (error) {
      rmSync(staging, { force: true });
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOTDIR' || code === 'EEXIST' || code === 'EISDIR') {
        throw new PathConflictError(`${cloudPath} conflicts with another stored file or folder`);
      }
      throw error;
    }
  }

  /** Removes a stored file and the folders it leaves empty; false when there was none. */
  remove(cloudPath: string): boolean {
    const target = this.diskPath(cloudPath);
    if (!this.stat(cloudPath)) return false;
    unlinkSync(target);
    for (let folder = path.dirname(target); folder !== this.filesRoot; folder = path.dirname(folder)) {
      try {
        rmdirSync(folder);
      } catch {
        break;
      }
    }
    return true;
  }

  reset(): void {
    rmSync(this.filesRoot, { recursive: true, force: true });
    mkdirSync(this.filesRoot, { recursive: true });
  }
}
