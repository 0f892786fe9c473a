import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`quarterly_reports\` ADD \`questionnaire_id\` integer REFERENCES questionnaires(id);`)
  await db.run(sql`CREATE INDEX \`quarterly_reports_questionnaire_idx\` ON \`quarterly_reports\` (\`questionnaire_id\`);`)
  await db.run(sql`ALTER TABLE \`_quarterly_reports_v\` ADD \`version_questionnaire_id\` integer REFERENCES questionnaires(id);`)
  await db.run(sql`CREATE INDEX \`_quarterly_reports_v_version_version_questionnaire_idx\` ON \`_quarterly_reports_v\` (\`version_questionnaire_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_quarterly_reports\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`quarter\` text,
  	\`filled_at\` text,
  	\`note\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft'
  );
  `)
  await db.run(sql`INSERT INTO \`__new_quarterly_reports\`("id", "quarter", "filled_at", "note", "updated_at", "created_at", "_status") SELECT "id", "quarter", "filled_at", "note", "updated_at", "created_at", "_status" FROM \`quarterly_reports\`;`)
  await db.run(sql`DROP TABLE \`quarterly_reports\`;`)
  await db.run(sql`ALTER TABLE \`__new_quarterly_reports\` RENAME TO \`quarterly_reports\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE UNIQUE INDEX \`quarterly_reports_quarter_idx\` ON \`quarterly_reports\` (\`quarter\`);`)
  await db.run(sql`CREATE INDEX \`quarterly_reports_updated_at_idx\` ON \`quarterly_reports\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`quarterly_reports_created_at_idx\` ON \`quarterly_reports\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`quarterly_reports__status_idx\` ON \`quarterly_reports\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__quarterly_reports_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_quarter\` text,
  	\`version_filled_at\` text,
  	\`version_note\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`quarterly_reports\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__quarterly_reports_v\`("id", "parent_id", "version_quarter", "version_filled_at", "version_note", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_quarter", "version_filled_at", "version_note", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_quarterly_reports_v\`;`)
  await db.run(sql`DROP TABLE \`_quarterly_reports_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__quarterly_reports_v\` RENAME TO \`_quarterly_reports_v\`;`)
  await db.run(sql`CREATE INDEX \`_quarterly_reports_v_parent_idx\` ON \`_quarterly_reports_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_quarterly_reports_v_version_version_quarter_idx\` ON \`_quarterly_reports_v\` (\`version_quarter\`);`)
  await db.run(sql`CREATE INDEX \`_quarterly_reports_v_version_version_updated_at_idx\` ON \`_quarterly_reports_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_quarterly_reports_v_version_version_created_at_idx\` ON \`_quarterly_reports_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_quarterly_reports_v_version_version__status_idx\` ON \`_quarterly_reports_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_quarterly_reports_v_created_at_idx\` ON \`_quarterly_reports_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_quarterly_reports_v_updated_at_idx\` ON \`_quarterly_reports_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_quarterly_reports_v_latest_idx\` ON \`_quarterly_reports_v\` (\`latest\`);`)
}
