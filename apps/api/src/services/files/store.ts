import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';

/** Where file contents live. The local disk store is the default; an object store (S3/OSS/COS) implements the same. */
export interface FileStore {
  /** Stores the bytes under `key` durably before resolving. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** A web stream of the bytes, or null when absent. */
  get(key: string): Promise<ReadableStream<Uint8Array> | null>;
  delete(key: string): Promise<void>;
}

/** Files under a root directory, keyed by content hash; written to a temp name and renamed, so never half-written. */
export function createLocalFileStore(root: string): FileStore {
  const absolute = path.resolve(root);
  const pathOf = (key: string) => {
    if (!/^[a-f0-9]{64}$/.test(key)) throw new Error(`invalid storage key ${key}`);
    return path.join(absolute, key.slice(0, 2), key);
  };
  return {
    async put(key, bytes) {
      const target = pathOf(key);
      await mkdir(path.dirname(target), { recursive: true });
      const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(temp, bytes, { flush: true });
      await rename(temp, target);
    },
    async get(key) {
      const target = pathOf(key);
      try {
        await stat(target);
      } catch {
        return null;
      }
      return Readable.toWeb(createReadStream(target)) as ReadableStream<Uint8Array>;
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
