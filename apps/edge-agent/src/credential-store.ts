import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface StoredCredential {
  platformUrl: string;
  serial: string;
  nodeId: string;
  credential: string;
  heartbeatIntervalS: number;
}

/** The credential lives in one JSON file readable by its owner only (0600), written atomically. */
export async function saveCredential(file: string, value: StoredCredential): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  await chmod(temp, 0o600);
  await rename(temp, file);
}

export async function loadCredential(file: string): Promise<StoredCredential | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as StoredCredential;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
