import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`chat_conversations_answered_by_faq_idx\`;`)
  await db.run(sql`ALTER TABLE \`chat_conversations\` DROP COLUMN \`answered_by_faq\`;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`chat_conversations\` ADD \`answered_by_faq\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`chat_conversations_answered_by_faq_idx\` ON \`chat_conversations\` (\`answered_by_faq\`);`)
}
