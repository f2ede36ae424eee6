// Serves the h5 build and forwards API paths to the API, so the browser sees one origin (no CORS, same as the
// mini-program talking to one domain). Static files only; no build step here.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../h5/dist/', import.meta.url));
const port = Number(process.env.MINIAPP_PORT ?? 5175);
const api = new URL(process.env.API_URL ?? 'http://127.0.0.1:8787');
const API_PREFIXES = ['/trpc', '/files', '/healthz'];
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

if (!existsSync(join(root, 'index.html'))) {
  console.error('h5/dist/ 不存在：请先运行 pnpm --filter @dg/miniapp build:h5');
  process.exit(1);
}

function proxy(req, res) {
  const upstream = request(
    {
      host: api.hostname,
      port: api.port,
      method: req.method,
      path: req.url,
      headers: { ...req.headers, host: api.host },
    },
    (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    },
  );
  upstream.on('error', () => {
    res.writeHead(502, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: '无法连接后台服务' }));
  });
  req.pipe(upstream);
}

function serveStatic(req, res) {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  let file = normalize(join(root, path));
  if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory())
    file = join(root, 'index.html');
  const ext = extname(file);
  res.writeHead(200, {
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    'cache-control': ext === '.html' ? 'no-cache' : 'public, max-age=31536000, immutable',
  });
  createReadStream(file).pipe(res);
}

const server = createServer((req, res) => {
  if (API_PREFIXES.some((p) => req.url === p || req.url.startsWith(`${p}/`) || req.url.startsWith(`${p}?`)))
    proxy(req, res);
  else serveStatic(req, res);
});
server.listen(port, '127.0.0.1', () => {
  console.log(`小程序 h5 已启动：http://127.0.0.1:${server.address().port}（接口转发到 ${api.origin}）`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
