import type { Database } from '@dg/db';
import type { Kysely } from 'kysely';
import { auditHash, GENESIS_HASH } from './chain';

export type ChainReport =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenAt: number; reason: string };

/** Walks the audit log in order, recomputing every hash; reports the first row whose chain does not hold. */
export async function verifyAuditChain(db: Kysely<Database>, pageSize = 1000): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let afterSeq = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const row of rows) {
      if (row.prev_hash !== prevHash) {
        return {
          ok: false,
          checked,
          brokenAt: row.seq,
          reason: '前一行的哈希不符（之前的行被删除、插入或修改）',
        };
      }
      const { seq: _seq, hash, prev_hash, ...content } = row;
      if (auditHash(prev_hash, content) !== hash) {
        return { ok: false, checked, brokenAt: row.seq, reason: '本行内容与其哈希不符（本行被修改）' };
      }
      prevHash = hash;
      afterSeq = row.seq;
      checked += 1;
    }
    if (rows.length < pageSize) return { ok: true, checked };
  }
}
