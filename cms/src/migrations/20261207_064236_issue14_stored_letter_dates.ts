import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`work_starts_at\` text;`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`originals_deadline_date\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`appeals\` DROP COLUMN \`work_starts_at\`;`)
  await db.run(sql`ALTER TABLE \`appeals\` DROP COLUMN \`originals_deadline_date\`;`)
}
