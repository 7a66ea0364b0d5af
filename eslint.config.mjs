import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

// Code that runs in the page or is shared with it may not reach for Node or Electron.
// shared/ is imported by both processes (DESIGN.md "The shape"); renderer/ is a sandboxed page.
const nodeAndElectron = {
  paths: [
    { name: 'electron', message: 'shared/ and renderer/ must not import electron (DESIGN.md).' },
    ...builtinModules.map((name) => ({
      name,
      message: 'shared/ and renderer/ must not import Node built-ins (DESIGN.md).',
    })),
  ],
  patterns: [
    { group: ['node:*'], message: 'shared/ and renderer/ must not import Node built-ins.' },
    { group: ['electron/*'], message: 'shared/ and renderer/ must not import electron.' },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'dist/**',
      'release/**',
      'coverage/**',
      'test-results/**',
      '.stryker-tmp/**',
      'reports/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.{ts,tsx}'],
    languageOptions: { globals: {} },
    rules: { 'no-restricted-imports': ['error', nodeAndElectron] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'test/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'no-restricted-imports': ['error', nodeAndElectron],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
);
