import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../src/create-db';
import type { Database } from '../src/database';
import { prepare } from '../src/prepared';
import { createTestDatabase, dialects, type TestDatabase } from '../src/testing';

describe.each(dialects)('prepared queries on %s', (dialect) => {
  let t: TestDatabase;
  const ids: string[] = [];
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    for (const [i, town] of ['humen', 'humen', 'changan'].entries()) {
      const row = await t.db
        .insertInto('enterprises')
        .values({
          uscc: `91441900MA4UJ8XX${i}B`,
          name: `东莞第${i}制造有限公司`,
          category: 'manufacturing',
          town_code: town,
          legal_rep_name: '张三',
          legal_rep_mobile: '13800138000',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(row.id);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  const byTown = prepare(
    (db: Kysely<Database>, a: { town: string; ids: string[]; take: number }, shape: { among: boolean }) => {
      let q = db.selectFrom('enterprises').select(['id', 'name']).where('town_code', '=', a.town);
      if (shape.among) q = q.where((eb) => eb('id', '=', eb.fn.any(eb.val(a.ids))));
      return q.orderBy('name').limit(a.take);
    },
  );

  it('binds each call’s own arguments into the query compiled once', async () => {
    const humen = await byTown(t.db, { town: 'humen', ids: [], take: 10 }, { among: false });
    const changan = await byTown(t.db, { town: 'changan', ids: [], take: 10 }, { among: false });
    expect(humen.map((r) => r.name)).toEqual(['东莞第0制造有限公司', '东莞第1制造有限公司']);
    expect(changan.map((r) => r.id)).toEqual([ids[2]]);
    expect(await byTown(t.db, { town: 'humen', ids: [], take: 1 }, { among: false })).toHaveLength(1);
  });

  it('compiles each shape apart, with arrays bound as one parameter', async () => {
    const among = await byTown(t.db, { town: 'humen', ids: [ids[1]!, ids[2]!], take: 10 }, { among: true });
    expect(among.map((r) => r.id)).toEqual([ids[1]]);
    expect(await byTown(t.db, { town: 'humen', ids: [], take: 10 }, { among: false })).toHaveLength(2);
  });

  it('answers as the query built for each call does', async () => {
    for (const town of ['humen', 'changan', 'nowhere'])
      for (const take of [1, 5]) {
        const built = await t.db
          .selectFrom('enterprises')
          .select(['id', 'name'])
          .where('town_code', '=', town)
          .orderBy('name')
          .limit(take)
          .execute();
        expect(await byTown(t.db, { town, ids: [], take }, { among: false })).toEqual(built);
      }
  });

  it('takes a sql template as well as a query builder', async () => {
    const countIn = prepare(
      (_db: Kysely<Database>, a: { town: string }) =>
        sql<{ n: number }>`select count(*)::int as n from enterprises where town_code = ${a.town}`,
    );
    expect(await countIn(t.db, { town: 'humen' })).toEqual([{ n: 2 }]);
    expect(await countIn(t.db, { town: 'changan' })).toEqual([{ n: 1 }]);
  });

  it.runIf(dialect === 'postgres')(
    'is a named server-side statement on PostgreSQL, parsed once per connection',
    async () => {
      await t.db.transaction().execute(async (trx) => {
        const named = () =>
          sql<{ name: string; statement: string }>`
          select name, statement from pg_prepared_statements order by name`
            .execute(trx)
            .then((r) => r.rows);
        for (const town of ['humen', 'changan'])
          await byTown(trx, { town, ids: [], take: 3 }, { among: false });
        const before = await named();
        const townOnly = before.filter((r) => /where "town_code" = \$1 order by/.test(r.statement));
        expect(townOnly).toHaveLength(1);
        expect(townOnly[0]!.name).toMatch(/^dg_prepared_\d+$/);
        // Text that prepare() did not compile is sent unnamed, as before.
        await trx.selectFrom('enterprises').select('id').where('town_code', '=', 'humen').execute();
        expect(await named()).toEqual(before);
      });
    },
  );

  it.runIf(dialect === 'postgres')(
    'recovers a statement that a migration made stale (a column added to a table it reads whole)',
    async () => {
      const one = createDb({ url: t.url, maxConnections: 1 }); // one connection: the one that prepared it
      try {
        await sql`create table prepared_probe (id int)`.execute(one.db);
        await sql`insert into prepared_probe values (1)`.execute(one.db);
        const whole = prepare(
          (_db: Kysely<Database>, _a: Record<string, never>) =>
            sql<Record<string, unknown>>`select * from prepared_probe`,
        );
        expect(await whole(one.db, {})).toEqual([{ id: 1 }]);
        await sql`alter table prepared_probe add column note text default '旧'`.execute(one.db);
        expect(await whole(one.db, {})).toEqual([{ id: 1, note: '旧' }]);
        // Inside a transaction the statement fails once (the transaction with it); the retry succeeds.
        await sql`alter table prepared_probe add column kind int default 2`.execute(one.db);
        await expect(one.db.transaction().execute((trx) => whole(trx, {}))).rejects.toThrow(/result type/);
        expect(await one.db.transaction().execute((trx) => whole(trx, {}))).toEqual([
          { id: 1, note: '旧', kind: 2 },
        ]);
      } finally {
        await one.close();
      }
    },
  );
});
