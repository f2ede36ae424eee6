import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit as streamingBodyLimit } from 'hono/body-limit';

export interface BodyLimitOptions {
  maxSize: number;
  onError: (c: Context) => Response | Promise<Response>;
}

/**
 * Hono's bodyLimit without its cost on the hot paths. Hono's reads `c.req.raw.body`, which makes @hono/node-server
 * build a whole fetch Request around a web stream for every request, GETs included. A body with a Content-Length is
 * judged by that header (Node's parser never reads past it); only a chunked body goes through Hono's counting reader.
 */
export function bodyLimit(options: BodyLimitOptions): MiddlewareHandler {
  const streaming = streamingBodyLimit(options);
  return async (c, next) => {
    if (c.req.header('transfer-encoding') === undefined) {
      const length = c.req.header('content-length');
      if (length === undefined) return next(); // no body
      return Number(length) > options.maxSize ? options.onError(c) : next();
    }
    return streaming(c, next);
  };
}
