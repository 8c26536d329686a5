// Type-aware checks that the compiler does not make: every promise is awaited (or explicitly handed on),
// never used as a condition, and nothing that is not a promise is awaited. Database access is asynchronous
// (SQLite and PostgreSQL share the queries), so a forgotten `await` would let a write race or a check pass.
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: ["node_modules/**", ".next*/**", "data/**", "reports/**", ".stryker-tmp/**", "test-results/**", "playwright-report/**", "**/*.mjs", "**/*.js", "next-env.d.ts"],
  },
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { "@typescript-eslint": tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: "off" },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/await-thenable": "error",
    },
  },
);
