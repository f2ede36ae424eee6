// Tiny files whose first bytes are what the content sniffing checks.
export const pdfBytes = (text = 'hello') => new TextEncoder().encode(`%PDF-1.4\n% ${text}\n%%EOF\n`);
export const pngBytes = () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
export const exeBytes = () => new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]);

export async function upload(
  url: string,
  auth: Record<string, string>,
  bytes: Uint8Array,
  name: string,
  fields: Record<string, string> = {},
) {
  const form = new FormData();
  form.set('file', new Blob([bytes], { type: 'application/pdf' }), name);
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  const response = await fetch(`${url}/files`, { method: 'POST', headers: auth, body: form });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown> & { id?: string },
  };
}
