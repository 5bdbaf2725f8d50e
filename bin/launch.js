/**
 * Runs one of the program's entry points: the JavaScript compiled into dist/ (`npm run build`,
 * which `npm install` runs) when it is up to date, else the TypeScript source through tsx. tsx
 * compiling the sources on every start costs most of a second, too much for a command line; but a
 * build older than the sources would answer with yesterday's code, so it is used only when its
 * stamp is newer than every file and folder of src/ and commands/ (a folder's time changes when a
 * file is added or removed). That check is a few hundred stat calls, about 2 ms.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_FOLDERS = ['src', 'commands'];

export function buildIsCurrent() {
  let built;
  try {
    built = statSync(path.join(ROOT, 'dist/.built')).mtimeMs;
  } catch {
    return false;
  }
  for (const folder of SOURCE_FOLDERS) {
    const dir = path.join(ROOT, folder);
    if (statSync(dir).mtimeMs > built) return false;
    for (const name of readdirSync(dir, { recursive: true })) {
      if (statSync(path.join(dir, name)).mtimeMs > built) return false;
    }
  }
  return true;
}

/** `source` is relative to the project folder, e.g. `src/cli/main.ts`; dist/ mirrors that layout. */
export async function launch(source) {
  if (buildIsCurrent()) {
    await import(pathToFileURL(path.join(ROOT, 'dist', source.replace(/\.ts$/, '.js'))).href);
    return;
  }
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(path.join(ROOT, source)).href);
}
