/** Whether dist/ holds a build newer than every source (bin/ then runs it). */
export function buildIsCurrent(): boolean;
/** Runs an entry point, e.g. `src/cli/main.ts`: compiled from dist/ when current, else through tsx. */
export function launch(source: string): Promise<void>;
