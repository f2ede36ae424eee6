import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json } from '../src/json';
import { createTestDatabase, dialects, type TestDatabase } from '../src/testing';

describe.each(dialects)('data layer on %s', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function insertEnterprise(uscc: string) {
    return t.db
      .insertInto('enterprises')
      .values({
        uscc,
        name: '东莞测试制造有限公司',
        category: 'manufacturing',
        town_code: '441900003',
        legal_rep_name: '张三',
        legal_rep_mobile: '13800138000',
      })
      .returning(['id', 'version', 'created_at'])
      .executeTakeFirstOrThrow();
  }

  it('reports its dialect', () => {
    expect(t.dialect).toBe(dialect);
  });

  it('fills ids, timestamps and version 1 on insert, and keeps USCC unique', async () => {
    const row = await insertEnterprise('91441900MA4UJ8XX5B');
    expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(row.version).toBe(1);
    expect(row.created_at).toBeInstanceOf(Date);
    await expect(insertEnterprise('91441900MA4UJ8XX5B')).rejects.toThrow(/unique|duplicate/i);
  });

  it('returns bigint money as a JS integer and dates as YYYY-MM-DD text', async () => {
    const big = 2 ** 40 + 7; // beyond int4, within safe integers
    const { value, day, n } = await sql<{ value: unknown; day: unknown; n: unknown }>`
      select ${big}::bigint as value, date '2025-11-15' as day, count(*) as n from enterprises`
      .execute(t.db)
      .then((r) => r.rows[0]!);
    expect(value).toBe(big);
    expect(day).toBe('2025-11-15');
    expect(typeof n).toBe('number');
  });

  it('refuses an int8 beyond Number.MAX_SAFE_INTEGER instead of rounding it', async () => {
    await expect(sql`select 9007199254740993::bigint as v`.execute(t.db)).rejects.toThrow(/MAX_SAFE_INTEGER/);
  });

  it('stores jsonb arrays and objects written with json()', async () => {
    const user = await t.db
      .insertInto('users')
      .values({ display_name: '检查员', role: 'city_reviewer' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const enterprise = await insertEnterprise('91441900MA4UJ8XX6C');
    await t.db.insertInto('programs').values({ id: 'compute-voucher', name: '算力券' }).execute();
    const edition = await t.db
      .insertInto('editions')
      .values({
        program_id: 'compute-voucher',
        code: '2025-1',
        title: '2025年第一批',
        budget_fen: 5_000_000_000,
      })
      .returning(['id', 'budget_fen'])
      .executeTakeFirstOrThrow();
    expect(edition.budget_fen).toBe(5_000_000_000);
    const app = await t.db
      .insertInto('applications')
      .values({
        program_id: 'compute-voucher',
        edition_id: edition.id,
        enterprise_id: enterprise.id,
        state: 'draft',
        form: json({ payments: [{ amountFen: 6_000_000 }] }),
        form_version: 1,
        created_by: user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const inspection = await t.db
      .insertInto('site_inspections')
      .values({
        application_id: app.id,
        inspector_user_id: user.id,
        visited_on: '2025-12-01',
        result: 'pass',
        findings: '设备在线',
        file_ids: json(['a', 'b']),
      })
      .returning(['file_ids', 'visited_on'])
      .executeTakeFirstOrThrow();
    expect(inspection).toEqual({ file_ids: ['a', 'b'], visited_on: '2025-12-01' });
    const stored = await t.db
      .selectFrom('applications')
      .select('form')
      .where('id', '=', app.id)
      .executeTakeFirstOrThrow();
    expect(stored.form).toEqual({ payments: [{ amountFen: 6_000_000 }] });
  });

  it('keeps the audit log append-only in the database', async () => {
    await t.db
      .insertInto('audit_log')
      .values({
        at: new Date(),
        action: 'test',
        entity_type: 'test',
        data: json({}),
        prev_hash: '0',
        hash: `h-${dialect}`,
      })
      .execute();
    await expect(t.db.updateTable('audit_log').set({ action: 'forged' }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
  });

  it('isolates concurrent transactions (no query slips into another caller’s transaction)', async () => {
    const enterprise = await insertEnterprise('91441900MA4UJ8XX7D');
    let inside!: () => void;
    const txOpen = new Promise<void>((r) => {
      inside = r;
    });
    let finish!: () => void;
    const release = new Promise<void>((r) => {
      finish = r;
    });
    const tx = t.db.transaction().execute(async (trx) => {
      await trx.updateTable('enterprises').set({ name: '事务中' }).where('id', '=', enterprise.id).execute();
      inside();
      await release;
      throw new Error('roll back');
    });
    await txOpen;
    const outside = t.db
      .selectFrom('enterprises')
      .select('name')
      .where('id', '=', enterprise.id)
      .executeTakeFirst();
    // Give the outside query time to reach the connection while the transaction is still open.
    await new Promise((resolve) => setTimeout(resolve, 100));
    finish();
    await expect(tx).rejects.toThrow('roll back');
    expect((await outside)?.name).toBe('东莞测试制造有限公司');
  });
});
