import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  // Like every relation column, the topic as sent is emptied when the topic is deleted (drizzle's ADD COLUMN omits it).
  // Existing appeals keep it empty: their topic may already have been re-classified.
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`topic_as_sent_id\` integer REFERENCES topics(id) ON UPDATE no action ON DELETE set null;`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`internal_notes\` text;`)
  await db.run(sql`CREATE INDEX \`appeals_topic_as_sent_idx\` ON \`appeals\` (\`topic_as_sent_id\`);`)
  await db.run(sql`ALTER TABLE \`audit_log\` ADD \`changes\` text;`)
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
  	\`work_starts_at\` text,
  	\`originals_deadline_date\` text,
  	\`topic_id\` integer,
  	\`assignee_id\` integer,
  	\`territory\` text,
  	\`name\` text NOT NULL,
  	\`email\` text,
  	\`phone\` text,
  	\`answer_channel\` text NOT NULL,
  	\`postal_address\` text,
  	\`account_number\` text,
  	\`audience\` text,
  	\`text\` text NOT NULL,
  	\`details\` text,
  	\`meter_serial\` text,
  	\`consent_version\` text,
  	\`consent_accepted_at\` text,
  	\`consent_ip\` text,
  	\`handler_group\` text,
  	\`extension_reason\` text,
  	\`answer\` text,
  	\`answer_delivery_state\` text,
  	\`answer_delivery_channel\` text,
  	\`answer_delivery_attempts\` numeric DEFAULT 0,
  	\`answer_delivery_last_error\` text,
  	\`answer_delivery_sent_at\` text,
  	\`answer_delivery_message_id\` text,
  	\`answer_delivery_job_id\` text,
  	\`answered_at\` text,
  	\`history\` text,
  	\`reminders_day_before_for\` text,
  	\`reminders_due_day_for\` text,
  	\`survey_state\` text,
  	\`survey_sent_at\` text,
  	\`survey_rating\` numeric,
  	\`survey_comment\` text,
  	\`survey_rated_at\` text,
  	\`survey_token_hash\` text,
  	\`status_token_hash\` text,
  	\`idempotency_key\` text,
  	\`confirmation_state\` text DEFAULT 'pending' NOT NULL,
  	\`confirmation_job_id\` text,
  	\`confirmation_attempts\` numeric DEFAULT 0,
  	\`confirmation_last_error\` text,
  	\`confirmation_sent_at\` text,
  	\`confirmation_message_id\` text,
  	\`confirmation_next_attempt_at\` text,
  	\`confirmation_claimed_until\` text,
  	\`handler_notice_state\` text,
  	\`handler_notice_attempts\` numeric DEFAULT 0,
  	\`handler_notice_last_error\` text,
  	\`handler_notice_sent_at\` text,
  	\`handler_notice_next_attempt_at\` text,
  	\`handler_notice_claimed_until\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`topic_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`assignee_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_appeals\`("id", "registration_number", "type", "status", "received_at", "deadline_date", "received_outside_working_hours", "work_starts_at", "originals_deadline_date", "topic_id", "assignee_id", "territory", "name", "email", "phone", "answer_channel", "postal_address", "account_number", "audience", "text", "details", "meter_serial", "consent_version", "consent_accepted_at", "consent_ip", "handler_group", "extension_reason", "answer", "answer_delivery_state", "answer_delivery_channel", "answer_delivery_attempts", "answer_delivery_last_error", "answer_delivery_sent_at", "answer_delivery_message_id", "answer_delivery_job_id", "answered_at", "history", "reminders_day_before_for", "reminders_due_day_for", "survey_state", "survey_sent_at", "survey_rating", "survey_comment", "survey_rated_at", "survey_token_hash", "status_token_hash", "idempotency_key", "confirmation_state", "confirmation_job_id", "confirmation_attempts", "confirmation_last_error", "confirmation_sent_at", "confirmation_message_id", "confirmation_next_attempt_at", "confirmation_claimed_until", "handler_notice_state", "handler_notice_attempts", "handler_notice_last_error", "handler_notice_sent_at", "handler_notice_next_attempt_at", "handler_notice_claimed_until", "updated_at", "created_at") SELECT "id", "registration_number", "type", "status", "received_at", "deadline_date", "received_outside_working_hours", "work_starts_at", "originals_deadline_date", "topic_id", "assignee_id", "territory", "name", "email", "phone", "answer_channel", "postal_address", "account_number", "audience", "text", "details", "meter_serial", "consent_version", "consent_accepted_at", "consent_ip", "handler_group", "extension_reason", "answer", "answer_delivery_state", "answer_delivery_channel", "answer_delivery_attempts", "answer_delivery_last_error", "answer_delivery_sent_at", "answer_delivery_message_id", "answer_delivery_job_id", "answered_at", "history", "reminders_day_before_for", "reminders_due_day_for", "survey_state", "survey_sent_at", "survey_rating", "survey_comment", "survey_rated_at", "survey_token_hash", "status_token_hash", "idempotency_key", "confirmation_state", "confirmation_job_id", "confirmation_attempts", "confirmation_last_error", "confirmation_sent_at", "confirmation_message_id", "confirmation_next_attempt_at", "confirmation_claimed_until", "handler_notice_state", "handler_notice_attempts", "handler_notice_last_error", "handler_notice_sent_at", "handler_notice_next_attempt_at", "handler_notice_claimed_until", "updated_at", "created_at" FROM \`appeals\`;`)
  await db.run(sql`DROP TABLE \`appeals\`;`)
  await db.run(sql`ALTER TABLE \`__new_appeals\` RENAME TO \`appeals\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE UNIQUE INDEX \`appeals_registration_number_idx\` ON \`appeals\` (\`registration_number\`);`)
  await db.run(sql`CREATE INDEX \`appeals_status_idx\` ON \`appeals\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`appeals_received_at_idx\` ON \`appeals\` (\`received_at\`);`)
  await db.run(sql`CREATE INDEX \`appeals_deadline_date_idx\` ON \`appeals\` (\`deadline_date\`);`)
  await db.run(sql`CREATE INDEX \`appeals_topic_idx\` ON \`appeals\` (\`topic_id\`);`)
  await db.run(sql`CREATE INDEX \`appeals_assignee_idx\` ON \`appeals\` (\`assignee_id\`);`)
  await db.run(sql`CREATE INDEX \`appeals_territory_idx\` ON \`appeals\` (\`territory\`);`)
  await db.run(sql`CREATE INDEX \`appeals_meter_serial_idx\` ON \`appeals\` (\`meter_serial\`);`)
  await db.run(sql`CREATE INDEX \`appeals_handler_group_idx\` ON \`appeals\` (\`handler_group\`);`)
  await db.run(sql`CREATE INDEX \`appeals_answer_delivery_answer_delivery_state_idx\` ON \`appeals\` (\`answer_delivery_state\`);`)
  await db.run(sql`CREATE INDEX \`appeals_survey_survey_state_idx\` ON \`appeals\` (\`survey_state\`);`)
  await db.run(sql`CREATE INDEX \`appeals_survey_survey_token_hash_idx\` ON \`appeals\` (\`survey_token_hash\`);`)
  await db.run(sql`CREATE INDEX \`appeals_status_token_hash_idx\` ON \`appeals\` (\`status_token_hash\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`appeals_idempotency_key_idx\` ON \`appeals\` (\`idempotency_key\`);`)
  await db.run(sql`CREATE INDEX \`appeals_confirmation_confirmation_state_idx\` ON \`appeals\` (\`confirmation_state\`);`)
  await db.run(sql`CREATE INDEX \`appeals_handler_notice_handler_notice_state_idx\` ON \`appeals\` (\`handler_notice_state\`);`)
  await db.run(sql`CREATE INDEX \`appeals_updated_at_idx\` ON \`appeals\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`appeals_created_at_idx\` ON \`appeals\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`audit_log\` DROP COLUMN \`changes\`;`)
}
