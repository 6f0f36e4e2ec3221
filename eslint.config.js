// ESLint (flat config): Office add-in rules (eslint-plugin-office-addins: sync/load discipline, no
// context.sync() in loops), React, TypeScript, and Prettier formatting.
const officeAddins = require('eslint-plugin-office-addins');
const tseslint = require('typescript-eslint');

const nodeGlobals = {
  require: 'readonly',
  module: 'writable',
  exports: 'writable',
  process: 'readonly',
  __dirname: 'readonly',
  console: 'readonly',
  Buffer: 'readonly',
  setTimeout: 'readonly',
  clearTimeout: 'readonly',
  URL: 'readonly',
  performance: 'readonly',
};

module.exports = [
  { ignores: ['node_modules/**', 'dist/**', 'dist-cli/**', 'coverage/**', 'test/artifacts/**'] },
  ...officeAddins.configs.react,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' },
    // The same @typescript-eslint plugin instance the office-addins config registered (for .ts).
    plugins: {
      '@typescript-eslint': officeAddins.configs.recommended.find((c) => c.plugins && c.plugins['@typescript-eslint']).plugins[
        '@typescript-eslint'
      ],
    },
    rules: {
      'no-undef': 'off', // TypeScript checks names
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': 'error',
      'react/react-in-jsx-scope': 'off',
      'react/prop-types': 'off',
      'office-addins/no-context-sync-in-loop': 'error',
    },
  },
  {
    // ExcelJS objects look like Office.js proxies to the office-addins rules; they are plain objects.
    files: ['test/**', 'src/hosts/xlsx/**', 'src/cli/**', 'scripts/**'],
    rules: {
      'office-addins/call-sync-before-read': 'off',
      'office-addins/load-object-before-read': 'off',
      'office-addins/call-sync-after-load': 'off',
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'commonjs', globals: nodeGlobals },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
