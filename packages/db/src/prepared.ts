import { type Compilable, type CompiledQuery, createQueryId, type Kysely, type RawBuilder } from 'kysely';

// Kysely builds a query as a tree of frozen nodes and walks it to SQL on every call: for the few queries every
// request runs (the session lookup, a list page) that walk is a visible share of the request's CPU profile.
// A prepared query is built and compiled once per database handle with placeholders where its arguments go; each
// call then only puts the arguments into the compiled parameter list. Kysely still runs it (plugins, connection,
// result), so it is the same query the builder would have sent.
// On PostgreSQL the compiled text is also a named server-side statement (see statementName): each connection parses
// it once and PostgreSQL may keep its plan, instead of parsing and planning the same text on every call (for the
// heartbeat batch, a quarter to a third of PostgreSQL's CPU per heartbeat, which bench:edge prints).

const SLOT = Symbol('prepared-query argument');

interface Slot {
  readonly [SLOT]: string;
}

const statementNames = new Map<string, string>();

/**
 * The server-side statement name of a prepared query's SQL text, if `prepare` compiled it. The PostgreSQL client
 * (create-db.ts) sends such text as a named statement; one name per text for the life of the process, because a
 * connection refuses a name it has already prepared with other text.
 */
export function statementName(sqlText: string): string | undefined {
  return statementNames.get(sqlText);
}

function nameStatement(sqlText: string): void {
  if (!statementNames.has(sqlText)) statementNames.set(sqlText, `dg_prepared_${statementNames.size + 1}`);
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
  build: (db: Kysely<DB>, args: Args, shape: Shape) => Compilable<Row> | RawBuilder<Row>,
): (db: Kysely<DB>, args: Args, shape?: Shape) => Promise<Row[]> {
  const compiledFor = new WeakMap<Kysely<DB>, Map<string, CompiledQuery<Row>>>();
  const slots = new Proxy({} as Args, {
    get: (_target, name) => (typeof name === 'string' ? ({ [SLOT]: name } satisfies Slot) : undefined),
  });
  return async (db, args, shape = {} as Shape) => {
    let byShape = compiledFor.get(db);
    if (!byShape) {
      byShape = new Map();
      compiledFor.set(db, byShape);
    }
    const key = JSON.stringify(shape);
    let compiled = byShape.get(key);
    if (!compiled) {
      const built = build(db, slots, shape);
      // A `sql` template compiles against a database; a query builder already holds its own.
      compiled = 'isRawBuilder' in built ? built.compile(db) : built.compile();
      byShape.set(key, compiled);
      nameStatement(compiled.sql);
    }
    const { rows } = await db.executeQuery<Row>({
      ...compiled,
      parameters: compiled.parameters.map((value) => (isSlot(value) ? args[value[SLOT]] : value)),
      queryId: createQueryId(),
    });
    return rows;
  };
}
