import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`territories_streets\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`text\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`territories\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`territories_streets_order_idx\` ON \`territories_streets\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`territories_streets_parent_id_idx\` ON \`territories_streets\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`news_streets\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`settlement_id\` integer,
  	\`street\` text,
  	FOREIGN KEY (\`settlement_id\`) REFERENCES \`territories\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`news_streets_order_idx\` ON \`news_streets\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`news_streets_parent_id_idx\` ON \`news_streets\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`news_streets_settlement_idx\` ON \`news_streets\` (\`settlement_id\`);`)
  await db.run(sql`CREATE TABLE \`news_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`territories_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`territories_id\`) REFERENCES \`territories\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`news_rels_order_idx\` ON \`news_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`news_rels_parent_idx\` ON \`news_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`news_rels_path_idx\` ON \`news_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`news_rels_territories_id_idx\` ON \`news_rels\` (\`territories_id\`);`)
  await db.run(sql`CREATE TABLE \`_news_v_version_streets\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`settlement_id\` integer,
  	\`street\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`settlement_id\`) REFERENCES \`territories\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_news_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_news_v_version_streets_order_idx\` ON \`_news_v_version_streets\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_streets_parent_id_idx\` ON \`_news_v_version_streets\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_streets_settlement_idx\` ON \`_news_v_version_streets\` (\`settlement_id\`);`)
  await db.run(sql`CREATE TABLE \`_news_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`territories_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_news_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`territories_id\`) REFERENCES \`territories\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_news_v_rels_order_idx\` ON \`_news_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_rels_parent_idx\` ON \`_news_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_rels_path_idx\` ON \`_news_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_rels_territories_id_idx\` ON \`_news_v_rels\` (\`territories_id\`);`)
  await db.run(sql`CREATE TABLE \`alert_subscriptions_streets\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`settlement_id\` integer NOT NULL,
  	\`street\` text NOT NULL,
  	FOREIGN KEY (\`settlement_id\`) REFERENCES \`territories\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`alert_subscriptions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`alert_subscriptions_streets_order_idx\` ON \`alert_subscriptions_streets\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`alert_subscriptions_streets_parent_id_idx\` ON \`alert_subscriptions_streets\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`alert_subscriptions_streets_settlement_idx\` ON \`alert_subscriptions_streets\` (\`settlement_id\`);`)
  await db.run(sql`CREATE TABLE \`alert_subscriptions_kinds\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`alert_subscriptions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`alert_subscriptions_kinds_order_idx\` ON \`alert_subscriptions_kinds\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`alert_subscriptions_kinds_parent_idx\` ON \`alert_subscriptions_kinds\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`alert_subscriptions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`email\` text NOT NULL,
  	\`state\` text DEFAULT 'pending' NOT NULL,
  	\`requested\` text,
  	\`consent_version\` text,
  	\`consent_method\` text,
  	\`consent_accepted_at\` text,
  	\`consent_ip\` text,
  	\`confirmed_at\` text,
  	\`unsubscribed_at\` text,
  	\`confirm_token_hash\` text,
  	\`confirm_token_expires_at\` text,
  	\`manage_nonce\` text,
  	\`confirmations_day\` text,
  	\`confirmations_count\` numeric DEFAULT 0,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`alert_subscriptions_email_idx\` ON \`alert_subscriptions\` (\`email\`);`)
  await db.run(sql`CREATE INDEX \`alert_subscriptions_state_idx\` ON \`alert_subscriptions\` (\`state\`);`)
  await db.run(sql`CREATE INDEX \`alert_subscriptions_confirmed_at_idx\` ON \`alert_subscriptions\` (\`confirmed_at\`);`)
  await db.run(sql`CREATE INDEX \`alert_subscriptions_confirm_token_hash_idx\` ON \`alert_subscriptions\` (\`confirm_token_hash\`);`)
  await db.run(sql`CREATE INDEX \`alert_subscriptions_updated_at_idx\` ON \`alert_subscriptions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`alert_subscriptions_created_at_idx\` ON \`alert_subscriptions\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`alert_subscriptions_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`territories_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`alert_subscriptions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`territories_id\`) REFERENCES \`territories\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`alert_subscriptions_rels_order_idx\` ON \`alert_subscriptions_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`alert_subscriptions_rels_parent_idx\` ON \`alert_subscriptions_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`alert_subscriptions_rels_path_idx\` ON \`alert_subscriptions_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`alert_subscriptions_rels_territories_id_idx\` ON \`alert_subscriptions_rels\` (\`territories_id\`);`)
  await db.run(sql`DROP TABLE \`news_settlements\`;`)
  await db.run(sql`DROP TABLE \`_news_v_version_settlements\`;`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`outage_state\` text;`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`outage_start\` text;`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`outage_end\` text;`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`notify_subscribers\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`news_outage_state_idx\` ON \`news\` (\`outage_state\`);`)
  await db.run(sql`CREATE INDEX \`news_outage_start_idx\` ON \`news\` (\`outage_start\`);`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_outage_state\` text;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_outage_start\` text;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_outage_end\` text;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_notify_subscribers\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_outage_state_idx\` ON \`_news_v\` (\`version_outage_state\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_outage_start_idx\` ON \`_news_v\` (\`version_outage_start\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`alert_subscriptions_id\` integer REFERENCES alert_subscriptions(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_alert_subscriptions_id_idx\` ON \`payload_locked_documents_rels\` (\`alert_subscriptions_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`news_settlements\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`news_settlements_order_idx\` ON \`news_settlements\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`news_settlements_parent_id_idx\` ON \`news_settlements\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_news_v_version_settlements\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`text\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_news_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_news_v_version_settlements_order_idx\` ON \`_news_v_version_settlements\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_settlements_parent_id_idx\` ON \`_news_v_version_settlements\` (\`_parent_id\`);`)
  await db.run(sql`DROP TABLE \`territories_streets\`;`)
  await db.run(sql`DROP TABLE \`news_streets\`;`)
  await db.run(sql`DROP TABLE \`news_rels\`;`)
  await db.run(sql`DROP TABLE \`_news_v_version_streets\`;`)
  await db.run(sql`DROP TABLE \`_news_v_rels\`;`)
  await db.run(sql`DROP TABLE \`alert_subscriptions_streets\`;`)
  await db.run(sql`DROP TABLE \`alert_subscriptions_kinds\`;`)
  await db.run(sql`DROP TABLE \`alert_subscriptions\`;`)
  await db.run(sql`DROP TABLE \`alert_subscriptions_rels\`;`)
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
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "pages_id", "faq_id", "topics_id", "territories_id", "tariff_periods_id", "unregulated_prices_id", "offices_id", "news_id", "complaint_summaries_id", "quarterly_reports_id", "answer_templates_id", "documents_id", "document_files_id", "useful_links_id", "services_id", "redirects_id", "appeals_id", "appeal_notices_id", "appeal_attachments_id", "users_id", "counters_id", "human_check_uses_id", "site_builds_id", "backup_runs_id", "backup_alerts_id", "audit_log_id", "search_queries_id") SELECT "id", "order", "parent_id", "path", "pages_id", "faq_id", "topics_id", "territories_id", "tariff_periods_id", "unregulated_prices_id", "offices_id", "news_id", "complaint_summaries_id", "quarterly_reports_id", "answer_templates_id", "documents_id", "document_files_id", "useful_links_id", "services_id", "redirects_id", "appeals_id", "appeal_notices_id", "appeal_attachments_id", "users_id", "counters_id", "human_check_uses_id", "site_builds_id", "backup_runs_id", "backup_alerts_id", "audit_log_id", "search_queries_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_appeal_attachments_id_idx\` ON \`payload_locked_documents_rels\` (\`appeal_attachments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_counters_id_idx\` ON \`payload_locked_documents_rels\` (\`counters_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_human_check_uses_id_idx\` ON \`payload_locked_documents_rels\` (\`human_check_uses_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_site_builds_id_idx\` ON \`payload_locked_documents_rels\` (\`site_builds_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_backup_runs_id_idx\` ON \`payload_locked_documents_rels\` (\`backup_runs_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_backup_alerts_id_idx\` ON \`payload_locked_documents_rels\` (\`backup_alerts_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_log_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_log_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_search_queries_id_idx\` ON \`payload_locked_documents_rels\` (\`search_queries_id\`);`)
  await db.run(sql`DROP INDEX \`news_outage_state_idx\`;`)
  await db.run(sql`DROP INDEX \`news_outage_start_idx\`;`)
  await db.run(sql`ALTER TABLE \`news\` DROP COLUMN \`outage_state\`;`)
  await db.run(sql`ALTER TABLE \`news\` DROP COLUMN \`outage_start\`;`)
  await db.run(sql`ALTER TABLE \`news\` DROP COLUMN \`outage_end\`;`)
  await db.run(sql`ALTER TABLE \`news\` DROP COLUMN \`notify_subscribers\`;`)
  await db.run(sql`DROP INDEX \`_news_v_version_version_outage_state_idx\`;`)
  await db.run(sql`DROP INDEX \`_news_v_version_version_outage_start_idx\`;`)
  await db.run(sql`ALTER TABLE \`_news_v\` DROP COLUMN \`version_outage_state\`;`)
  await db.run(sql`ALTER TABLE \`_news_v\` DROP COLUMN \`version_outage_start\`;`)
  await db.run(sql`ALTER TABLE \`_news_v\` DROP COLUMN \`version_outage_end\`;`)
  await db.run(sql`ALTER TABLE \`_news_v\` DROP COLUMN \`version_notify_subscribers\`;`)
}
