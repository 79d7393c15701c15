import type Database from "better-sqlite3";

/**
 * Prepares each SQL text once per connection. Prisma's SQLite adapter prepares every statement
 * again for every query and binds its parameters for good (`stmt.bind(args)`), so a prepared
 * statement cannot simply be handed out twice. What it gets instead is a light handle that
 * passes the parameters on each call. The adapter uses only the members below.
 */
type AdapterStatement = {
  readonly reader: boolean;
  bind(args: unknown[]): AdapterStatement;
  run(): Database.RunResult;
  columns(): Database.ColumnDefinition[];
  raw(): { all(): unknown[] };
};

const MAX_STATEMENTS = 500;

export function cacheStatements(db: Database.Database): void {
  const prepare = db.prepare.bind(db);
  const statements = new Map<string, Database.Statement>();
  const cached = (source: string): Database.Statement => {
    let statement = statements.get(source);
    if (statement) {
      statements.delete(source); // most recently used last
    } else {
      statement = prepare(source);
      if (statements.size >= MAX_STATEMENTS) statements.delete(statements.keys().next().value!);
    }
    statements.set(source, statement);
    return statement;
  };
  // A statement's columns are fixed once it is prepared; better-sqlite3 builds them anew per call.
  const columns = new WeakMap<Database.Statement, Database.ColumnDefinition[]>();
  const columnsOf = (statement: Database.Statement) => {
    let known = columns.get(statement);
    if (!known) columns.set(statement, (known = statement.columns()));
    return known;
  };
  const handle = (statement: Database.Statement, args: unknown[] = []): AdapterStatement => ({
    reader: statement.reader,
    bind: (bound) => handle(statement, bound),
    run: () => statement.run(...args),
    columns: () => columnsOf(statement),
    raw: () => ({ all: () => statement.raw(true).all(...args) }),
  });
  // A runtime replacement of the connection's method, for the adapter: better-sqlite3 types
  // `prepare` as returning its Statement class, of which the adapter only uses the members of
  // AdapterStatement, and that is what the handle provides.
  Object.defineProperty(db, "prepare", { value: (source: string): AdapterStatement => handle(cached(source)) });
}
