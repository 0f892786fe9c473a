/** Committed SQLite migrations; regenerated with `npm run migrate:create -w cms`. */
export const migrations = [] as { name: string; up: (args: never) => Promise<void>; down: (args: never) => Promise<void> }[];
