import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`confirmation_next_attempt_at\` text;`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`confirmation_claimed_until\` text;`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`handler_notice_state\` text;`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`handler_notice_attempts\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`handler_notice_last_error\` text;`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`handler_notice_sent_at\` text;`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`handler_notice_next_attempt_at\` text;`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`handler_notice_claimed_until\` text;`)
  await db.run(sql`CREATE INDEX \`appeals_handler_notice_handler_notice_state_idx\` ON \`appeals\` (\`handler_notice_state\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`appeals_handler_notice_handler_notice_state_idx\`;`)
  await db.run(sql`ALTER TABLE \`appeals\` DROP COLUMN \`confirmation_next_attempt_at\`;`)
  await db.run(sql`ALTER TABLE \`appeals\` DROP COLUMN \`confirmation_claimed_until\`;`)
  await db.run(sql`ALTER TABLE \`appeals\` DROP COLUMN \`handler_notice_state\`;`)
  await db.run(sql`ALTER TABLE \`appeals\` DROP COLUMN \`handler_notice_attempts\`;`)
  await db.run(sql`ALTER TABLE \`appeals\` DROP COLUMN \`handler_notice_last_error\`;`)
  await db.run(sql`ALTER TABLE \`appeals\` DROP COLUMN \`handler_notice_sent_at\`;`)
  await db.run(sql`ALTER TABLE \`appeals\` DROP COLUMN \`handler_notice_next_attempt_at\`;`)
  await db.run(sql`ALTER TABLE \`appeals\` DROP COLUMN \`handler_notice_claimed_until\`;`)
}
