import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`topics\` ADD \`handler_group\` text;`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`handler_group\` text;`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`assignee_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`extension_reason\` text;`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`answer\` text;`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`answered_at\` text;`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`history\` text;`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`reminders_day_before_for\` text;`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`reminders_due_day_for\` text;`)
  await db.run(sql`CREATE INDEX \`appeals_handler_group_idx\` ON \`appeals\` (\`handler_group\`);`)
  await db.run(sql`CREATE INDEX \`appeals_assignee_idx\` ON \`appeals\` (\`assignee_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_appeals\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`registration_number\` text NOT NULL,
  	\`type\` text NOT NULL,
  	\`status\` text DEFAULT 'registered' NOT NULL,
  	\`received_at\` text NOT NULL,
  	\`deadline_date\` text NOT NULL,
  	\`received_outside_working_hours\` integer DEFAULT false,
  	\`topic_id\` integer,
  	\`audience\` text,
  	\`name\` text NOT NULL,
  	\`email\` text,
  	\`phone\` text,
  	\`answer_channel\` text NOT NULL,
  	\`postal_address\` text,
  	\`account_number\` text,
  	\`text\` text NOT NULL,
  	\`details\` text,
  	\`meter_serial\` text,
  	\`consent_version\` text,
  	\`consent_accepted_at\` text,
  	\`consent_ip\` text,
  	\`idempotency_key\` text,
  	\`confirmation_state\` text DEFAULT 'pending' NOT NULL,
  	\`confirmation_job_id\` text,
  	\`confirmation_attempts\` numeric DEFAULT 0,
  	\`confirmation_last_error\` text,
  	\`confirmation_sent_at\` text,
  	\`confirmation_message_id\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`topic_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_appeals\`("id", "registration_number", "type", "status", "received_at", "deadline_date", "received_outside_working_hours", "topic_id", "audience", "name", "email", "phone", "answer_channel", "postal_address", "account_number", "text", "details", "meter_serial", "consent_version", "consent_accepted_at", "consent_ip", "idempotency_key", "confirmation_state", "confirmation_job_id", "confirmation_attempts", "confirmation_last_error", "confirmation_sent_at", "confirmation_message_id", "updated_at", "created_at") SELECT "id", "registration_number", "type", "status", "received_at", "deadline_date", "received_outside_working_hours", "topic_id", "audience", "name", "email", "phone", "answer_channel", "postal_address", "account_number", "text", "details", "meter_serial", "consent_version", "consent_accepted_at", "consent_ip", "idempotency_key", "confirmation_state", "confirmation_job_id", "confirmation_attempts", "confirmation_last_error", "confirmation_sent_at", "confirmation_message_id", "updated_at", "created_at" FROM \`appeals\`;`)
  await db.run(sql`DROP TABLE \`appeals\`;`)
  await db.run(sql`ALTER TABLE \`__new_appeals\` RENAME TO \`appeals\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE UNIQUE INDEX \`appeals_registration_number_idx\` ON \`appeals\` (\`registration_number\`);`)
  await db.run(sql`CREATE INDEX \`appeals_status_idx\` ON \`appeals\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`appeals_received_at_idx\` ON \`appeals\` (\`received_at\`);`)
  await db.run(sql`CREATE INDEX \`appeals_deadline_date_idx\` ON \`appeals\` (\`deadline_date\`);`)
  await db.run(sql`CREATE INDEX \`appeals_topic_idx\` ON \`appeals\` (\`topic_id\`);`)
  await db.run(sql`CREATE INDEX \`appeals_meter_serial_idx\` ON \`appeals\` (\`meter_serial\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`appeals_idempotency_key_idx\` ON \`appeals\` (\`idempotency_key\`);`)
  await db.run(sql`CREATE INDEX \`appeals_confirmation_confirmation_state_idx\` ON \`appeals\` (\`confirmation_state\`);`)
  await db.run(sql`CREATE INDEX \`appeals_updated_at_idx\` ON \`appeals\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`appeals_created_at_idx\` ON \`appeals\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`topics\` DROP COLUMN \`handler_group\`;`)
}
