import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`quarterly_reports_rows\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`topic\` text,
  	\`count\` numeric,
  	\`previous_count\` numeric,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`quarterly_reports\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`quarterly_reports_rows_order_idx\` ON \`quarterly_reports_rows\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`quarterly_reports_rows_parent_id_idx\` ON \`quarterly_reports_rows\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`quarterly_reports\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`quarter\` text,
  	\`filled_at\` text,
  	\`note\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft'
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`quarterly_reports_quarter_idx\` ON \`quarterly_reports\` (\`quarter\`);`)
  await db.run(sql`CREATE INDEX \`quarterly_reports_updated_at_idx\` ON \`quarterly_reports\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`quarterly_reports_created_at_idx\` ON \`quarterly_reports\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`quarterly_reports__status_idx\` ON \`quarterly_reports\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`_quarterly_reports_v_version_rows\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`topic\` text,
  	\`count\` numeric,
  	\`previous_count\` numeric,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_quarterly_reports_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_quarterly_reports_v_version_rows_order_idx\` ON \`_quarterly_reports_v_version_rows\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_quarterly_reports_v_version_rows_parent_id_idx\` ON \`_quarterly_reports_v_version_rows\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_quarterly_reports_v\` (
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
  await db.run(sql`CREATE INDEX \`_quarterly_reports_v_parent_idx\` ON \`_quarterly_reports_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_quarterly_reports_v_version_version_quarter_idx\` ON \`_quarterly_reports_v\` (\`version_quarter\`);`)
  await db.run(sql`CREATE INDEX \`_quarterly_reports_v_version_version_updated_at_idx\` ON \`_quarterly_reports_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_quarterly_reports_v_version_version_created_at_idx\` ON \`_quarterly_reports_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_quarterly_reports_v_version_version__status_idx\` ON \`_quarterly_reports_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_quarterly_reports_v_created_at_idx\` ON \`_quarterly_reports_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_quarterly_reports_v_updated_at_idx\` ON \`_quarterly_reports_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_quarterly_reports_v_latest_idx\` ON \`_quarterly_reports_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`human_check_uses\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`challenge_hash\` text NOT NULL,
  	\`idempotency_key\` text,
  	\`expires_at\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`human_check_uses_challenge_hash_idx\` ON \`human_check_uses\` (\`challenge_hash\`);`)
  await db.run(sql`CREATE INDEX \`human_check_uses_expires_at_idx\` ON \`human_check_uses\` (\`expires_at\`);`)
  await db.run(sql`CREATE INDEX \`human_check_uses_updated_at_idx\` ON \`human_check_uses\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`human_check_uses_created_at_idx\` ON \`human_check_uses\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`complaint_summaries\` ADD \`appeal_id\` integer REFERENCES appeals(id);`)
  await db.run(sql`CREATE INDEX \`complaint_summaries_appeal_idx\` ON \`complaint_summaries\` (\`appeal_id\`);`)
  await db.run(sql`ALTER TABLE \`_complaint_summaries_v\` ADD \`version_appeal_id\` integer REFERENCES appeals(id);`)
  await db.run(sql`CREATE INDEX \`_complaint_summaries_v_version_version_appeal_idx\` ON \`_complaint_summaries_v\` (\`version_appeal_id\`);`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`confirmation_next_attempt_at\` text;`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`confirmation_claimed_until\` text;`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`handler_notice_state\` text;`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`handler_notice_attempts\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`handler_notice_last_error\` text;`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`handler_notice_sent_at\` text;`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`handler_notice_next_attempt_at\` text;`)
  await db.run(sql`ALTER TABLE \`appeals\` ADD \`handler_notice_claimed_until\` text;`)
  await db.run(sql`CREATE INDEX \`appeals_handler_notice_handler_notice_state_idx\` ON \`appeals\` (\`handler_notice_state\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`quarterly_reports_id\` integer REFERENCES quarterly_reports(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`human_check_uses_id\` integer REFERENCES human_check_uses(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_quarterly_reports_id_idx\` ON \`payload_locked_documents_rels\` (\`quarterly_reports_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_human_check_uses_id_idx\` ON \`payload_locked_documents_rels\` (\`human_check_uses_id\`);`)
  await db.run(sql`ALTER TABLE \`company_settings\` ADD \`email_appeal_topic\` text DEFAULT 'prochee';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`quarterly_reports_rows\`;`)
  await db.run(sql`DROP TABLE \`quarterly_reports\`;`)
  await db.run(sql`DROP TABLE \`_quarterly_reports_v_version_rows\`;`)
  await db.run(sql`DROP TABLE \`_quarterly_reports_v\`;`)
  await db.run(sql`DROP TABLE \`human_check_uses\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_complaint_summaries\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`topic_id\` integer,
  	\`month\` text,
  	\`summary\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`topic_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_complaint_summaries\`("id", "topic_id", "month", "summary", "updated_at", "created_at", "_status") SELECT "id", "topic_id", "month", "summary", "updated_at", "created_at", "_status" FROM \`complaint_summaries\`;`)
  await db.run(sql`DROP TABLE \`complaint_summaries\`;`)
  await db.run(sql`ALTER TABLE \`__new_complaint_summaries\` RENAME TO \`complaint_summaries\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`complaint_summaries_topic_idx\` ON \`complaint_summaries\` (\`topic_id\`);`)
  await db.run(sql`CREATE INDEX \`complaint_summaries_month_idx\` ON \`complaint_summaries\` (\`month\`);`)
  await db.run(sql`CREATE INDEX \`complaint_summaries_updated_at_idx\` ON \`complaint_summaries\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`complaint_summaries_created_at_idx\` ON \`complaint_summaries\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`complaint_summaries__status_idx\` ON \`complaint_summaries\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__complaint_summaries_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_topic_id\` integer,
  	\`version_month\` text,
  	\`version_summary\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`complaint_summaries\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_topic_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__complaint_summaries_v\`("id", "parent_id", "version_topic_id", "version_month", "version_summary", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_topic_id", "version_month", "version_summary", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_complaint_summaries_v\`;`)
  await db.run(sql`DROP TABLE \`_complaint_summaries_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__complaint_summaries_v\` RENAME TO \`_complaint_summaries_v\`;`)
  await db.run(sql`CREATE INDEX \`_complaint_summaries_v_parent_idx\` ON \`_complaint_summaries_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_complaint_summaries_v_version_version_topic_idx\` ON \`_complaint_summaries_v\` (\`version_topic_id\`);`)
  await db.run(sql`CREATE INDEX \`_complaint_summaries_v_version_version_month_idx\` ON \`_complaint_summaries_v\` (\`version_month\`);`)
  await db.run(sql`CREATE INDEX \`_complaint_summaries_v_version_version_updated_at_idx\` ON \`_complaint_summaries_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_complaint_summaries_v_version_version_created_at_idx\` ON \`_complaint_summaries_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_complaint_summaries_v_version_version__status_idx\` ON \`_complaint_summaries_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_complaint_summaries_v_created_at_idx\` ON \`_complaint_summaries_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_complaint_summaries_v_updated_at_idx\` ON \`_complaint_summaries_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_complaint_summaries_v_latest_idx\` ON \`_complaint_summaries_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`pages_id\` integer,
  	\`faq_id\` integer,
  	\`topics_id\` integer,
  	\`territories_id\` integer,
  	\`tariff_periods_id\` integer,
  	\`unregulated_prices_id\` integer,
  	\`offices_id\` integer,
  	\`news_id\` integer,
  	\`complaint_summaries_id\` integer,
  	\`answer_templates_id\` integer,
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
  	FOREIGN KEY (\`territories_id\`) REFERENCES \`territories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`tariff_periods_id\`) REFERENCES \`tariff_periods\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`unregulated_prices_id\`) REFERENCES \`unregulated_prices\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`offices_id\`) REFERENCES \`offices\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`news_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`complaint_summaries_id\`) REFERENCES \`complaint_summaries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`answer_templates_id\`) REFERENCES \`answer_templates\`(\`id\`) ON UPDATE no action ON DELETE cascade,
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
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "pages_id", "faq_id", "topics_id", "territories_id", "tariff_periods_id", "unregulated_prices_id", "offices_id", "news_id", "complaint_summaries_id", "answer_templates_id", "documents_id", "document_files_id", "useful_links_id", "services_id", "redirects_id", "appeals_id", "appeal_attachments_id", "users_id", "counters_id", "site_builds_id", "audit_log_id", "search_queries_id") SELECT "id", "order", "parent_id", "path", "pages_id", "faq_id", "topics_id", "territories_id", "tariff_periods_id", "unregulated_prices_id", "offices_id", "news_id", "complaint_summaries_id", "answer_templates_id", "documents_id", "document_files_id", "useful_links_id", "services_id", "redirects_id", "appeals_id", "appeal_attachments_id", "users_id", "counters_id", "site_builds_id", "audit_log_id", "search_queries_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_pages_id_idx\` ON \`payload_locked_documents_rels\` (\`pages_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_faq_id_idx\` ON \`payload_locked_documents_rels\` (\`faq_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_topics_id_idx\` ON \`payload_locked_documents_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_territories_id_idx\` ON \`payload_locked_documents_rels\` (\`territories_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_tariff_periods_id_idx\` ON \`payload_locked_documents_rels\` (\`tariff_periods_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_unregulated_prices_id_idx\` ON \`payload_locked_documents_rels\` (\`unregulated_prices_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_offices_id_idx\` ON \`payload_locked_documents_rels\` (\`offices_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_news_id_idx\` ON \`payload_locked_documents_rels\` (\`news_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_complaint_summaries_id_idx\` ON \`payload_locked_documents_rels\` (\`complaint_summaries_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_answer_templates_id_idx\` ON \`payload_locked_documents_rels\` (\`answer_templates_id\`);`)
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
  await db.run(sql`DROP INDEX \`appeals_handler_notice_handler_notice_state_idx\`;`)
  await db.run(sql`ALTER TABLE \`appeals\` DROP COLUMN \`confirmation_next_attempt_at\`;`)
  await db.run(sql`ALTER TABLE \`appeals\` DROP COLUMN \`confirmation_claimed_until\`;`)
  await db.run(sql`ALTER TABLE \`appeals\` DROP COLUMN \`handler_notice_state\`;`)
  await db.run(sql`ALTER TABLE \`appeals\` DROP COLUMN \`handler_notice_attempts\`;`)
  await db.run(sql`ALTER TABLE \`appeals\` DROP COLUMN \`handler_notice_last_error\`;`)
  await db.run(sql`ALTER TABLE \`appeals\` DROP COLUMN \`handler_notice_sent_at\`;`)
  await db.run(sql`ALTER TABLE \`appeals\` DROP COLUMN \`handler_notice_next_attempt_at\`;`)
  await db.run(sql`ALTER TABLE \`appeals\` DROP COLUMN \`handler_notice_claimed_until\`;`)
  await db.run(sql`ALTER TABLE \`company_settings\` DROP COLUMN \`email_appeal_topic\`;`)
}
