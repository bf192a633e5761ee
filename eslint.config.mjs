/*
 * office-addin-lint's own rules (eslint-plugin-office-addins recommended, prettier), plus two settings for
 * TypeScript: the compiler already reports undefined names and redeclarations (`npm run typecheck`, ts-loader),
 * and the core ESLint rules misread ambient globals (Office, Excel, CustomFunctions) and function overloads.
 * See https://typescript-eslint.io/troubleshooting/faqs/eslint/#i-get-errors-from-the-no-undef-rule-about-global-variables-not-being-defined-even-though-there-are-no-typescript-errors
 */
import officeAddinLint from "office-addin-lint/config/eslint.config.mjs";

export default [
  ...officeAddinLint,
  {
    files: ["**/*.ts"],
    rules: {
      "no-undef": "off",
      "no-redeclare": "off",
      "@typescript-eslint/no-explicit-any": "off",
    },
  },
];
