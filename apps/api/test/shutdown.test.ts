import { dialects } from '@dg/db/testing';
import { describe, expect, it } from 'vitest';
import { pdfBytes } from './files-fixtures';
import { startTestApi } from './harness';

// Graceful shutdown: a request already in flight when SIGTERM's close() starts still completes and is stored;
// new connections are refused.
describe.each(dialects)('graceful shutdown on %s', (dialect) => {
  it('lets an in-flight upload finish, then refuses new connections', async () => {
    const api = await startTestApi(dialect);
    const token = await api.wechatToken('zhang');
    const boundary = 'dgboundary';
    const head = new TextEncoder().encode(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="slow.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    );
    const tail = new TextEncoder().encode(`\r\n--${boundary}--\r\n`);
    let sendRest!: () => void;
    const restReady = new Promise<void>((resolve) => {
      sendRest = resolve;
    });
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(head);
        await restReady;
        controller.enqueue(pdfBytes('in flight'));
        controller.enqueue(tail);
        controller.close();
      },
    });
    const upload = fetch(`${api.url}/files`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      body,
      duplex: 'half',
    } as RequestInit);
    // Let the request reach the server before shutting down.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const closing = api.server.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const refused = await fetch(`${api.url}/healthz`).then(
      () => false,
      () => true,
    );
    sendRest();
    const response = await upload;
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const started = Date.now();
    await closing;
    // Drained promptly once the last request finished, not at the end of the grace period.
    expect(Date.now() - started).toBeLessThan(3000);
    expect(refused).toBe(true);
    await api.close();
  }, 180_000);
});
