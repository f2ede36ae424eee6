import { z } from 'zod';
import './zod-locale';

// Pure zod shared with the clients: no server code may be imported from this folder.

export const idSchema = z.uuid({ error: '无效的编号' });
export const idInput = z.object({ id: idSchema });

/** An ISO 8601 instant as the API sends it (timestamps leave the server as strings). */
export const instantSchema = z.iso.datetime({ offset: true });

/** Optimistic locking: an update carries the version it was based on. */
export const versionSchema = z.int().min(1);

export const okOutput = z.object({ ok: z.literal(true) });

/** A policy core finding: the rule, its article and what it says about the case. */
export const findingSchema = z.object({
  rule: z.string(),
  severity: z.enum(['blocking', 'warning', 'info']),
  article: z.string(),
  message: z.string(),
});
