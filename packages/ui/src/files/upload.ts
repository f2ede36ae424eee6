/** A stored file as POST /files answers (the API's fileSchema). */
export interface UploadedFile {
  id: string;
  mime: string;
  originalName: string;
  sizeBytes: number;
}

/** Plain-HTTP upload errors carry the same Chinese message a tRPC error would. */
export class UploadError extends Error {}

/** Uploads one file to the API (multipart field `file`); the session cookie authorises it. */
export async function uploadFile(file: File, options: { sensitive?: boolean } = {}): Promise<UploadedFile> {
  const body = new FormData();
  body.append('file', file);
  if (options.sensitive) body.append('sensitive', 'true');
  const res = await fetch('/files', { method: 'POST', body, credentials: 'same-origin' });
  const json = (await res.json().catch(() => null)) as UploadedFile | { error?: { message?: string } } | null;
  if (!res.ok || !json || !('id' in json)) {
    throw new UploadError((json && 'error' in json && json.error?.message) || `上传失败（${res.status}）`);
  }
  return json;
}
