import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('../..', import.meta.url));

function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : typeScriptFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * The project's `folders` (e.g. `src`, `bench`) as ES modules under `out`, laid out as `npm run
 * bench`'s build is: a package.json that makes them modules, and schema/ beside src/ where the
 * compiled server looks for it. Tests that start the gateway or the benchmark as Node processes
 * need JavaScript; a full tsc build takes seconds, and type checking is `npm run typecheck`'s job,
 * so each file is transpiled on its own (the code base is isolatedModules-clean). `out` should sit
 * under the project's node_modules/.cache, where the compiled files still resolve its dependencies.
 */
export function transpileProject(out: string, folders: readonly string[]): void {
  const compilerOptions: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2023,
    module: ts.ModuleKind.ESNext,
    verbatimModuleSyntax: true,
    isolatedModules: true,
  };
  for (const file of folders.flatMap((folder) => typeScriptFiles(join(root, folder)))) {
    const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
      compilerOptions,
      fileName: file,
    });
    const target = join(out, relative(root, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, outputText);
  }
  writeFileSync(join(out, 'package.json'), '{ "type": "module" }\n');
  symlinkSync(join(root, 'schema'), join(out, 'schema'));
}
