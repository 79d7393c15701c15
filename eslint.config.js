// ESLint: the rules that catch bugs the type checker does not (docs/decisions/0042-eslint-and-prettier.md).
// Type-aware rules come from typescript-eslint's "recommended" set; style is Prettier's job.
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import jsxA11y from "eslint-plugin-jsx-a11y";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
  globalIgnores(["app/generated/", "build/", "public/build/", "node_modules/", ".cache/", "test-results/", "playwright-report/"]),
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
  },

  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A Remix loader or action throws a Response or data() to answer with it.
      "@typescript-eslint/only-throw-error": [
        "error",
        {
          allow: [
            { from: "lib", name: "Response" },
            { from: "package", package: "@remix-run/server-runtime", name: "TypedResponse" },
            { from: "package", package: "@remix-run/router", name: "DataWithResponseInit" },
          ],
        },
      ],
      // Passing on a caught error typed unknown is rethrowing, as only-throw-error allows.
      "@typescript-eslint/prefer-promise-reject-errors": ["error", { allowThrowingUnknown: true }],
      // `async` without `await` is a contract here: Remix loaders, stream sinks, interface methods.
      "@typescript-eslint/require-await": "off",
      // Owned by the review of casts (issue 15): it reports casts and `!`, which get their own pass.
      "@typescript-eslint/no-unnecessary-type-assertion": "off",
      // String() of values typed unknown is deliberate (escapeHtml, SQL decoder messages); objects in
      // template literals are still caught by restrict-template-expressions.
      "@typescript-eslint/no-base-to-string": "off",
      // An unused parameter that must stay for its position (Express error handlers) starts with "_".
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", ignoreRestSiblings: true }],
      // Sanitisers strip control characters on purpose.
      "no-control-regex": "off",
      // `let [a, b] = …` where only one of them is reassigned stays one statement.
      "prefer-const": ["error", { destructuring: "all" }],
    },
  },
  {
    // Tests and benchmarks read JSON (HTTP bodies, child processes' output) as any and check it with expect/asserts.
    files: ["tests/**", "bench/**"],
    rules: {
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
  {
    // Plain JavaScript (server.js, server/, scripts/, configs) is outside tsconfig: no type information.
    files: ["**/*.js"],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },

  {
    files: ["**/*.tsx"],
    extends: [react.configs.flat.recommended, react.configs.flat["jsx-runtime"], jsxA11y.flatConfigs.recommended],
    settings: { react: { version: "detect" } },
    rules: {
      // TypeScript checks props.
      "react/prop-types": "off",
      // Quotes and apostrophes are fine in JSX text (Dutch copy uses them); `>` and `}` are typos.
      "react/no-unescaped-entities": ["error", { forbid: [">", "}"] }],
      // Scrollable tables and code blocks must be reachable by keyboard (axe: scrollable-region-focusable).
      "jsx-a11y/no-noninteractive-tabindex": ["error", { tags: ["pre"], roles: ["tabpanel", "region"] }],
      // Focus moves to the field that a row action (add/remove) posted for, also without JavaScript.
      "jsx-a11y/no-autofocus": "off",
      // href="" is a deliberate "reload this page" link that works without JavaScript.
      "jsx-a11y/anchor-is-valid": ["error", { aspects: ["noHref", "preferButton"] }],
      // A table restyled as stacked rows keeps its roles written out: Safari drops table semantics
      // once CSS changes a table's display (app/components/stacked-table.tsx).
      "jsx-a11y/no-redundant-roles": ["error", { nav: ["navigation"], thead: ["rowgroup"], tbody: ["rowgroup"] }],
      "jsx-a11y/no-interactive-element-to-noninteractive-role": ["error", { tr: ["none", "presentation"], canvas: ["img"], td: ["cell"] }],
    },
  },
  {
    // The two classic hook rules; the React Compiler rules (v6+) target React 19 and took a fifth of the rule time.
    files: ["**/*.ts", "**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
);
