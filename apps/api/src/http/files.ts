import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppDeps } from '../deps';
import { badRequest, DomainError, unauthorized } from '../errors';
import { recordAudit } from '../services/audit/append';
import { auditOrigin } from '../services/audit/origin';
import { loadReadableFile } from '../services/files/access';
import { presentFile } from '../services/files/present';
import { uploadFile } from '../services/files/upload';
import type { AppEnv, RequestContext } from './request-context';

function requireActor(c: RequestContext) {
  const actor = c.var.actor;
  if (!actor) throw unauthorized();
  return actor;
}

/**
 * Plain HTTP for file bytes (tRPC carries JSON):
 *   POST /files        multipart/form-data, field `file`; optional `sensitive=true` for identity documents.
 *   GET  /files/:id    the bytes, to those allowed (services/files/access.ts); reading a sensitive one is audited.
 */
export function fileRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  // Multipart framing adds a little over the file itself.
  const maxBody = deps.env.MAX_UPLOAD_BYTES + 64 * 1024;

  app.post(
    '/',
    bodyLimit({
      maxSize: maxBody,
      onError: (c) =>
        c.json(
          {
            error: {
              code: 'PAYLOAD_TOO_LARGE',
              message: `文件过大（上限 ${Math.floor(deps.env.MAX_UPLOAD_BYTES / 1024)} KB）`,
            },
          },
          413,
          // The rest of the body is never read: the connection cannot be reused.
          { Connection: 'close' },
        ),
    }),
    async (c) => {
      const actor = requireActor(c);
      const body = await c.req.parseBody().catch(() => {
        throw badRequest('请以 multipart/form-data 上传，字段名 file');
      });
      const file = body.file;
      if (!(file instanceof File)) throw badRequest('请以 multipart/form-data 上传，字段名 file');
      if (file.size > deps.env.MAX_UPLOAD_BYTES) throw badRequest('文件过大');
      if (file.size === 0) throw badRequest('文件为空');
      const row = await uploadFile(deps.db, deps.fileStore, actor, auditOrigin(actor, c.var.requestId), {
        bytes: new Uint8Array(await file.arrayBuffer()),
        originalName: file.name,
        sensitive: body.sensitive === 'true',
      });
      return c.json(presentFile(row), 201);
    },
  );

  app.get('/:id', async (c) => {
    const actor = requireActor(c);
    const id = c.req.param('id');
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new DomainError('NOT_FOUND', '文件不存在或无权查看');
    const file = await loadReadableFile(deps.db, actor, id);
    const stream = await deps.fileStore.get(file.storage_key);
    if (!stream) throw new Error(`file ${file.id} has no stored content (${file.storage_key})`);
    if (file.sensitive) {
      await recordAudit(deps.db, auditOrigin(actor, c.var.requestId), {
        action: 'file.read',
        entityType: 'file',
        entityId: file.id,
        data: { ownerEnterpriseId: file.owner_enterprise_id },
      });
    }
    return new Response(stream, {
      headers: {
        'Content-Type': file.mime,
        'Content-Length': String(file.size_bytes),
        'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(file.original_name)}`,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
        ETag: `"${file.sha256}"`,
      },
    });
  });

  return app;
}
