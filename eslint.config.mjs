// eslint for static/js and the apps' static scripts (`make lint`, `make format`): the recommended rules, for plain scripts
// that run in the browser (no modules, no build step).
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["static/js/**/*.js", "recruitment/static/**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "script",
      globals: { ...globals.browser },
    },
    // `catch (e)` rather than `catch {}`: the quick exit must run on old phone browsers too.
    rules: { "no-unused-vars": ["error", { caughtErrors: "none" }] },
  },
];
