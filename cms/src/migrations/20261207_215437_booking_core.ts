import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`offices_booking_topics\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`topic_id\` integer,
  	\`slot_minutes\` numeric DEFAULT 15,
  	\`desks\` text DEFAULT '1',
  	\`documents\` text,
  	FOREIGN KEY (\`topic_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`offices\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`offices_booking_topics_order_idx\` ON \`offices_booking_topics\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`offices_booking_topics_parent_id_idx\` ON \`offices_booking_topics\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`offices_booking_topics_topic_idx\` ON \`offices_booking_topics\` (\`topic_id\`);`)
  await db.run(sql`CREATE TABLE \`offices_booking_closed_dates\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`date\` text,
  	\`note\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`offices\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`offices_booking_closed_dates_order_idx\` ON \`offices_booking_closed_dates\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`offices_booking_closed_dates_parent_id_idx\` ON \`offices_booking_closed_dates\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`offices_booking_closed_dates_date_idx\` ON \`offices_booking_closed_dates\` (\`date\`);`)
  await db.run(sql`CREATE TABLE \`_offices_v_version_booking_topics\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`topic_id\` integer,
  	\`slot_minutes\` numeric DEFAULT 15,
  	\`desks\` text DEFAULT '1',
  	\`documents\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`topic_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_offices_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_offices_v_version_booking_topics_order_idx\` ON \`_offices_v_version_booking_topics\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_offices_v_version_booking_topics_parent_id_idx\` ON \`_offices_v_version_booking_topics\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_offices_v_version_booking_topics_topic_idx\` ON \`_offices_v_version_booking_topics\` (\`topic_id\`);`)
  await db.run(sql`CREATE TABLE \`_offices_v_version_booking_closed_dates\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`date\` text,
  	\`note\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_offices_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_offices_v_version_booking_closed_dates_order_idx\` ON \`_offices_v_version_booking_closed_dates\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_offices_v_version_booking_closed_dates_parent_id_idx\` ON \`_offices_v_version_booking_closed_dates\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_offices_v_version_booking_closed_dates_date_idx\` ON \`_offices_v_version_booking_closed_dates\` (\`date\`);`)
  await db.run(sql`CREATE TABLE \`bookings\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`code\` text NOT NULL,
  	\`office_id\` integer NOT NULL,
  	\`topic_id\` integer NOT NULL,
  	\`date\` text NOT NULL,
  	\`start_time\` text NOT NULL,
  	\`end_time\` text NOT NULL,
  	\`desk\` numeric NOT NULL,
  	\`starts_at\` text NOT NULL,
  	\`state\` text DEFAULT 'booked' NOT NULL,
  	\`channel\` text NOT NULL,
  	\`staff_user_id\` integer,
  	\`name\` text NOT NULL,
  	\`phone\` text,
  	\`email\` text,
  	\`manage_token_hash\` text,
  	\`consent_version\` text,
  	\`consent_accepted_at\` text,
  	\`consent_method\` text,
  	\`cancelled_at\` text,
  	\`cancelled_by\` text,
  	\`moves\` numeric DEFAULT 0,
  	\`staff_note\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`office_id\`) REFERENCES \`offices\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`topic_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`staff_user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`bookings_code_idx\` ON \`bookings\` (\`code\`);`)
  await db.run(sql`CREATE INDEX \`bookings_office_idx\` ON \`bookings\` (\`office_id\`);`)
  await db.run(sql`CREATE INDEX \`bookings_topic_idx\` ON \`bookings\` (\`topic_id\`);`)
  await db.run(sql`CREATE INDEX \`bookings_date_idx\` ON \`bookings\` (\`date\`);`)
  await db.run(sql`CREATE INDEX \`bookings_starts_at_idx\` ON \`bookings\` (\`starts_at\`);`)
  await db.run(sql`CREATE INDEX \`bookings_state_idx\` ON \`bookings\` (\`state\`);`)
  await db.run(sql`CREATE INDEX \`bookings_staff_user_idx\` ON \`bookings\` (\`staff_user_id\`);`)
  await db.run(sql`CREATE INDEX \`bookings_manage_token_hash_idx\` ON \`bookings\` (\`manage_token_hash\`);`)
  await db.run(sql`CREATE INDEX \`bookings_updated_at_idx\` ON \`bookings\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`bookings_created_at_idx\` ON \`bookings\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`bookings_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`bookings\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`bookings_texts_order_parent\` ON \`bookings_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`bookings_texts_text_idx\` ON \`bookings_texts\` (\`text\`);`)
  await db.run(sql`CREATE TABLE \`booking_claims\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`cell\` text NOT NULL,
  	\`booking\` text NOT NULL,
  	\`holder\` text NOT NULL,
  	\`office\` text NOT NULL,
  	\`date\` text NOT NULL,
  	\`desk\` numeric NOT NULL,
  	\`time\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`booking_claims_cell_idx\` ON \`booking_claims\` (\`cell\`);`)
  await db.run(sql`CREATE INDEX \`booking_claims_booking_idx\` ON \`booking_claims\` (\`booking\`);`)
  await db.run(sql`CREATE INDEX \`booking_claims_date_idx\` ON \`booking_claims\` (\`date\`);`)
  await db.run(sql`CREATE INDEX \`booking_claims_updated_at_idx\` ON \`booking_claims\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`booking_claims_created_at_idx\` ON \`booking_claims\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`offices\` ADD \`booking_enabled\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`offices\` ADD \`booking_horizon_days\` numeric DEFAULT 14;`)
  await db.run(sql`ALTER TABLE \`_offices_v\` ADD \`version_booking_enabled\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_offices_v\` ADD \`version_booking_horizon_days\` numeric DEFAULT 14;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`bookings_id\` integer REFERENCES bookings(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`booking_claims_id\` integer REFERENCES booking_claims(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_bookings_id_idx\` ON \`payload_locked_documents_rels\` (\`bookings_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_booking_claims_id_idx\` ON \`payload_locked_documents_rels\` (\`booking_claims_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`offices_booking_topics\`;`)
  await db.run(sql`DROP TABLE \`offices_booking_closed_dates\`;`)
  await db.run(sql`DROP TABLE \`_offices_v_version_booking_topics\`;`)
  await db.run(sql`DROP TABLE \`_offices_v_version_booking_closed_dates\`;`)
  await db.run(sql`DROP TABLE \`bookings\`;`)
  await db.run(sql`DROP TABLE \`bookings_texts\`;`)
  await db.run(sql`DROP TABLE \`booking_claims\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
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
  	\`quarterly_reports_id\` integer,
  	\`answer_templates_id\` integer,
  	\`documents_id\` integer,
  	\`document_files_id\` integer,
  	\`useful_links_id\` integer,
  	\`services_id\` integer,
  	\`redirects_id\` integer,
  	\`appeals_id\` integer,
  	\`appeal_notices_id\` integer,
  	\`outgoing_letters_id\` integer,
  	\`appeal_attachments_id\` integer,
  	\`users_id\` integer,
  	\`counters_id\` integer,
  	\`human_check_uses_id\` integer,
  	\`site_builds_id\` integer,
  	\`backup_runs_id\` integer,
  	\`backup_alerts_id\` integer,
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
  	FOREIGN KEY (\`quarterly_reports_id\`) REFERENCES \`quarterly_reports\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`answer_templates_id\`) REFERENCES \`answer_templates\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`documents_id\`) REFERENCES \`documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`document_files_id\`) REFERENCES \`document_files\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`useful_links_id\`) REFERENCES \`useful_links\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`services_id\`) REFERENCES \`services\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`redirects_id\`) REFERENCES \`redirects\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`appeals_id\`) REFERENCES \`appeals\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`appeal_notices_id\`) REFERENCES \`appeal_notices\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`outgoing_letters_id\`) REFERENCES \`outgoing_letters\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`appeal_attachments_id\`) REFERENCES \`appeal_attachments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`counters_id\`) REFERENCES \`counters\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`human_check_uses_id\`) REFERENCES \`human_check_uses\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`site_builds_id\`) REFERENCES \`site_builds\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`backup_runs_id\`) REFERENCES \`backup_runs\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`backup_alerts_id\`) REFERENCES \`backup_alerts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audit_log_id\`) REFERENCES \`audit_log\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`search_queries_id\`) REFERENCES \`search_queries\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "pages_id", "faq_id", "topics_id", "territories_id", "tariff_periods_id", "unregulated_prices_id", "offices_id", "news_id", "complaint_summaries_id", "quarterly_reports_id", "answer_templates_id", "documents_id", "document_files_id", "useful_links_id", "services_id", "redirects_id", "appeals_id", "appeal_notices_id", "outgoing_letters_id", "appeal_attachments_id", "users_id", "counters_id", "human_check_uses_id", "site_builds_id", "backup_runs_id", "backup_alerts_id", "audit_log_id", "search_queries_id") SELECT "id", "order", "parent_id", "path", "pages_id", "faq_id", "topics_id", "territories_id", "tariff_periods_id", "unregulated_prices_id", "offices_id", "news_id", "complaint_summaries_id", "quarterly_reports_id", "answer_templates_id", "documents_id", "document_files_id", "useful_links_id", "services_id", "redirects_id", "appeals_id", "appeal_notices_id", "outgoing_letters_id", "appeal_attachments_id", "users_id", "counters_id", "human_check_uses_id", "site_builds_id", "backup_runs_id", "backup_alerts_id", "audit_log_id", "search_queries_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_quarterly_reports_id_idx\` ON \`payload_locked_documents_rels\` (\`quarterly_reports_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_answer_templates_id_idx\` ON \`payload_locked_documents_rels\` (\`answer_templates_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_documents_id_idx\` ON \`payload_locked_documents_rels\` (\`documents_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_document_files_id_idx\` ON \`payload_locked_documents_rels\` (\`document_files_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_useful_links_id_idx\` ON \`payload_locked_documents_rels\` (\`useful_links_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_services_id_idx\` ON \`payload_locked_documents_rels\` (\`services_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_redirects_id_idx\` ON \`payload_locked_documents_rels\` (\`redirects_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_appeals_id_idx\` ON \`payload_locked_documents_rels\` (\`appeals_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_appeal_notices_id_idx\` ON \`payload_locked_documents_rels\` (\`appeal_notices_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_outgoing_letters_id_idx\` ON \`payload_locked_documents_rels\` (\`outgoing_letters_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_appeal_attachments_id_idx\` ON \`payload_locked_documents_rels\` (\`appeal_attachments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_counters_id_idx\` ON \`payload_locked_documents_rels\` (\`counters_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_human_check_uses_id_idx\` ON \`payload_locked_documents_rels\` (\`human_check_uses_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_site_builds_id_idx\` ON \`payload_locked_documents_rels\` (\`site_builds_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_backup_runs_id_idx\` ON \`payload_locked_documents_rels\` (\`backup_runs_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_backup_alerts_id_idx\` ON \`payload_locked_documents_rels\` (\`backup_alerts_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_log_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_log_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_search_queries_id_idx\` ON \`payload_locked_documents_rels\` (\`search_queries_id\`);`)
  await db.run(sql`ALTER TABLE \`offices\` DROP COLUMN \`booking_enabled\`;`)
  await db.run(sql`ALTER TABLE \`offices\` DROP COLUMN \`booking_horizon_days\`;`)
  await db.run(sql`ALTER TABLE \`_offices_v\` DROP COLUMN \`version_booking_enabled\`;`)
  await db.run(sql`ALTER TABLE \`_offices_v\` DROP COLUMN \`version_booking_horizon_days\`;`)
}
