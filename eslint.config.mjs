// eslint for static/js (`make lint`, `make format`): the recommended rules, for plain scripts
// that run in the browser (no modules, no build step).
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["static/js/**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "script",
      globals: { ...globals.browser },
    },
  },
];
