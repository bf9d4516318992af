// Lint: typescript-eslint's recommended rules, plus the import direction of docs/architecture.md:
// only src/apiserver, src/cmd, src/testing and bench may import src/storage.
import tseslint from 'typescript-eslint';

const storageImport = {
  group: ['**/storage/*', '**/storage/**', '../storage/*'],
  message: 'Only the API server and cmd talk to the store; other components go through the API.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.build/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      // Tree walks start from `this` (`let node = this; node = node.child(...)`).
      '@typescript-eslint/no-this-alias': ['error', { allowedNames: ['node'] }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/storage/**', 'src/apiserver/**', 'src/cmd/**', 'src/testing/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [storageImport] }] },
  },
);
