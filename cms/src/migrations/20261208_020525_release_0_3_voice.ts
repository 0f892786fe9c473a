import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`reviews_redactions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`by_id\` integer,
  	\`at\` text,
  	\`note\` text,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`reviews\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`reviews_redactions_order_idx\` ON \`reviews_redactions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`reviews_redactions_parent_id_idx\` ON \`reviews_redactions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`reviews_redactions_by_idx\` ON \`reviews_redactions\` (\`by_id\`);`)
  await db.run(sql`CREATE TABLE \`reviews\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`rating\` numeric NOT NULL,
  	\`channel\` text NOT NULL,
  	\`office_id\` integer,
  	\`text\` text NOT NULL,
  	\`official_reply_text\` text,
  	\`official_reply_by_id\` integer,
  	\`official_reply_at\` text,
  	\`moderation_state\` text DEFAULT 'unverified' NOT NULL,
  	\`author_name\` text NOT NULL,
  	\`author_email\` text NOT NULL,
  	\`submitted_at\` text,
  	\`email_verified_at\` text,
  	\`verification_token_hash\` text,
  	\`consent_version\` text,
  	\`consent_accepted_at\` text,
  	\`rejection_reason\` text,
  	\`official\` integer DEFAULT false,
  	\`approved_at\` text,
  	\`approved_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`office_id\`) REFERENCES \`offices\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`official_reply_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`approved_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`reviews_rating_idx\` ON \`reviews\` (\`rating\`);`)
  await db.run(sql`CREATE INDEX \`reviews_office_idx\` ON \`reviews\` (\`office_id\`);`)
  await db.run(sql`CREATE INDEX \`reviews_official_reply_official_reply_by_idx\` ON \`reviews\` (\`official_reply_by_id\`);`)
  await db.run(sql`CREATE INDEX \`reviews_moderation_state_idx\` ON \`reviews\` (\`moderation_state\`);`)
  await db.run(sql`CREATE INDEX \`reviews_submitted_at_idx\` ON \`reviews\` (\`submitted_at\`);`)
  await db.run(sql`CREATE INDEX \`reviews_email_verified_at_idx\` ON \`reviews\` (\`email_verified_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`reviews_verification_token_hash_idx\` ON \`reviews\` (\`verification_token_hash\`);`)
  await db.run(sql`CREATE INDEX \`reviews_approved_at_idx\` ON \`reviews\` (\`approved_at\`);`)
  await db.run(sql`CREATE INDEX \`reviews_approved_by_idx\` ON \`reviews\` (\`approved_by_id\`);`)
  await db.run(sql`CREATE INDEX \`reviews_updated_at_idx\` ON \`reviews\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`reviews_created_at_idx\` ON \`reviews\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`forum_threads_moved_from\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`section_id\` integer,
  	\`at\` text,
  	\`by_id\` integer,
  	FOREIGN KEY (\`section_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`forum_threads\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`forum_threads_moved_from_order_idx\` ON \`forum_threads_moved_from\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`forum_threads_moved_from_parent_id_idx\` ON \`forum_threads_moved_from\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`forum_threads_moved_from_section_idx\` ON \`forum_threads_moved_from\` (\`section_id\`);`)
  await db.run(sql`CREATE INDEX \`forum_threads_moved_from_by_idx\` ON \`forum_threads_moved_from\` (\`by_id\`);`)
  await db.run(sql`CREATE TABLE \`forum_threads_redactions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`by_id\` integer,
  	\`at\` text,
  	\`note\` text,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`forum_threads\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`forum_threads_redactions_order_idx\` ON \`forum_threads_redactions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`forum_threads_redactions_parent_id_idx\` ON \`forum_threads_redactions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`forum_threads_redactions_by_idx\` ON \`forum_threads_redactions\` (\`by_id\`);`)
  await db.run(sql`CREATE TABLE \`forum_threads\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`section_id\` integer NOT NULL,
  	\`text\` text NOT NULL,
  	\`state\` text DEFAULT 'open' NOT NULL,
  	\`pinned\` integer DEFAULT false,
  	\`author_notices\` integer DEFAULT true,
  	\`moderation_state\` text DEFAULT 'unverified' NOT NULL,
  	\`author_name\` text NOT NULL,
  	\`author_email\` text NOT NULL,
  	\`submitted_at\` text,
  	\`email_verified_at\` text,
  	\`verification_token_hash\` text,
  	\`consent_version\` text,
  	\`consent_accepted_at\` text,
  	\`rejection_reason\` text,
  	\`official\` integer DEFAULT false,
  	\`approved_at\` text,
  	\`approved_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`section_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`approved_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`forum_threads_section_idx\` ON \`forum_threads\` (\`section_id\`);`)
  await db.run(sql`CREATE INDEX \`forum_threads_moderation_state_idx\` ON \`forum_threads\` (\`moderation_state\`);`)
  await db.run(sql`CREATE INDEX \`forum_threads_submitted_at_idx\` ON \`forum_threads\` (\`submitted_at\`);`)
  await db.run(sql`CREATE INDEX \`forum_threads_email_verified_at_idx\` ON \`forum_threads\` (\`email_verified_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`forum_threads_verification_token_hash_idx\` ON \`forum_threads\` (\`verification_token_hash\`);`)
  await db.run(sql`CREATE INDEX \`forum_threads_approved_at_idx\` ON \`forum_threads\` (\`approved_at\`);`)
  await db.run(sql`CREATE INDEX \`forum_threads_approved_by_idx\` ON \`forum_threads\` (\`approved_by_id\`);`)
  await db.run(sql`CREATE INDEX \`forum_threads_updated_at_idx\` ON \`forum_threads\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`forum_threads_created_at_idx\` ON \`forum_threads\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`forum_posts_redactions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`by_id\` integer,
  	\`at\` text,
  	\`note\` text,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`forum_posts\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`forum_posts_redactions_order_idx\` ON \`forum_posts_redactions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`forum_posts_redactions_parent_id_idx\` ON \`forum_posts_redactions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`forum_posts_redactions_by_idx\` ON \`forum_posts_redactions\` (\`by_id\`);`)
  await db.run(sql`CREATE TABLE \`forum_posts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`thread_id\` integer NOT NULL,
  	\`text\` text NOT NULL,
  	\`faq_draft_id\` integer,
  	\`moderation_state\` text DEFAULT 'unverified' NOT NULL,
  	\`author_name\` text NOT NULL,
  	\`author_email\` text NOT NULL,
  	\`submitted_at\` text,
  	\`email_verified_at\` text,
  	\`verification_token_hash\` text,
  	\`consent_version\` text,
  	\`consent_accepted_at\` text,
  	\`rejection_reason\` text,
  	\`official\` integer DEFAULT false,
  	\`approved_at\` text,
  	\`approved_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`thread_id\`) REFERENCES \`forum_threads\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`faq_draft_id\`) REFERENCES \`faq\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`approved_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`forum_posts_thread_idx\` ON \`forum_posts\` (\`thread_id\`);`)
  await db.run(sql`CREATE INDEX \`forum_posts_faq_draft_idx\` ON \`forum_posts\` (\`faq_draft_id\`);`)
  await db.run(sql`CREATE INDEX \`forum_posts_moderation_state_idx\` ON \`forum_posts\` (\`moderation_state\`);`)
  await db.run(sql`CREATE INDEX \`forum_posts_submitted_at_idx\` ON \`forum_posts\` (\`submitted_at\`);`)
  await db.run(sql`CREATE INDEX \`forum_posts_email_verified_at_idx\` ON \`forum_posts\` (\`email_verified_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`forum_posts_verification_token_hash_idx\` ON \`forum_posts\` (\`verification_token_hash\`);`)
  await db.run(sql`CREATE INDEX \`forum_posts_approved_at_idx\` ON \`forum_posts\` (\`approved_at\`);`)
  await db.run(sql`CREATE INDEX \`forum_posts_approved_by_idx\` ON \`forum_posts\` (\`approved_by_id\`);`)
  await db.run(sql`CREATE INDEX \`forum_posts_updated_at_idx\` ON \`forum_posts\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`forum_posts_created_at_idx\` ON \`forum_posts\` (\`created_at\`);`)
  await db.run(sql`DROP INDEX \`chat_conversations_answered_by_faq_idx\`;`)
  await db.run(sql`ALTER TABLE \`chat_conversations\` DROP COLUMN \`answered_by_faq\`;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`reviews_id\` integer REFERENCES reviews(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`forum_threads_id\` integer REFERENCES forum_threads(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`forum_posts_id\` integer REFERENCES forum_posts(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_reviews_id_idx\` ON \`payload_locked_documents_rels\` (\`reviews_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_forum_threads_id_idx\` ON \`payload_locked_documents_rels\` (\`forum_threads_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_forum_posts_id_idx\` ON \`payload_locked_documents_rels\` (\`forum_posts_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`reviews_redactions\`;`)
  await db.run(sql`DROP TABLE \`reviews\`;`)
  await db.run(sql`DROP TABLE \`forum_threads_moved_from\`;`)
  await db.run(sql`DROP TABLE \`forum_threads_redactions\`;`)
  await db.run(sql`DROP TABLE \`forum_threads\`;`)
  await db.run(sql`DROP TABLE \`forum_posts_redactions\`;`)
  await db.run(sql`DROP TABLE \`forum_posts\`;`)
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
  	\`questionnaires_id\` integer,
  	\`questionnaire_answers_id\` integer,
  	\`answer_templates_id\` integer,
  	\`chat_templates_id\` integer,
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
  	\`bookings_id\` integer,
  	\`booking_claims_id\` integer,
  	\`site_builds_id\` integer,
  	\`backup_runs_id\` integer,
  	\`backup_alerts_id\` integer,
  	\`audit_log_id\` integer,
  	\`search_queries_id\` integer,
  	\`chat_conversations_id\` integer,
  	\`chat_messages_id\` integer,
  	\`alert_subscriptions_id\` integer,
  	\`alert_campaigns_id\` integer,
  	\`alert_scenarios_id\` integer,
  	\`alert_lists_id\` integer,
  	\`alert_deliveries_id\` integer,
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
  	FOREIGN KEY (\`questionnaires_id\`) REFERENCES \`questionnaires\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`questionnaire_answers_id\`) REFERENCES \`questionnaire_answers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`answer_templates_id\`) REFERENCES \`answer_templates\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`chat_templates_id\`) REFERENCES \`chat_templates\`(\`id\`) ON UPDATE no action ON DELETE cascade,
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
  	FOREIGN KEY (\`bookings_id\`) REFERENCES \`bookings\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`booking_claims_id\`) REFERENCES \`booking_claims\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`site_builds_id\`) REFERENCES \`site_builds\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`backup_runs_id\`) REFERENCES \`backup_runs\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`backup_alerts_id\`) REFERENCES \`backup_alerts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audit_log_id\`) REFERENCES \`audit_log\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`search_queries_id\`) REFERENCES \`search_queries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`chat_conversations_id\`) REFERENCES \`chat_conversations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`chat_messages_id\`) REFERENCES \`chat_messages\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`alert_subscriptions_id\`) REFERENCES \`alert_subscriptions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`alert_campaigns_id\`) REFERENCES \`alert_campaigns\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`alert_scenarios_id\`) REFERENCES \`alert_scenarios\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`alert_lists_id\`) REFERENCES \`alert_lists\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`alert_deliveries_id\`) REFERENCES \`alert_deliveries\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "pages_id", "faq_id", "topics_id", "territories_id", "tariff_periods_id", "unregulated_prices_id", "offices_id", "news_id", "complaint_summaries_id", "quarterly_reports_id", "questionnaires_id", "questionnaire_answers_id", "answer_templates_id", "chat_templates_id", "documents_id", "document_files_id", "useful_links_id", "services_id", "redirects_id", "appeals_id", "appeal_notices_id", "outgoing_letters_id", "appeal_attachments_id", "users_id", "counters_id", "human_check_uses_id", "bookings_id", "booking_claims_id", "site_builds_id", "backup_runs_id", "backup_alerts_id", "audit_log_id", "search_queries_id", "chat_conversations_id", "chat_messages_id", "alert_subscriptions_id", "alert_campaigns_id", "alert_scenarios_id", "alert_lists_id", "alert_deliveries_id") SELECT "id", "order", "parent_id", "path", "pages_id", "faq_id", "topics_id", "territories_id", "tariff_periods_id", "unregulated_prices_id", "offices_id", "news_id", "complaint_summaries_id", "quarterly_reports_id", "questionnaires_id", "questionnaire_answers_id", "answer_templates_id", "chat_templates_id", "documents_id", "document_files_id", "useful_links_id", "services_id", "redirects_id", "appeals_id", "appeal_notices_id", "outgoing_letters_id", "appeal_attachments_id", "users_id", "counters_id", "human_check_uses_id", "bookings_id", "booking_claims_id", "site_builds_id", "backup_runs_id", "backup_alerts_id", "audit_log_id", "search_queries_id", "chat_conversations_id", "chat_messages_id", "alert_subscriptions_id", "alert_campaigns_id", "alert_scenarios_id", "alert_lists_id", "alert_deliveries_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_questionnaires_id_idx\` ON \`payload_locked_documents_rels\` (\`questionnaires_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_questionnaire_answers_id_idx\` ON \`payload_locked_documents_rels\` (\`questionnaire_answers_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_answer_templates_id_idx\` ON \`payload_locked_documents_rels\` (\`answer_templates_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_chat_templates_id_idx\` ON \`payload_locked_documents_rels\` (\`chat_templates_id\`);`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_bookings_id_idx\` ON \`payload_locked_documents_rels\` (\`bookings_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_booking_claims_id_idx\` ON \`payload_locked_documents_rels\` (\`booking_claims_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_site_builds_id_idx\` ON \`payload_locked_documents_rels\` (\`site_builds_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_backup_runs_id_idx\` ON \`payload_locked_documents_rels\` (\`backup_runs_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_backup_alerts_id_idx\` ON \`payload_locked_documents_rels\` (\`backup_alerts_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_log_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_log_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_search_queries_id_idx\` ON \`payload_locked_documents_rels\` (\`search_queries_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_chat_conversations_id_idx\` ON \`payload_locked_documents_rels\` (\`chat_conversations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_chat_messages_id_idx\` ON \`payload_locked_documents_rels\` (\`chat_messages_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_alert_subscriptions_id_idx\` ON \`payload_locked_documents_rels\` (\`alert_subscriptions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_alert_campaigns_id_idx\` ON \`payload_locked_documents_rels\` (\`alert_campaigns_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_alert_scenarios_id_idx\` ON \`payload_locked_documents_rels\` (\`alert_scenarios_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_alert_lists_id_idx\` ON \`payload_locked_documents_rels\` (\`alert_lists_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_alert_deliveries_id_idx\` ON \`payload_locked_documents_rels\` (\`alert_deliveries_id\`);`)
  await db.run(sql`ALTER TABLE \`chat_conversations\` ADD \`answered_by_faq\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`chat_conversations_answered_by_faq_idx\` ON \`chat_conversations\` (\`answered_by_faq\`);`)
}
