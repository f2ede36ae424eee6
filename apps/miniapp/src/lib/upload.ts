/**
 * Material files: picked on the device, refused before any byte is sent when the type or size is wrong, then
 * uploaded over plain HTTP (`POST /files`, field `file`) with progress, retrying a flaky network a few times.
 */
import Taro from '@tarojs/taro';
import { type acceptedMimeTypes, uploadReplySchema } from '@dg/api/schemas';
import type { z } from 'zod';
import { sessionToken } from '../api/session';

/** Mirrors the API's default MAX_UPLOAD_BYTES (20 MB); the server still has the last word. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

const MIME_BY_EXTENSION: Record<string, (typeof acceptedMimeTypes)[number]> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
};
export const ACCEPTED_EXTENSIONS = Object.keys(MIME_BY_EXTENSION);

export interface PickedFile {
  path: string;
  name: string;
  size: number;
}

export type UploadedFile = z.infer<typeof uploadReplySchema>;

function extension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** Why a file cannot be uploaded, in words for the user; null when it may go. */
export function refusal(file: PickedFile): string | null {
  if (!MIME_BY_EXTENSION[extension(file.name)])
    return `“${file.name}”格式不支持，请上传 PDF、JPG 或 PNG 文件`;
  if (file.size === 0) return `“${file.name}”是空文件`;
  if (file.size > MAX_UPLOAD_BYTES) {
    return `“${file.name}”超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB，请压缩或分拆后上传`;
  }
  return null;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** Photos from the camera or album. */
export async function pickImages(): Promise<PickedFile[]> {
  const res = await Taro.chooseImage({ count: 9, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
  return res.tempFiles.map((f) => {
    const original = (f as { originalFileObj?: File }).originalFileObj;
    return { path: f.path, size: f.size, name: original?.name ?? baseName(f.path) };
  });
}

/** PDFs and images: from a WeChat chat in the mini-program, from the file system in the browser build. */
export async function pickDocuments(): Promise<PickedFile[]> {
  if (process.env.TARO_ENV === 'weapp') {
    const res = await Taro.chooseMessageFile({ count: 9, type: 'file', extension: ACCEPTED_EXTENSIONS });
    return res.tempFiles.map((f) => ({ path: f.path, size: f.size, name: f.name }));
  }
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.accept = ACCEPTED_EXTENSIONS.map((e) => `.${e}`).join(',');
    input.onchange = () =>
      resolve(
        [...(input.files ?? [])].map((f) => ({ path: URL.createObjectURL(f), size: f.size, name: f.name })),
      );
    input.click();
  });
}

class RefusedUpload extends Error {}

function uploadOnce(file: PickedFile, onProgress: (percent: number) => void): Promise<UploadedFile> {
  const token = sessionToken();
  return new Promise((resolve, reject) => {
    const task = Taro.uploadFile({
      url: `${API_BASE}/files`,
      filePath: file.path,
      name: 'file',
      fileName: file.name,
      header: token ? { authorization: `Bearer ${token}` } : {},
      success: (res) => {
        let body: unknown;
        try {
          body = JSON.parse(res.data);
        } catch {
          body = undefined;
        }
        if (res.statusCode >= 200 && res.statusCode < 300) {
          const parsed = uploadReplySchema.safeParse(body);
          if (parsed.success) resolve(parsed.data);
          else reject(new Error('服务器返回了无法识别的结果'));
        } else if (res.statusCode >= 400 && res.statusCode < 500) {
          const message = (body as { error?: { message?: string } } | undefined)?.error?.message;
          reject(new RefusedUpload(message ?? `上传被拒绝（HTTP ${res.statusCode}）`));
        } else {
          reject(new Error(`服务暂时不可用（HTTP ${res.statusCode}）`));
        }
      },
      fail: () => reject(new Error('网络连接中断')),
    } as Parameters<typeof Taro.uploadFile>[0]);
    task.onProgressUpdate?.((p) => onProgress(p.progress));
  });
}

/**
 * Uploads one file, retrying network failures and server errors (not refusals) with a growing pause, so a weak
 * signal in a workshop does not cost the user a re-pick.
 */
export async function upload(
  file: PickedFile,
  onProgress: (percent: number) => void,
  attempts = 3,
  pauseMs = 800,
): Promise<UploadedFile> {
  const reason = refusal(file);
  if (reason) throw new RefusedUpload(reason);
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await uploadOnce(file, onProgress);
    } catch (error) {
      if (error instanceof RefusedUpload) throw error;
      lastError = error;
      onProgress(0);
      if (attempt < attempts) await new Promise((r) => setTimeout(r, pauseMs * attempt));
    }
  }
  throw new Error(`上传失败（已重试 ${attempts - 1} 次）：${(lastError as Error).message}`);
}
