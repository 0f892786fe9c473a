import { MigrateUpArgs, MigrateDownArgs } from '@payloadcms/db-sqlite'

/**
 * After merging main (outgoing_letters) into alerts-campaigns: every table already exists once the earlier migrations
 * ran in index.ts order (each only adds); this records the merged schema snapshot (the .json) so the next
 * migrate:create compares with it. No statement to run.
 */
export async function up(_args: MigrateUpArgs): Promise<void> {}

export async function down(_args: MigrateDownArgs): Promise<void> {}
