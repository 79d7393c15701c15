import path from "node:path";

/** A migrated, empty database that each test file copies (migrating once per run saves time). */
export const TEMPLATE_DATABASE = path.resolve(".cache/test/template.db");
export const TEST_DATA_DIR = path.resolve(".cache/test");
