// Counts type assertions in app/ (excluding app/generated): how honest the types are, as a number.
// Usage: npx tsx scripts/count-casts.ts [--list]
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

const root = join(import.meta.dirname, "..");
const appDir = join(root, "app");
const skipDir = join(appDir, "generated");
const list = process.argv.includes("--list");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (path === skipDir) return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

type Kind = "as" | "as unknown as" | "as never" | "non-null !";
const counts: Record<Kind, number> = { as: 0, "as unknown as": 0, "as never": 0, "non-null !": 0 };
const hits: string[] = [];

for (const file of sourceFiles(appDir)) {
  const text = readFileSync(file, "utf8");
  const kind = file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const record = (k: Kind, node: ts.Node) => {
    counts[k] += 1;
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    hits.push(`${relative(root, file)}:${line + 1}  [${k}]  ${node.getText().replace(/\s+/g, " ").slice(0, 110)}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) {
      const typeText = node.type.getText();
      if (typeText !== "const") {
        // `x as unknown as T`: the outer node's inner expression is itself `as unknown`.
        const inner = node.expression;
        if ((ts.isAsExpression(inner) || ts.isTypeAssertionExpression(inner)) && inner.type.kind === ts.SyntaxKind.UnknownKeyword) {
          record("as unknown as", node);
        } else if (node.type.kind === ts.SyntaxKind.NeverKeyword) {
          record("as never", node);
        } else if (
          node.type.kind === ts.SyntaxKind.UnknownKeyword &&
          (ts.isAsExpression(node.parent) || ts.isTypeAssertionExpression(node.parent))
        ) {
          // the inner half of an `as unknown as` chain: counted with the chain
        } else {
          record("as", node);
        }
      }
    } else if (ts.isNonNullExpression(node)) {
      record("non-null !", node);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

if (list) console.log(hits.join("\n"));
console.log(JSON.stringify(counts));
