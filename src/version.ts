import { readFileSync } from 'node:fs';
import { projectPath } from './projectRoot.ts';

/** The version in package.json: the one place it is written. */
export const VERSION: string = (
  JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as { version: string }
).version;
