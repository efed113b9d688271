// Lint, including the layer rule (docs/ARCHITECTURE.md, "Layers"): each folder may import only the
// layers to its left.
//   shared/ ← renderer/ ;  shared/ ← electron/backend/ ← electron/{webhost,cli,backend-process,main,preload}/
//   (electron/main/ also reads electron/backend-process/protocol.ts, the messages of the two processes)
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const electronMsg = "Only electron/main and electron/preload may import 'electron': the other layers also run without Electron (browser mode, the CLI, the tests).";

/** no-restricted-imports with the given banned module names and path globs. */
function layer(files, { modules = [], patterns = [] }) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: modules.map(([name, message]) => ({ name, message })),
          patterns: patterns.map(([group, message]) => ({ group, message })),
        },
      ],
    },
  };
}

const node = (message) => nodeBuiltins.map((m) => [m, message]);

const renderer = {
  modules: [
    ['electron', electronMsg],
    ['better-sqlite3', 'The renderer reaches the database only through window.api.'],
    ...node('The renderer is sandboxed browser code: no Node modules.'),
  ],
  patterns: [[['**/electron/**'], 'The renderer talks to the backend only through window.api.']],
};

export default tseslint.config(
  { ignores: ['dist/', 'dist-*/', 'release/', '.tsbuild/', 'node_modules/', 'test-results/', 'playwright-report/', '.cache/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-control-regex': 'off', // text hygiene code matches control characters on purpose
    },
  },
  { files: ['scripts/**/*.mjs', 'bin/*.js', '*.js', '*.mjs'], languageOptions: { globals: globals.node } },
  { files: ['renderer/**/*.{ts,tsx}'], plugins: { 'react-hooks': reactHooks }, rules: reactHooks.configs.recommended.rules, languageOptions: { globals: globals.browser } },

  layer(['shared/**/*.ts'], {
    modules: [
      ['electron', electronMsg],
      ['better-sqlite3', 'shared/ is pure: no database access.'],
      ['react', 'shared/ is pure: no UI.'],
      ['react-dom', 'shared/ is pure: no UI.'],
      ['slate-react', 'shared/ is pure: no UI.'],
      ...node('shared/ runs in the browser too: no Node modules.'),
    ],
    patterns: [[['**/renderer/**', '**/electron/**'], 'shared/ imports no other layer.']],
  }),
  layer(['renderer/**/*.{ts,tsx}'], renderer),
  // Inside the renderer, the editor is extended by review, never the other way round: review
  // overrides the editor's methods (editor/slate-types.ts, review/with-review.ts), so the editor
  // must not know it. (A later entry replaces the whole rule for these files: the renderer's bans
  // are repeated.) shared/review, the pure algebra, is not renderer/src/review and stays allowed.
  layer(['renderer/src/editor/**/*.{ts,tsx}'], {
    modules: renderer.modules,
    patterns: [
      ...renderer.patterns,
      [['**/review', '**/review/**', '!**/shared/review', '!**/shared/review/**'], 'renderer/src/editor must not import renderer/src/review: review extends the editor by overriding its methods (review/with-review.ts).'],
    ],
  }),
  layer(['electron/backend/**/*.ts', 'electron/webhost/**/*.ts', 'electron/cli/**/*.ts'], {
    modules: [['electron', electronMsg]],
    patterns: [[['**/renderer/**', '**/main/**', '**/preload/**'], 'The backend, web host and CLI import only shared/ and electron/backend/.']],
  }),
  // The desktop's library process: a plain Node process that Electron starts (a utilityProcess).
  layer(['electron/backend-process/**/*.ts'], {
    modules: [['electron', "The backend process never imports 'electron': its channel to main is process.parentPort, and it runs under plain Node in the tests and the harness."]],
    patterns: [[['**/renderer/**', '**/main/**', '**/preload/**', '**/webhost/**', '**/cli/**'], 'The backend process imports only shared/ and electron/backend/.']],
  }),
  layer(['electron/main/**/*.ts', 'electron/preload/**/*.ts'], {
    patterns: [[['**/renderer/**', '**/webhost/**'], 'The shell imports only shared/ and electron/backend/.']],
  }),
  // shell.openExternal runs whatever the OS associates with a URL's scheme: only the vetted
  // wrapper (https links to the app's website only) may call it (docs/ARCHITECTURE.md, "Security").
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    ignores: ['electron/main/external-links.ts'],
    rules: {
      'no-restricted-properties': ['error', { property: 'openExternal', message: 'Open links with openExternalLink() from electron/main/external-links.ts, which allows https links to the app\'s website only.' }],
    },
  },
);
