import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`quarterly_reports_channel_rows\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`channel\` text,
  	\`count\` numeric,
  	\`previous_count\` numeric,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`quarterly_reports\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`quarterly_reports_channel_rows_order_idx\` ON \`quarterly_reports_channel_rows\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`quarterly_reports_channel_rows_parent_id_idx\` ON \`quarterly_reports_channel_rows\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_quarterly_reports_v_version_channel_rows\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`channel\` text,
  	\`count\` numeric,
  	\`previous_count\` numeric,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_quarterly_reports_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_quarterly_reports_v_version_channel_rows_order_idx\` ON \`_quarterly_reports_v_version_channel_rows\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_quarterly_reports_v_version_channel_rows_parent_id_idx\` ON \`_quarterly_reports_v_version_channel_rows\` (\`_parent_id\`);`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`channel\` text;`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`registration_deadline_date\` text;`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`consent_method\` text;`)
  await db.run(sql`CREATE INDEX \`appeals_channel_idx\` ON \`appeals\` (\`channel\`);`)
  await db.run(sql`CREATE INDEX \`appeals_registration_deadline_date_idx\` ON \`appeals\` (\`registration_deadline_date\`);`)
  // The channel of the appeals stored before it existed: the only channels then were the site's forms and e-mail
  // (the «email» type, numbers with «Э», which stay as they are).
  await db.run(sql`UPDATE \`appeals\` SET \`channel\` = CASE WHEN \`type\` = 'email' THEN 'email' ELSE 'site' END WHERE \`channel\` IS NULL;`)
  // Their consent, where one was recorded, was the site form's checkbox.
  await db.run(sql`UPDATE \`appeals\` SET \`consent_method\` = 'form' WHERE \`consent_method\` IS NULL AND \`consent_accepted_at\` IS NOT NULL;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`quarterly_reports_channel_rows\`;`)
  await db.run(sql`DROP TABLE \`_quarterly_reports_v_version_channel_rows\`;`)
  await db.run(sql`DROP INDEX \`appeals_channel_idx\`;`)
  await db.run(sql`DROP INDEX \`appeals_registration_deadline_date_idx\`;`)
  await db.run(sql`ALTER TABLE \`appeals\` DROP COLUMN \`channel\`;`)
  await db.run(sql`ALTER TABLE \`appeals\` DROP COLUMN \`registration_deadline_date\`;`)
  await db.run(sql`ALTER TABLE \`appeals\` DROP COLUMN \`consent_method\`;`)
}
