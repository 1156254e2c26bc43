import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const GATEWAY = __dirname;
const ROOT = resolve(GATEWAY, '../..');

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );

const importsOf = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((match) => match[1] ?? '');

const ALLOWED_MODULE_PATHS = [/^modules\/kernel(\/index)?$/, /^modules\/users\/contracts(\/|$)/, /^modules\/chat\/contracts(\/|$)/];

describe('the gateway', () => {
  it.each(sourceFiles(GATEWAY).map((file) => [relative(GATEWAY, file), file]))(
    '%s imports only module contracts and the kernel, and nothing outside src/gateway',
    (_name, file) => {
      for (const specifier of importsOf(file).filter((s) => s.startsWith('.'))) {
        const target = relative(ROOT, resolve(join(file, '..'), specifier));
        if (target.startsWith('src/gateway')) continue;
        expect({ specifier, allowed: ALLOWED_MODULE_PATHS.some((rule) => rule.test(target)) }).toEqual({ specifier, allowed: true });
      }
    },
  );

  it('never checks which deployment it runs in', () => {
    for (const file of sourceFiles(GATEWAY).filter((f) => !f.endsWith('.spec.ts'))) {
      expect({ file, text: /APP_ROLE|isSplit|process\.env/.test(readFileSync(file, 'utf8')) }).toEqual({ file, text: false });
    }
  });
});
