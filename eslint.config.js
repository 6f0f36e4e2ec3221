// ESLint (flat config): Office add-in rules (eslint-plugin-office-addins: sync/load discipline, no
// context.sync() in loops), React, TypeScript with type information (typescript-eslint's
// recommendedTypeChecked), Prettier formatting, and the architecture's import boundaries.
const path = require('path');
const { builtinModules } = require('module');
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

/** The TypeScript that tsconfig.json type-checks, and so the files the type-aware rules read. */
const TS_FILES = ['src/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}', 'scripts/**/*.{ts,tsx}'];

// ---------------------------------------------------------------------------------------------------
// Import boundaries (the README's Architecture section). Each entry: the folders it governs, those
// it exempts, and what an import there may not reach. A relative import is resolved against the file
// that makes it, so `../../taskpane/x` and `../taskpane` are judged by where they land, at any depth;
// a bare one is judged by its package. Every form counts: import/export … from, import type,
// import(), require(), import x = require() and `import('x').T` types.
// ---------------------------------------------------------------------------------------------------
const ROOT = __dirname;
const UI = ['react', 'react-dom', '@fluentui/*'];
const OFFICE = ['@microsoft/office-js', '@types/office-js', 'office-addin-mock'];
const NODE = builtinModules.filter((m) => !m.startsWith('_'));

/**
 * @typedef {{ path?: string, pkg?: string }} Target  path: repository-relative (posix); pkg: package
 * @typedef {{ files: string[], except?: string[], allowOnly?: { paths: string[], packages: string[] },
 *   forbid?: { paths?: string[], packages?: string[] }, why: string }} Boundary
 */
/** @type {Boundary[]} */
const BOUNDARIES = [
  {
    files: ['src/engine'],
    allowOnly: { paths: ['src/engine'], packages: ['decimal.js'] },
    why: 'src/engine/ is pure arithmetic: it imports only decimal.js and files in src/engine/',
  },
  {
    files: ['src', 'test', 'scripts', 'bin'],
    except: ['src/taskpane'],
    forbid: { paths: ['src/taskpane'] },
    why: 'src/taskpane/ is the UI, a leaf: nothing outside it imports it',
  },
  {
    files: ['src', 'scripts'],
    except: ['src/cli'],
    forbid: { paths: ['src/cli'] },
    why: 'src/cli/ is the command, a leaf: only bin/ (through dist-cli/) and tests import it',
  },
  {
    files: ['src/hosts'],
    forbid: { paths: ['src/taskpane'], packages: UI },
    why: 'src/hosts/ adapts Excel, ExcelJS and the standalone pane; it never imports the UI',
  },
  {
    files: ['src/workbook', 'src/messages'],
    forbid: {
      paths: ['src/hosts', 'src/taskpane', 'src/cli'],
      packages: [...UI, 'exceljs', ...OFFICE, ...NODE],
    },
    // Node built-ins too: both run inside the task pane, where there is no Node.
    why: 'src/workbook/ and src/messages/ work on plain grids and texts: no hosts, UI, command, ExcelJS, Office or Node built-ins',
  },
];

/** `dir` itself or anything below it (repository-relative posix paths). */
const within = (file, dir) => file === dir || file.startsWith(`${dir}/`);

/** `react-dom/client` → `react-dom`, `@fluentui/react-components/x` → `@fluentui/react-components`. */
function packageOf(specifier) {
  const bare = specifier.replace(/^node:/, '');
  const parts = bare.split('/');
  return bare.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** `@fluentui/*` matches every package of the scope; anything else matches by name. */
const matchesPackage = (pkg, patterns) => patterns.some((p) => (p.endsWith('/*') ? pkg.startsWith(p.slice(0, -1)) : pkg === p));

/** @returns {Target} */
function targetOf(specifier, fromFile) {
  if (specifier.startsWith('.') || path.isAbsolute(specifier)) {
    const absolute = path.resolve(path.dirname(fromFile), specifier);
    return { path: path.relative(ROOT, absolute).split(path.sep).join('/') };
  }
  return { pkg: packageOf(specifier) };
}

/** Why `target` may not be imported from `file`, or null when it may. */
function violation(file, target) {
  for (const b of BOUNDARIES) {
    if (!b.files.some((d) => within(file, d)) || (b.except ?? []).some((d) => within(file, d))) continue;
    if (b.allowOnly) {
      const allowed = target.path
        ? b.allowOnly.paths.some((d) => within(/** @type {string} */ (target.path), d))
        : matchesPackage(/** @type {string} */ (target.pkg), b.allowOnly.packages);
      if (!allowed) return b.why;
    }
    if (b.forbid) {
      const forbidden = target.path
        ? (b.forbid.paths ?? []).some((d) => within(/** @type {string} */ (target.path), d))
        : matchesPackage(/** @type {string} */ (target.pkg), b.forbid.packages ?? []);
      if (forbidden) return b.why;
    }
  }
  return null;
}

/** @type {import('eslint').Rule.RuleModule} */
const boundariesRule = {
  meta: {
    type: 'problem',
    docs: { description: "Enforce the architecture's import boundaries (eslint.config.js, BOUNDARIES)" },
    schema: [],
    messages: { forbidden: "'{{specifier}}' may not be imported here: {{why}}." },
  },
  create(context) {
    const file = path.relative(ROOT, context.filename).split(path.sep).join('/');
    if (file.startsWith('..')) return {};
    const check = (node) => {
      if (!node || node.type !== 'Literal' || typeof node.value !== 'string') return;
      const why = violation(file, targetOf(node.value, context.filename));
      if (why) context.report({ node, messageId: 'forbidden', data: { specifier: node.value, why } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node.arguments[0]);
      },
      TSExternalModuleReference: (node) => check(node.expression),
      TSImportType: (node) => check(node.source), // `import('x').T` in a type
    };
  },
};

// Office.js is a global, not an import: these folders may not reach it that way either.
const officeGlobals = ['Office', 'Excel', 'OfficeExtension'].map((name) => ({
  name,
  message: 'Office.js belongs in src/hosts/excel/ (see BOUNDARIES in eslint.config.js).',
}));
const runtimeGlobals = ['process', 'Buffer', 'window', 'document', 'navigator'].map((name) => ({
  name,
  message: 'src/engine/ is pure arithmetic: no Node or browser globals.',
}));

// eslint-plugin-office-addins brings its own (older) typescript-eslint; its configs are used with the
// project's typescript-eslint instead, so that one plugin instance serves its rules and the
// type-checked ones (ESLint refuses two different plugins under one name). Its rules stay as they are.
const officeConfigs = officeAddins.configs.react.map((config) =>
  config.plugins && config.plugins['@typescript-eslint']
    ? {
        ...config,
        plugins: { ...config.plugins, '@typescript-eslint': tseslint.plugin },
        languageOptions: { ...config.languageOptions, parser: tseslint.parser },
      }
    : config,
);

module.exports = [
  { ignores: ['node_modules/**', 'dist/**', 'dist-cli/**', 'coverage/**', 'test/artifacts/**'] },
  ...officeConfigs,
  ...tseslint.configs.recommendedTypeChecked.map((config) => ({ ...config, files: TS_FILES })),
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parser: tseslint.parser,
      ecmaVersion: 2022,
      sourceType: 'module',
      // Types from tsconfig.json (the one `npm run typecheck` uses), found per file by the project service.
      parserOptions: { projectService: true, tsconfigRootDir: ROOT },
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
  {
    files: ['{src,test,scripts,bin}/**/*.{ts,tsx,js}'],
    plugins: { finsam: { rules: { boundaries: boundariesRule } } },
    rules: { 'finsam/boundaries': 'error' },
  },
  {
    files: ['src/engine/**', 'src/workbook/**', 'src/messages/**'],
    rules: { 'no-restricted-globals': ['error', ...officeGlobals] },
  },
  {
    files: ['src/engine/**'],
    rules: { 'no-restricted-globals': ['error', ...officeGlobals, ...runtimeGlobals] },
  },
];
