import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`answer_templates\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`appeal_type\` text,
  	\`body\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`answer_templates_updated_at_idx\` ON \`answer_templates\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`answer_templates_created_at_idx\` ON \`answer_templates\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`topics\` ADD \`handler_group\` text;`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`handler_group\` text;`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`assignee_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`extension_reason\` text;`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`answer\` text;`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`answer_delivery_state\` text;`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`answer_delivery_channel\` text;`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`answer_delivery_attempts\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`answer_delivery_last_error\` text;`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`answer_delivery_sent_at\` text;`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`answer_delivery_message_id\` text;`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`answered_at\` text;`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`history\` text;`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`reminders_day_before_for\` text;`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`reminders_due_day_for\` text;`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`survey_state\` text;`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`survey_sent_at\` text;`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`survey_rating\` numeric;`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`survey_comment\` text;`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`survey_rated_at\` text;`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`survey_token_hash\` text;`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`status_token_hash\` text;`)
  await db.run(sql`CREATE INDEX \`appeals_handler_group_idx\` ON \`appeals\` (\`handler_group\`);`)
  await db.run(sql`CREATE INDEX \`appeals_assignee_idx\` ON \`appeals\` (\`assignee_id\`);`)
  await db.run(sql`CREATE INDEX \`appeals_answer_delivery_answer_delivery_state_idx\` ON \`appeals\` (\`answer_delivery_state\`);`)
  await db.run(sql`CREATE INDEX \`appeals_survey_survey_state_idx\` ON \`appeals\` (\`survey_state\`);`)
  await db.run(sql`CREATE INDEX \`appeals_survey_survey_token_hash_idx\` ON \`appeals\` (\`survey_token_hash\`);`)
  await db.run(sql`CREATE INDEX \`appeals_status_token_hash_idx\` ON \`appeals\` (\`status_token_hash\`);`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`position\` text;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`answer_templates_id\` integer REFERENCES answer_templates(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_answer_templates_id_idx\` ON \`payload_locked_documents_rels\` (\`answer_templates_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`answer_templates\`;`)
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
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`pages_id\` integer,
  	\`faq_id\` integer,
  	\`topics_id\` integer,
  	\`tariff_periods_id\` integer,
  	\`unregulated_prices_id\` integer,
  	\`offices_id\` integer,
  	\`news_id\` integer,
  	\`complaint_summaries_id\` integer,
  	\`documents_id\` integer,
  	\`document_files_id\` integer,
  	\`useful_links_id\` integer,
  	\`services_id\` integer,
  	\`redirects_id\` integer,
  	\`appeals_id\` integer,
  	\`appeal_attachments_id\` integer,
  	\`users_id\` integer,
  	\`counters_id\` integer,
  	\`site_builds_id\` integer,
  	\`audit_log_id\` integer,
  	\`search_queries_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`pages_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`faq_id\`) REFERENCES \`faq\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`tariff_periods_id\`) REFERENCES \`tariff_periods\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`unregulated_prices_id\`) REFERENCES \`unregulated_prices\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`offices_id\`) REFERENCES \`offices\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`news_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`complaint_summaries_id\`) REFERENCES \`complaint_summaries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`documents_id\`) REFERENCES \`documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`document_files_id\`) REFERENCES \`document_files\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`useful_links_id\`) REFERENCES \`useful_links\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`services_id\`) REFERENCES \`services\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`redirects_id\`) REFERENCES \`redirects\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`appeals_id\`) REFERENCES \`appeals\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`appeal_attachments_id\`) REFERENCES \`appeal_attachments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`counters_id\`) REFERENCES \`counters\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`site_builds_id\`) REFERENCES \`site_builds\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audit_log_id\`) REFERENCES \`audit_log\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`search_queries_id\`) REFERENCES \`search_queries\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "pages_id", "faq_id", "topics_id", "tariff_periods_id", "unregulated_prices_id", "offices_id", "news_id", "complaint_summaries_id", "documents_id", "document_files_id", "useful_links_id", "services_id", "redirects_id", "appeals_id", "appeal_attachments_id", "users_id", "counters_id", "site_builds_id", "audit_log_id", "search_queries_id") SELECT "id", "order", "parent_id", "path", "pages_id", "faq_id", "topics_id", "tariff_periods_id", "unregulated_prices_id", "offices_id", "news_id", "complaint_summaries_id", "documents_id", "document_files_id", "useful_links_id", "services_id", "redirects_id", "appeals_id", "appeal_attachments_id", "users_id", "counters_id", "site_builds_id", "audit_log_id", "search_queries_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_pages_id_idx\` ON \`payload_locked_documents_rels\` (\`pages_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_faq_id_idx\` ON \`payload_locked_documents_rels\` (\`faq_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_topics_id_idx\` ON \`payload_locked_documents_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_tariff_periods_id_idx\` ON \`payload_locked_documents_rels\` (\`tariff_periods_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_unregulated_prices_id_idx\` ON \`payload_locked_documents_rels\` (\`unregulated_prices_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_offices_id_idx\` ON \`payload_locked_documents_rels\` (\`offices_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_news_id_idx\` ON \`payload_locked_documents_rels\` (\`news_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_complaint_summaries_id_idx\` ON \`payload_locked_documents_rels\` (\`complaint_summaries_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_documents_id_idx\` ON \`payload_locked_documents_rels\` (\`documents_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_document_files_id_idx\` ON \`payload_locked_documents_rels\` (\`document_files_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_useful_links_id_idx\` ON \`payload_locked_documents_rels\` (\`useful_links_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_services_id_idx\` ON \`payload_locked_documents_rels\` (\`services_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_redirects_id_idx\` ON \`payload_locked_documents_rels\` (\`redirects_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_appeals_id_idx\` ON \`payload_locked_documents_rels\` (\`appeals_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_appeal_attachments_id_idx\` ON \`payload_locked_documents_rels\` (\`appeal_attachments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_counters_id_idx\` ON \`payload_locked_documents_rels\` (\`counters_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_site_builds_id_idx\` ON \`payload_locked_documents_rels\` (\`site_builds_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_log_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_log_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_search_queries_id_idx\` ON \`payload_locked_documents_rels\` (\`search_queries_id\`);`)
  await db.run(sql`ALTER TABLE \`topics\` DROP COLUMN \`handler_group\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`position\`;`)
}
