import { z } from 'zod';
import { idSchema, instantSchema } from './common';

/** What the upload accepts, recognised by content (magic bytes), not by name or declared type. */
export const acceptedMimeTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const mimeTypeSchema = z.enum(acceptedMimeTypes);

export const fileSchema = z.object({
  id: idSchema,
  sha256: z.string(),
  mime: mimeTypeSchema,
  sizeBytes: z.int(),
  originalName: z.string(),
  ownerEnterpriseId: idSchema.nullable(),
  sensitive: z.boolean(),
  createdAt: instantSchema,
});

/** Reply of `POST /files` (multipart field `file`; optional field `sensitive=true` for identity documents). */
export const uploadReplySchema = fileSchema;
