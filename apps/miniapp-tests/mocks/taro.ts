/**
 * The parts of `@tarojs/taro` the app calls, for jsdom: storage in memory, `request` over Node's real fetch (so the
 * tRPC link is tested against a real HTTP server), and the page/UI calls recorded for assertions.
 */
import { useEffect } from 'react';

const storage = new Map<string, unknown>();
export const calls: { api: string; args: unknown }[] = [];
export const router = { params: {} as Record<string, string> };

interface RequestOptions {
  url: string;
  method?: string;
  header?: Record<string, string>;
  data?: string;
}

function request(opts: RequestOptions) {
  const controller = new AbortController();
  const task = fetch(opts.url, {
    method: opts.method ?? 'GET',
    headers: opts.header,
    body: opts.data,
    signal: controller.signal,
  }).then(async (res) => ({ statusCode: res.status, data: await res.text(), header: {} }));
  return Object.assign(task, { abort: () => controller.abort() });
}

interface UploadOptions {
  url: string;
  filePath: string;
  name: string;
  fileName?: string;
  header?: Record<string, string>;
  success: (res: { statusCode: number; data: string }) => void;
  fail: (err: { errMsg: string }) => void;
}

/** What `uploadFile` does: tests set a handler that answers like a server (or a broken network) would. */
export const uploads = {
  seen: [] as UploadOptions[],
  handler: (_opts: UploadOptions, _report: (percent: number) => void): void => undefined,
};

function uploadFile(opts: UploadOptions) {
  uploads.seen.push(opts);
  let progress: (p: { progress: number }) => void = () => undefined;
  queueMicrotask(() => uploads.handler(opts, (percent) => progress({ progress: percent })));
  return {
    onProgressUpdate: (cb: typeof progress) => {
      progress = cb;
    },
    abort: () => undefined,
  };
}

const record =
  (api: string) =>
  (args?: unknown): Promise<unknown> => {
    calls.push({ api, args });
    return Promise.resolve({});
  };

const Taro = {
  getStorageSync: (key: string) => storage.get(key) ?? '',
  setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
  removeStorageSync: (key: string) => void storage.delete(key),
  clearStorageSync: () => storage.clear(),
  request,
  uploadFile,
  navigateTo: record('navigateTo'),
  redirectTo: record('redirectTo'),
  switchTab: record('switchTab'),
  showToast: record('showToast'),
  showModal: record('showModal'),
  login: () => Promise.resolve({ code: 'jsdom' }),
};

export default Taro;
export const useRouter = () => ({ params: router.params });
// Page lifecycle: shown once on mount, unloaded on unmount, as a page opened and closed once.
// biome-ignore lint/correctness/useExhaustiveDependencies: runs once per mounted page, like Taro's own hook
export const useDidShow = (fn: () => void) => useEffect(fn, []);
// biome-ignore lint/correctness/useExhaustiveDependencies: runs once per mounted page, like Taro's own hook
export const useUnload = (fn: () => void) => useEffect(() => fn, []);
