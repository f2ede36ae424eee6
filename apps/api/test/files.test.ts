import { createHash } from 'node:crypto';
import { dialects } from '@dg/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exeBytes, pdfBytes, pngBytes, upload } from './files-fixtures';
import { startTestApi, type TestApi } from './harness';

describe.each(dialects)('files over HTTP on %s', (dialect) => {
  let api: TestApi;
  let zhang: Record<string, string>;
  let lin: Record<string, string>;
  beforeAll(async () => {
    api = await startTestApi(dialect, { MAX_UPLOAD_BYTES: String(64 * 1024) });
    zhang = { authorization: `Bearer ${await api.wechatToken('zhang')}` };
    lin = { authorization: `Bearer ${await api.wechatToken('lin')}` };
  });
  afterAll(async () => {
    await api?.close();
  });

  it('stores an upload with its SHA-256, type sniffed from the content, and serves it back to its enterprise', async () => {
    const bytes = pdfBytes('licence');
    const { status, body } = await upload(api.url, zhang, bytes, '营业执照.pdf');
    expect(status).toBe(201);
    expect(body).toMatchObject({
      mime: 'application/pdf',
      sizeBytes: bytes.byteLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      originalName: '营业执照.pdf',
    });
    const download = await fetch(`${api.url}/files/${body.id}`, { headers: zhang });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes);
  });

  it('recognises a PNG by its magic bytes whatever the name says', async () => {
    const { status, body } = await upload(api.url, zhang, pngBytes(), 'photo.pdf');
    expect(status).toBe(201);
    expect(body.mime).toBe('image/png');
  });

  it('refuses content that is not PDF, JPEG or PNG even when named .pdf', async () => {
    const { status, body } = await upload(api.url, zhang, exeBytes(), 'invoice.pdf');
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { code: 'BAD_REQUEST' } });
  });

  it('refuses an upload over the size limit with a 4xx', async () => {
    const big = new Uint8Array(200 * 1024);
    big.set(pdfBytes());
    const { status, body } = await upload(api.url, zhang, big, 'big.pdf');
    expect(status).toBe(413);
    expect(body).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('requires a signed-in caller to upload or download', async () => {
    expect((await upload(api.url, {}, pdfBytes(), 'a.pdf')).status).toBe(401);
  });

  it('hides a file from another enterprise (404, the same as a wrong id)', async () => {
    const { body } = await upload(api.url, zhang, pdfBytes('secret'), 'contract.pdf');
    expect((await fetch(`${api.url}/files/${body.id}`, { headers: lin })).status).toBe(404);
    expect(
      (await fetch(`${api.url}/files/00000000-0000-4000-8000-000000000000`, { headers: lin })).status,
    ).toBe(404);
    const metadata = await api
      .client({ token: lin.authorization!.slice(7) })
      .files.get.query({ id: body.id! })
      .catch((e) => e);
    expect(metadata.data?.code).toBe('NOT_FOUND');
  });

  it('lets a town reviewer read files of enterprises in their town only', async () => {
    const { body } = await upload(api.url, zhang, pdfBytes('songshanhu'), 'plan.pdf');
    // zhang's first enterprise is in Songshan Lake.
    const songshanhu = { cookie: await api.staffCookie('town-songshanhu') };
    const changan = { cookie: await api.staffCookie('town-changan') };
    expect((await fetch(`${api.url}/files/${body.id}`, { headers: songshanhu })).status).toBe(200);
    expect((await fetch(`${api.url}/files/${body.id}`, { headers: changan })).status).toBe(404);
  });

  it('writes an audit row for every read of an identity document', async () => {
    const { body } = await upload(api.url, zhang, pdfBytes('id card'), '法人身份证.pdf', {
      sensitive: 'true',
    });
    const reviewer = { cookie: await api.staffCookie('city1') };
    const countReads = async () =>
      (
        await api.server.deps.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('action', '=', 'file.read')
          .where('entity_id', '=', body.id!)
          .executeTakeFirstOrThrow()
      ).n;
    expect(await countReads()).toBe(0);
    await fetch(`${api.url}/files/${body.id}`, { headers: reviewer }).then((r) => r.arrayBuffer());
    await fetch(`${api.url}/files/${body.id}`, { headers: zhang }).then((r) => r.arrayBuffer());
    expect(await countReads()).toBe(2);
  });
});
