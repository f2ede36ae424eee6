/**
 * A terminating tRPC link over `Taro.request`: one HTTP request per call, in tRPC's plain HTTP shape (query → GET
 * with ?input=, mutation → POST with a JSON body). tRPC's own http links need `fetch` and `AbortController`, which
 * the WeChat runtime does not have.
 */
import Taro from '@tarojs/taro';
import { TRPCClientError, type TRPCLink } from '@trpc/client';
import type { AnyRouter } from '@trpc/server';
import { observable } from '@trpc/server/observable';

export interface TaroLinkOptions {
  url: string;
  headers: () => Record<string, string>;
  timeoutMs?: number;
}

interface ErrorEnvelope {
  error: { message: string; code: number; data?: Record<string, unknown> };
}

function isErrorEnvelope(body: unknown): body is ErrorEnvelope {
  return typeof body === 'object' && body !== null && typeof (body as ErrorEnvelope).error === 'object';
}

function parse(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}

export function taroLink<TRouter extends AnyRouter>(opts: TaroLinkOptions): TRPCLink<TRouter> {
  return () =>
    ({ op }) =>
      observable((observer) => {
        const { path, input, type } = op;
        if (type === 'subscription') {
          observer.error(TRPCClientError.from(new Error('小程序不支持订阅类接口')));
          return () => undefined;
        }
        const query =
          type === 'query' && input !== undefined
            ? `?input=${encodeURIComponent(JSON.stringify(input))}`
            : '';
        let settled = false;
        const task = Taro.request({
          url: `${opts.url}/${path}${query}`,
          method: type === 'query' ? 'GET' : 'POST',
          header: { 'content-type': 'application/json', ...opts.headers() },
          data: type === 'mutation' && input !== undefined ? JSON.stringify(input) : undefined,
          dataType: 'text',
          responseType: 'text',
          timeout: opts.timeoutMs ?? 20_000,
        });
        task.then(
          (res) => {
            settled = true;
            const body = parse(res.data);
            if (isErrorEnvelope(body)) {
              observer.error(TRPCClientError.from(body));
            } else if (typeof body === 'object' && body !== null && 'result' in body) {
              observer.next({ result: (body as { result: { data: unknown } }).result } as never);
              observer.complete();
            } else {
              observer.error(
                TRPCClientError.from(new Error(`服务暂时不可用（HTTP ${res.statusCode}），请稍后重试`)),
              );
            }
          },
          () => {
            settled = true;
            observer.error(TRPCClientError.from(new Error('网络连接失败，请检查网络后重试')));
          },
        );
        return () => {
          if (!settled) task.abort?.();
        };
      });
}
