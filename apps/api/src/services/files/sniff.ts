import type { acceptedMimeTypes } from '../../schemas/files';

export type AcceptedMime = (typeof acceptedMimeTypes)[number];

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

/** The type by content (magic bytes), never by the name or the declared Content-Type. Null for anything else. */
export function sniffMime(bytes: Uint8Array): AcceptedMime | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  return null;
}
