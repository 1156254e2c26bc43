import { readFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { join, resolve } from 'node:path';

/**
 * Lets Node itself resolve the package-style aliases of tsconfig.json's `paths` (`@chatterroom/...`).
 * jest applies its moduleNameMapper inside test files only; its globalSetup and globalTeardown
 * modules (which start the deployments) are loaded by Node's own `require`, so each of them imports
 * this first (it does nothing when a test file imports it). Uses no alias itself.
 */
const root = resolve(__dirname, '..', '..');
const paths = (JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')) as { compilerOptions: { paths: Record<string, string[]> } })
  .compilerOptions.paths;
const aliases = Object.entries(paths).map(([alias, [target = '']]) => ({
  prefix: alias.endsWith('*') ? alias.slice(0, -1) : undefined,
  exact: alias.endsWith('*') ? undefined : alias,
  target: join(root, target.replace(/\*$/, '')),
}));

const aliased = (specifier: string): string | undefined => {
  for (const { prefix, exact, target } of aliases) {
    if (exact === specifier) return target;
    if (prefix !== undefined && specifier.startsWith(prefix)) return join(target, specifier.slice(prefix.length));
  }
  return undefined;
};

try {
  registerHooks({
    resolve: (specifier, context, nextResolve) => nextResolve(aliased(specifier) ?? specifier, context),
  });
} catch {
  // Inside a test file's sandbox jest refuses loader hooks; its moduleNameMapper resolves the aliases there.
}
