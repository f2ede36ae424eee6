import { type Compilable, type CompiledQuery, createQueryId, type Kysely } from 'kysely';

// Kysely builds a query as a tree of frozen nodes and walks it to SQL on every call: for the few queries every
// request runs (the session lookup, a list page) that walk is a visible share of the request's CPU profile.
// A prepared query is built and compiled once per database handle with placeholders where its arguments go; each
// call then only puts the arguments into the compiled parameter list. Kysely still runs it (plugins, connection,
// result), so it is the same query the builder would have sent.

const SLOT = Symbol('prepared-query argument');

interface Slot {
  readonly [SLOT]: string;
}

const isSlot = (value: unknown): value is Slot =>
  typeof value === 'object' && value !== null && SLOT in value;

/** What decides a query's SQL text (which filters it has), as opposed to the values it binds. */
export type QueryShape = Record<string, boolean>;

/**
 * `build` receives the arguments as placeholders: it may pass them where Kysely takes a value (`where(col, '=',
 * args.x)`, `limit(args.n)`, `sql` templates) but never look at them (no `if (args.x)`, no arithmetic, no `in`
 * lists, whose length is part of the SQL: use `= any(${args.ids})` with an array instead). What the SQL's text
 * depends on comes as `shape`, real values: the query is compiled once per shape.
 */
export function prepare<DB, Args extends Record<string, unknown>, Row, Shape extends QueryShape = QueryShape>(
  build: (db: Kysely<DB>, args: Args, shape: Shape) => Compilable<Row>,
): (db: Kysely<DB>, args: Args, shape?: Shape) => Promise<Row[]> {
  const compiledFor = new WeakMap<Kysely<DB>, Map<string, CompiledQuery<Row>>>();
  const slots = new Proxy({} as Args, {
    get: (_target, name) => (typeof name === 'string' ? ({ [SLOT]: name } satisfies Slot) : undefined),
  });
  return async (db, args, shape = {} as Shape) => {
    let byShape = compiledFor.get(db);
    if (!byShape) compiledFor.set(db, (byShape = new Map()));
    const key = JSON.stringify(shape);
    let compiled = byShape.get(key);
    if (!compiled) {
      compiled = build(db, slots, shape).compile();
      byShape.set(key, compiled);
    }
    const { rows } = await db.executeQuery<Row>({
      ...compiled,
      parameters: compiled.parameters.map((value) => (isSlot(value) ? args[value[SLOT]] : value)),
      queryId: createQueryId(),
    });
    return rows;
  };
}
