import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`pages\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`slug\` text,
  	\`parent_id\` integer,
  	\`audience\` text DEFAULT 'all',
  	\`summary\` text,
  	\`content\` text,
  	\`order\` numeric DEFAULT 0,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`pages_slug_idx\` ON \`pages\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`pages_parent_idx\` ON \`pages\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`pages_updated_at_idx\` ON \`pages\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`pages_created_at_idx\` ON \`pages\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`pages__status_idx\` ON \`pages\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`_pages_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_slug\` text,
  	\`version_parent_id\` integer,
  	\`version_audience\` text DEFAULT 'all',
  	\`version_summary\` text,
  	\`version_content\` text,
  	\`version_order\` numeric DEFAULT 0,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_parent_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_pages_v_parent_idx\` ON \`_pages_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version_slug_idx\` ON \`_pages_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version_parent_idx\` ON \`_pages_v\` (\`version_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version_updated_at_idx\` ON \`_pages_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version_created_at_idx\` ON \`_pages_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version__status_idx\` ON \`_pages_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_created_at_idx\` ON \`_pages_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_updated_at_idx\` ON \`_pages_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_latest_idx\` ON \`_pages_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`faq\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`question\` text,
  	\`slug\` text,
  	\`topic_id\` integer,
  	\`audience\` text DEFAULT 'all',
  	\`answer\` text,
  	\`office_id\` integer,
  	\`review_by\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`topic_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`office_id\`) REFERENCES \`offices\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`faq_slug_idx\` ON \`faq\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`faq_topic_idx\` ON \`faq\` (\`topic_id\`);`)
  await db.run(sql`CREATE INDEX \`faq_office_idx\` ON \`faq\` (\`office_id\`);`)
  await db.run(sql`CREATE INDEX \`faq_review_by_idx\` ON \`faq\` (\`review_by\`);`)
  await db.run(sql`CREATE INDEX \`faq_updated_at_idx\` ON \`faq\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`faq_created_at_idx\` ON \`faq\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`faq__status_idx\` ON \`faq\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`_faq_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_question\` text,
  	\`version_slug\` text,
  	\`version_topic_id\` integer,
  	\`version_audience\` text DEFAULT 'all',
  	\`version_answer\` text,
  	\`version_office_id\` integer,
  	\`version_review_by\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`faq\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_topic_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_office_id\`) REFERENCES \`offices\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_faq_v_parent_idx\` ON \`_faq_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_faq_v_version_version_slug_idx\` ON \`_faq_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_faq_v_version_version_topic_idx\` ON \`_faq_v\` (\`version_topic_id\`);`)
  await db.run(sql`CREATE INDEX \`_faq_v_version_version_office_idx\` ON \`_faq_v\` (\`version_office_id\`);`)
  await db.run(sql`CREATE INDEX \`_faq_v_version_version_review_by_idx\` ON \`_faq_v\` (\`version_review_by\`);`)
  await db.run(sql`CREATE INDEX \`_faq_v_version_version_updated_at_idx\` ON \`_faq_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_faq_v_version_version_created_at_idx\` ON \`_faq_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_faq_v_version_version__status_idx\` ON \`_faq_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_faq_v_created_at_idx\` ON \`_faq_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_faq_v_updated_at_idx\` ON \`_faq_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_faq_v_latest_idx\` ON \`_faq_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`topics\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`slug\` text NOT NULL,
  	\`description\` text,
  	\`order\` numeric DEFAULT 0,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`topics_slug_idx\` ON \`topics\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`topics_updated_at_idx\` ON \`topics\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`topics_created_at_idx\` ON \`topics\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`tariff_periods_rates\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`group\` text,
  	\`scheme\` text,
  	\`zone\` text,
  	\`price\` numeric,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`tariff_periods\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`tariff_periods_rates_order_idx\` ON \`tariff_periods_rates\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`tariff_periods_rates_parent_id_idx\` ON \`tariff_periods_rates\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`tariff_periods\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`slug\` text,
  	\`valid_from\` text,
  	\`valid_to\` text,
  	\`decree_number\` text,
  	\`decree_date\` text,
  	\`decree_issuer\` text,
  	\`decree_published_in\` text,
  	\`review_by\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft'
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`tariff_periods_slug_idx\` ON \`tariff_periods\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`tariff_periods_valid_from_idx\` ON \`tariff_periods\` (\`valid_from\`);`)
  await db.run(sql`CREATE INDEX \`tariff_periods_valid_to_idx\` ON \`tariff_periods\` (\`valid_to\`);`)
  await db.run(sql`CREATE INDEX \`tariff_periods_decree_decree_date_idx\` ON \`tariff_periods\` (\`decree_date\`);`)
  await db.run(sql`CREATE INDEX \`tariff_periods_review_by_idx\` ON \`tariff_periods\` (\`review_by\`);`)
  await db.run(sql`CREATE INDEX \`tariff_periods_updated_at_idx\` ON \`tariff_periods\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`tariff_periods_created_at_idx\` ON \`tariff_periods\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`tariff_periods__status_idx\` ON \`tariff_periods\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`_tariff_periods_v_version_rates\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`group\` text,
  	\`scheme\` text,
  	\`zone\` text,
  	\`price\` numeric,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_tariff_periods_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_tariff_periods_v_version_rates_order_idx\` ON \`_tariff_periods_v_version_rates\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_tariff_periods_v_version_rates_parent_id_idx\` ON \`_tariff_periods_v_version_rates\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_tariff_periods_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_slug\` text,
  	\`version_valid_from\` text,
  	\`version_valid_to\` text,
  	\`version_decree_number\` text,
  	\`version_decree_date\` text,
  	\`version_decree_issuer\` text,
  	\`version_decree_published_in\` text,
  	\`version_review_by\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`tariff_periods\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_tariff_periods_v_parent_idx\` ON \`_tariff_periods_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_tariff_periods_v_version_version_slug_idx\` ON \`_tariff_periods_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_tariff_periods_v_version_version_valid_from_idx\` ON \`_tariff_periods_v\` (\`version_valid_from\`);`)
  await db.run(sql`CREATE INDEX \`_tariff_periods_v_version_version_valid_to_idx\` ON \`_tariff_periods_v\` (\`version_valid_to\`);`)
  await db.run(sql`CREATE INDEX \`_tariff_periods_v_version_decree_version_decree_date_idx\` ON \`_tariff_periods_v\` (\`version_decree_date\`);`)
  await db.run(sql`CREATE INDEX \`_tariff_periods_v_version_version_review_by_idx\` ON \`_tariff_periods_v\` (\`version_review_by\`);`)
  await db.run(sql`CREATE INDEX \`_tariff_periods_v_version_version_updated_at_idx\` ON \`_tariff_periods_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_tariff_periods_v_version_version_created_at_idx\` ON \`_tariff_periods_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_tariff_periods_v_version_version__status_idx\` ON \`_tariff_periods_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_tariff_periods_v_created_at_idx\` ON \`_tariff_periods_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_tariff_periods_v_updated_at_idx\` ON \`_tariff_periods_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_tariff_periods_v_latest_idx\` ON \`_tariff_periods_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`unregulated_prices_prices\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`category\` text,
  	\`group\` text,
  	\`price\` numeric,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`unregulated_prices\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`unregulated_prices_prices_order_idx\` ON \`unregulated_prices_prices\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`unregulated_prices_prices_parent_id_idx\` ON \`unregulated_prices_prices\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`unregulated_prices\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`month\` text,
  	\`review_by\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft'
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`unregulated_prices_month_idx\` ON \`unregulated_prices\` (\`month\`);`)
  await db.run(sql`CREATE INDEX \`unregulated_prices_review_by_idx\` ON \`unregulated_prices\` (\`review_by\`);`)
  await db.run(sql`CREATE INDEX \`unregulated_prices_updated_at_idx\` ON \`unregulated_prices\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`unregulated_prices_created_at_idx\` ON \`unregulated_prices\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`unregulated_prices__status_idx\` ON \`unregulated_prices\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`_unregulated_prices_v_version_prices\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`category\` text,
  	\`group\` text,
  	\`price\` numeric,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_unregulated_prices_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_unregulated_prices_v_version_prices_order_idx\` ON \`_unregulated_prices_v_version_prices\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_unregulated_prices_v_version_prices_parent_id_idx\` ON \`_unregulated_prices_v_version_prices\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_unregulated_prices_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_month\` text,
  	\`version_review_by\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`unregulated_prices\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_unregulated_prices_v_parent_idx\` ON \`_unregulated_prices_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_unregulated_prices_v_version_version_month_idx\` ON \`_unregulated_prices_v\` (\`version_month\`);`)
  await db.run(sql`CREATE INDEX \`_unregulated_prices_v_version_version_review_by_idx\` ON \`_unregulated_prices_v\` (\`version_review_by\`);`)
  await db.run(sql`CREATE INDEX \`_unregulated_prices_v_version_version_updated_at_idx\` ON \`_unregulated_prices_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_unregulated_prices_v_version_version_created_at_idx\` ON \`_unregulated_prices_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_unregulated_prices_v_version_version__status_idx\` ON \`_unregulated_prices_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_unregulated_prices_v_created_at_idx\` ON \`_unregulated_prices_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_unregulated_prices_v_updated_at_idx\` ON \`_unregulated_prices_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_unregulated_prices_v_latest_idx\` ON \`_unregulated_prices_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`offices_transport\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`offices\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`offices_transport_order_idx\` ON \`offices_transport\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`offices_transport_parent_id_idx\` ON \`offices_transport\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`offices_phones\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`offices\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`offices_phones_order_idx\` ON \`offices_phones\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`offices_phones_parent_id_idx\` ON \`offices_phones\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`offices_weekly\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`weekday\` text,
  	\`open\` text,
  	\`close\` text,
  	\`break_start\` text,
  	\`break_end\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`offices\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`offices_weekly_order_idx\` ON \`offices_weekly\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`offices_weekly_parent_id_idx\` ON \`offices_weekly\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`offices_exceptions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`date\` text,
  	\`closed\` integer,
  	\`open\` text,
  	\`close\` text,
  	\`break_start\` text,
  	\`break_end\` text,
  	\`note\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`offices\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`offices_exceptions_order_idx\` ON \`offices_exceptions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`offices_exceptions_parent_id_idx\` ON \`offices_exceptions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`offices_exceptions_date_idx\` ON \`offices_exceptions\` (\`date\`);`)
  await db.run(sql`CREATE TABLE \`offices_services\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`offices\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`offices_services_order_idx\` ON \`offices_services\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`offices_services_parent_id_idx\` ON \`offices_services\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`offices_payment\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`offices\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`offices_payment_order_idx\` ON \`offices_payment\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`offices_payment_parent_id_idx\` ON \`offices_payment\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`offices_accessibility\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`offices\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`offices_accessibility_order_idx\` ON \`offices_accessibility\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`offices_accessibility_parent_id_idx\` ON \`offices_accessibility\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`offices\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`slug\` text,
  	\`kind\` text DEFAULT 'office',
  	\`category\` text,
  	\`order\` numeric DEFAULT 0,
  	\`settlement\` text,
  	\`address\` text,
  	\`latitude\` numeric,
  	\`longitude\` numeric,
  	\`email\` text,
  	\`follows_production_calendar\` integer DEFAULT true,
  	\`equipment_kiosk\` integer,
  	\`equipment_electronic_queue\` integer,
  	\`equipment_terminal\` integer,
  	\`note\` text,
  	\`review_by\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft'
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`offices_slug_idx\` ON \`offices\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`offices_review_by_idx\` ON \`offices\` (\`review_by\`);`)
  await db.run(sql`CREATE INDEX \`offices_updated_at_idx\` ON \`offices\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`offices_created_at_idx\` ON \`offices\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`offices__status_idx\` ON \`offices\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`_offices_v_version_transport\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`text\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_offices_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_offices_v_version_transport_order_idx\` ON \`_offices_v_version_transport\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_offices_v_version_transport_parent_id_idx\` ON \`_offices_v_version_transport\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_offices_v_version_phones\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`text\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_offices_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_offices_v_version_phones_order_idx\` ON \`_offices_v_version_phones\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_offices_v_version_phones_parent_id_idx\` ON \`_offices_v_version_phones\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_offices_v_version_weekly\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`weekday\` text,
  	\`open\` text,
  	\`close\` text,
  	\`break_start\` text,
  	\`break_end\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_offices_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_offices_v_version_weekly_order_idx\` ON \`_offices_v_version_weekly\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_offices_v_version_weekly_parent_id_idx\` ON \`_offices_v_version_weekly\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_offices_v_version_exceptions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`date\` text,
  	\`closed\` integer,
  	\`open\` text,
  	\`close\` text,
  	\`break_start\` text,
  	\`break_end\` text,
  	\`note\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_offices_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_offices_v_version_exceptions_order_idx\` ON \`_offices_v_version_exceptions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_offices_v_version_exceptions_parent_id_idx\` ON \`_offices_v_version_exceptions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_offices_v_version_exceptions_date_idx\` ON \`_offices_v_version_exceptions\` (\`date\`);`)
  await db.run(sql`CREATE TABLE \`_offices_v_version_services\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`text\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_offices_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_offices_v_version_services_order_idx\` ON \`_offices_v_version_services\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_offices_v_version_services_parent_id_idx\` ON \`_offices_v_version_services\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_offices_v_version_payment\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`text\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_offices_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_offices_v_version_payment_order_idx\` ON \`_offices_v_version_payment\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_offices_v_version_payment_parent_id_idx\` ON \`_offices_v_version_payment\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_offices_v_version_accessibility\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`text\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_offices_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_offices_v_version_accessibility_order_idx\` ON \`_offices_v_version_accessibility\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_offices_v_version_accessibility_parent_id_idx\` ON \`_offices_v_version_accessibility\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_offices_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_name\` text,
  	\`version_slug\` text,
  	\`version_kind\` text DEFAULT 'office',
  	\`version_category\` text,
  	\`version_order\` numeric DEFAULT 0,
  	\`version_settlement\` text,
  	\`version_address\` text,
  	\`version_latitude\` numeric,
  	\`version_longitude\` numeric,
  	\`version_email\` text,
  	\`version_follows_production_calendar\` integer DEFAULT true,
  	\`version_equipment_kiosk\` integer,
  	\`version_equipment_electronic_queue\` integer,
  	\`version_equipment_terminal\` integer,
  	\`version_note\` text,
  	\`version_review_by\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`offices\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_offices_v_parent_idx\` ON \`_offices_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_offices_v_version_version_slug_idx\` ON \`_offices_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_offices_v_version_version_review_by_idx\` ON \`_offices_v\` (\`version_review_by\`);`)
  await db.run(sql`CREATE INDEX \`_offices_v_version_version_updated_at_idx\` ON \`_offices_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_offices_v_version_version_created_at_idx\` ON \`_offices_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_offices_v_version_version__status_idx\` ON \`_offices_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_offices_v_created_at_idx\` ON \`_offices_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_offices_v_updated_at_idx\` ON \`_offices_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_offices_v_latest_idx\` ON \`_offices_v\` (\`latest\`);`)
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
  await db.run(sql`CREATE TABLE \`news\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`slug\` text,
  	\`type\` text DEFAULT 'general',
  	\`date\` text,
  	\`period\` text,
  	\`summary\` text,
  	\`body\` text,
  	\`urgent\` integer,
  	\`urgent_until\` text,
  	\`review_by\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft'
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`news_slug_idx\` ON \`news\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`news_date_idx\` ON \`news\` (\`date\`);`)
  await db.run(sql`CREATE INDEX \`news_review_by_idx\` ON \`news\` (\`review_by\`);`)
  await db.run(sql`CREATE INDEX \`news_updated_at_idx\` ON \`news\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`news_created_at_idx\` ON \`news\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`news__status_idx\` ON \`news\` (\`_status\`);`)
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
  await db.run(sql`CREATE TABLE \`_news_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_slug\` text,
  	\`version_type\` text DEFAULT 'general',
  	\`version_date\` text,
  	\`version_period\` text,
  	\`version_summary\` text,
  	\`version_body\` text,
  	\`version_urgent\` integer,
  	\`version_urgent_until\` text,
  	\`version_review_by\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_news_v_parent_idx\` ON \`_news_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_slug_idx\` ON \`_news_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_date_idx\` ON \`_news_v\` (\`version_date\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_review_by_idx\` ON \`_news_v\` (\`version_review_by\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_updated_at_idx\` ON \`_news_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_created_at_idx\` ON \`_news_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version__status_idx\` ON \`_news_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_created_at_idx\` ON \`_news_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_updated_at_idx\` ON \`_news_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_latest_idx\` ON \`_news_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`complaint_summaries\` (
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
  await db.run(sql`CREATE INDEX \`complaint_summaries_topic_idx\` ON \`complaint_summaries\` (\`topic_id\`);`)
  await db.run(sql`CREATE INDEX \`complaint_summaries_month_idx\` ON \`complaint_summaries\` (\`month\`);`)
  await db.run(sql`CREATE INDEX \`complaint_summaries_updated_at_idx\` ON \`complaint_summaries\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`complaint_summaries_created_at_idx\` ON \`complaint_summaries\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`complaint_summaries__status_idx\` ON \`complaint_summaries\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`_complaint_summaries_v\` (
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
  await db.run(sql`CREATE INDEX \`_complaint_summaries_v_parent_idx\` ON \`_complaint_summaries_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_complaint_summaries_v_version_version_topic_idx\` ON \`_complaint_summaries_v\` (\`version_topic_id\`);`)
  await db.run(sql`CREATE INDEX \`_complaint_summaries_v_version_version_month_idx\` ON \`_complaint_summaries_v\` (\`version_month\`);`)
  await db.run(sql`CREATE INDEX \`_complaint_summaries_v_version_version_updated_at_idx\` ON \`_complaint_summaries_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_complaint_summaries_v_version_version_created_at_idx\` ON \`_complaint_summaries_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_complaint_summaries_v_version_version__status_idx\` ON \`_complaint_summaries_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_complaint_summaries_v_created_at_idx\` ON \`_complaint_summaries_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_complaint_summaries_v_updated_at_idx\` ON \`_complaint_summaries_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_complaint_summaries_v_latest_idx\` ON \`_complaint_summaries_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`documents_versions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`version\` text,
  	\`approved_at\` text,
  	\`note\` text,
  	\`file_id\` integer,
  	FOREIGN KEY (\`file_id\`) REFERENCES \`document_files\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`documents\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`documents_versions_order_idx\` ON \`documents_versions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`documents_versions_parent_id_idx\` ON \`documents_versions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`documents_versions_approved_at_idx\` ON \`documents_versions\` (\`approved_at\`);`)
  await db.run(sql`CREATE INDEX \`documents_versions_file_idx\` ON \`documents_versions\` (\`file_id\`);`)
  await db.run(sql`CREATE TABLE \`documents\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`slug\` text,
  	\`kind\` text,
  	\`audience\` text DEFAULT 'all',
  	\`order\` numeric DEFAULT 0,
  	\`description\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft'
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`documents_slug_idx\` ON \`documents\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`documents_updated_at_idx\` ON \`documents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`documents_created_at_idx\` ON \`documents\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`documents__status_idx\` ON \`documents\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`_documents_v_version_versions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`version\` text,
  	\`approved_at\` text,
  	\`note\` text,
  	\`file_id\` integer,
  	\`_uuid\` text,
  	FOREIGN KEY (\`file_id\`) REFERENCES \`document_files\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_documents_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_documents_v_version_versions_order_idx\` ON \`_documents_v_version_versions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_documents_v_version_versions_parent_id_idx\` ON \`_documents_v_version_versions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_documents_v_version_versions_approved_at_idx\` ON \`_documents_v_version_versions\` (\`approved_at\`);`)
  await db.run(sql`CREATE INDEX \`_documents_v_version_versions_file_idx\` ON \`_documents_v_version_versions\` (\`file_id\`);`)
  await db.run(sql`CREATE TABLE \`_documents_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_slug\` text,
  	\`version_kind\` text,
  	\`version_audience\` text DEFAULT 'all',
  	\`version_order\` numeric DEFAULT 0,
  	\`version_description\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`documents\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_documents_v_parent_idx\` ON \`_documents_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_documents_v_version_version_slug_idx\` ON \`_documents_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_documents_v_version_version_updated_at_idx\` ON \`_documents_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_documents_v_version_version_created_at_idx\` ON \`_documents_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_documents_v_version_version__status_idx\` ON \`_documents_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_documents_v_created_at_idx\` ON \`_documents_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_documents_v_updated_at_idx\` ON \`_documents_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_documents_v_latest_idx\` ON \`_documents_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`document_files\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric
  );
  `)
  await db.run(sql`CREATE INDEX \`document_files_updated_at_idx\` ON \`document_files\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`document_files_created_at_idx\` ON \`document_files\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`document_files_filename_idx\` ON \`document_files\` (\`filename\`);`)
  await db.run(sql`CREATE TABLE \`useful_links\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`url\` text,
  	\`description\` text,
  	\`group\` text,
  	\`order\` numeric DEFAULT 0,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft'
  );
  `)
  await db.run(sql`CREATE INDEX \`useful_links_updated_at_idx\` ON \`useful_links\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`useful_links_created_at_idx\` ON \`useful_links\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`useful_links__status_idx\` ON \`useful_links\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`_useful_links_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_url\` text,
  	\`version_description\` text,
  	\`version_group\` text,
  	\`version_order\` numeric DEFAULT 0,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`useful_links\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_useful_links_v_parent_idx\` ON \`_useful_links_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_useful_links_v_version_version_updated_at_idx\` ON \`_useful_links_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_useful_links_v_version_version_created_at_idx\` ON \`_useful_links_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_useful_links_v_version_version__status_idx\` ON \`_useful_links_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_useful_links_v_created_at_idx\` ON \`_useful_links_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_useful_links_v_updated_at_idx\` ON \`_useful_links_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_useful_links_v_latest_idx\` ON \`_useful_links_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`services\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`slug\` text NOT NULL,
  	\`audience\` text DEFAULT 'all' NOT NULL,
  	\`topic_id\` integer NOT NULL,
  	\`description\` text,
  	\`active\` integer DEFAULT true,
  	\`order\` numeric DEFAULT 0,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`topic_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`services_slug_idx\` ON \`services\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`services_topic_idx\` ON \`services\` (\`topic_id\`);`)
  await db.run(sql`CREATE INDEX \`services_updated_at_idx\` ON \`services\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`services_created_at_idx\` ON \`services\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`redirects\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`from\` text NOT NULL,
  	\`to\` text NOT NULL,
  	\`origin\` text DEFAULT 'manual',
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`redirects_from_idx\` ON \`redirects\` (\`from\`);`)
  await db.run(sql`CREATE INDEX \`redirects_updated_at_idx\` ON \`redirects\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`redirects_created_at_idx\` ON \`redirects\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`appeals\` (
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
  await db.run(sql`CREATE TABLE \`appeals_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`appeal_attachments_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`appeals\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`appeal_attachments_id\`) REFERENCES \`appeal_attachments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`appeals_rels_order_idx\` ON \`appeals_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`appeals_rels_parent_idx\` ON \`appeals_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`appeals_rels_path_idx\` ON \`appeals_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`appeals_rels_appeal_attachments_id_idx\` ON \`appeals_rels\` (\`appeal_attachments_id\`);`)
  await db.run(sql`CREATE TABLE \`appeal_attachments\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`original_name\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric
  );
  `)
  await db.run(sql`CREATE INDEX \`appeal_attachments_updated_at_idx\` ON \`appeal_attachments\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`appeal_attachments_created_at_idx\` ON \`appeal_attachments\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`appeal_attachments_filename_idx\` ON \`appeal_attachments\` (\`filename\`);`)
  await db.run(sql`CREATE TABLE \`users_roles\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_roles_order_idx\` ON \`users_roles\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`users_roles_parent_idx\` ON \`users_roles\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users_sessions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`created_at\` text,
  	\`expires_at\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_sessions_order_idx\` ON \`users_sessions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`users_sessions_parent_id_idx\` ON \`users_sessions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text DEFAULT 'Сотрудник' NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`email\` text NOT NULL,
  	\`reset_password_token\` text,
  	\`reset_password_expiration\` text,
  	\`salt\` text,
  	\`hash\` text,
  	\`reset_password_requested_at\` text,
  	\`login_attempts\` numeric DEFAULT 0,
  	\`lock_until\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_email_idx\` ON \`users\` (\`email\`);`)
  await db.run(sql`CREATE TABLE \`counters\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`value\` numeric DEFAULT 0 NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`counters_key_idx\` ON \`counters\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`counters_updated_at_idx\` ON \`counters\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`counters_created_at_idx\` ON \`counters\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`site_builds\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`status\` text DEFAULT 'queued' NOT NULL,
  	\`requested_at\` text NOT NULL,
  	\`started_at\` text,
  	\`finished_at\` text,
  	\`duration_ms\` numeric,
  	\`changes\` numeric DEFAULT 1,
  	\`reasons\` text,
  	\`error\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`site_builds_status_idx\` ON \`site_builds\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`site_builds_requested_at_idx\` ON \`site_builds\` (\`requested_at\`);`)
  await db.run(sql`CREATE INDEX \`site_builds_started_at_idx\` ON \`site_builds\` (\`started_at\`);`)
  await db.run(sql`CREATE INDEX \`site_builds_updated_at_idx\` ON \`site_builds\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`site_builds_created_at_idx\` ON \`site_builds\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`audit_log\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`at\` text NOT NULL,
  	\`action\` text NOT NULL,
  	\`target\` text NOT NULL,
  	\`document_id\` text,
  	\`summary\` text,
  	\`changed_fields\` text,
  	\`user_id\` integer,
  	\`user_email\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`audit_log_at_idx\` ON \`audit_log\` (\`at\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_action_idx\` ON \`audit_log\` (\`action\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_target_idx\` ON \`audit_log\` (\`target\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_document_id_idx\` ON \`audit_log\` (\`document_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_user_idx\` ON \`audit_log\` (\`user_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_updated_at_idx\` ON \`audit_log\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_created_at_idx\` ON \`audit_log\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`search_queries\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`query\` text NOT NULL,
  	\`week\` text NOT NULL,
  	\`searches\` numeric DEFAULT 0 NOT NULL,
  	\`no_result_searches\` numeric DEFAULT 0 NOT NULL,
  	\`last_result_count\` numeric,
  	\`clicks\` numeric DEFAULT 0 NOT NULL,
  	\`faq_draft_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`faq_draft_id\`) REFERENCES \`faq\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`search_queries_key_idx\` ON \`search_queries\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`search_queries_week_idx\` ON \`search_queries\` (\`week\`);`)
  await db.run(sql`CREATE INDEX \`search_queries_searches_idx\` ON \`search_queries\` (\`searches\`);`)
  await db.run(sql`CREATE INDEX \`search_queries_faq_draft_idx\` ON \`search_queries\` (\`faq_draft_id\`);`)
  await db.run(sql`CREATE INDEX \`search_queries_updated_at_idx\` ON \`search_queries\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`search_queries_created_at_idx\` ON \`search_queries\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_kv\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`data\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`payload_kv_key_idx\` ON \`payload_kv\` (\`key\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs_log\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`executed_at\` text NOT NULL,
  	\`completed_at\` text NOT NULL,
  	\`task_slug\` text NOT NULL,
  	\`task_i_d\` text NOT NULL,
  	\`input\` text,
  	\`output\` text,
  	\`state\` text NOT NULL,
  	\`error\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`payload_jobs\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_order_idx\` ON \`payload_jobs_log\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_parent_id_idx\` ON \`payload_jobs_log\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`input\` text,
  	\`completed_at\` text,
  	\`total_tried\` numeric DEFAULT 0,
  	\`has_error\` integer DEFAULT false,
  	\`error\` text,
  	\`task_slug\` text,
  	\`queue\` text DEFAULT 'default',
  	\`wait_until\` text,
  	\`processing\` integer DEFAULT false,
  	\`meta\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_completed_at_idx\` ON \`payload_jobs\` (\`completed_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_total_tried_idx\` ON \`payload_jobs\` (\`total_tried\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_has_error_idx\` ON \`payload_jobs\` (\`has_error\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_task_slug_idx\` ON \`payload_jobs\` (\`task_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_queue_idx\` ON \`payload_jobs\` (\`queue\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_wait_until_idx\` ON \`payload_jobs\` (\`wait_until\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_processing_idx\` ON \`payload_jobs\` (\`processing\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_updated_at_idx\` ON \`payload_jobs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_created_at_idx\` ON \`payload_jobs\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`global_slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_global_slug_idx\` ON \`payload_locked_documents\` (\`global_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_updated_at_idx\` ON \`payload_locked_documents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_created_at_idx\` ON \`payload_locked_documents\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents_rels\` (
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
  await db.run(sql`CREATE TABLE \`payload_preferences\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text,
  	\`value\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_key_idx\` ON \`payload_preferences\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_updated_at_idx\` ON \`payload_preferences\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_created_at_idx\` ON \`payload_preferences\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_preferences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_order_idx\` ON \`payload_preferences_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_parent_idx\` ON \`payload_preferences_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_path_idx\` ON \`payload_preferences_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_users_id_idx\` ON \`payload_preferences_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_migrations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`batch\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_migrations_updated_at_idx\` ON \`payload_migrations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_migrations_created_at_idx\` ON \`payload_migrations\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`company_settings\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`short_name\` text NOT NULL,
  	\`region\` text NOT NULL,
  	\`time_zone\` text DEFAULT 'Europe/Moscow' NOT NULL,
  	\`hotline\` text NOT NULL,
  	\`email\` text NOT NULL,
  	\`address\` text,
  	\`privacy_policy_url\` text DEFAULT '/privacy/',
  	\`consent_version\` text DEFAULT '2026-11-01' NOT NULL,
  	\`handlers_email\` text,
  	\`readings_from_day\` numeric DEFAULT 15 NOT NULL,
  	\`readings_to_day\` numeric DEFAULT 25 NOT NULL,
  	\`attachment_max_mb\` numeric DEFAULT 5 NOT NULL,
  	\`attachment_max_files\` numeric DEFAULT 3 NOT NULL,
  	\`review_by\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`company_settings_review_by_idx\` ON \`company_settings\` (\`review_by\`);`)
  await db.run(sql`CREATE TABLE \`production_calendar_years_holidays\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`date\` text NOT NULL,
  	\`note\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`production_calendar_years\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`production_calendar_years_holidays_order_idx\` ON \`production_calendar_years_holidays\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`production_calendar_years_holidays_parent_id_idx\` ON \`production_calendar_years_holidays\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`production_calendar_years_working_weekends\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`date\` text NOT NULL,
  	\`note\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`production_calendar_years\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`production_calendar_years_working_weekends_order_idx\` ON \`production_calendar_years_working_weekends\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`production_calendar_years_working_weekends_parent_id_idx\` ON \`production_calendar_years_working_weekends\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`production_calendar_years_short_days\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`date\` text NOT NULL,
  	\`note\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`production_calendar_years\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`production_calendar_years_short_days_order_idx\` ON \`production_calendar_years_short_days\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`production_calendar_years_short_days_parent_id_idx\` ON \`production_calendar_years_short_days\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`production_calendar_years_regional_holidays\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`date\` text NOT NULL,
  	\`note\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`production_calendar_years\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`production_calendar_years_regional_holidays_order_idx\` ON \`production_calendar_years_regional_holidays\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`production_calendar_years_regional_holidays_parent_id_idx\` ON \`production_calendar_years_regional_holidays\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`production_calendar_years\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`year\` numeric NOT NULL,
  	\`confirmed\` integer DEFAULT false,
  	\`decree\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`production_calendar\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`production_calendar_years_order_idx\` ON \`production_calendar_years\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`production_calendar_years_parent_id_idx\` ON \`production_calendar_years\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`production_calendar\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`CREATE TABLE \`service_deadlines_rules\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`appeal_type\` text NOT NULL,
  	\`days\` numeric NOT NULL,
  	\`unit\` text DEFAULT 'working' NOT NULL,
  	\`extended_days\` numeric,
  	\`title\` text NOT NULL,
  	\`note\` text,
  	\`source\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`service_deadlines\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`service_deadlines_rules_order_idx\` ON \`service_deadlines_rules\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`service_deadlines_rules_parent_id_idx\` ON \`service_deadlines_rules\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`service_deadlines\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`CREATE TABLE \`search_synonyms_groups\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`words\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`search_synonyms\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`search_synonyms_groups_order_idx\` ON \`search_synonyms_groups\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`search_synonyms_groups_parent_id_idx\` ON \`search_synonyms_groups\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`search_synonyms\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`CREATE TABLE \`payload_jobs_stats\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`stats\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`pages\`;`)
  await db.run(sql`DROP TABLE \`_pages_v\`;`)
  await db.run(sql`DROP TABLE \`faq\`;`)
  await db.run(sql`DROP TABLE \`_faq_v\`;`)
  await db.run(sql`DROP TABLE \`topics\`;`)
  await db.run(sql`DROP TABLE \`tariff_periods_rates\`;`)
  await db.run(sql`DROP TABLE \`tariff_periods\`;`)
  await db.run(sql`DROP TABLE \`_tariff_periods_v_version_rates\`;`)
  await db.run(sql`DROP TABLE \`_tariff_periods_v\`;`)
  await db.run(sql`DROP TABLE \`unregulated_prices_prices\`;`)
  await db.run(sql`DROP TABLE \`unregulated_prices\`;`)
  await db.run(sql`DROP TABLE \`_unregulated_prices_v_version_prices\`;`)
  await db.run(sql`DROP TABLE \`_unregulated_prices_v\`;`)
  await db.run(sql`DROP TABLE \`offices_transport\`;`)
  await db.run(sql`DROP TABLE \`offices_phones\`;`)
  await db.run(sql`DROP TABLE \`offices_weekly\`;`)
  await db.run(sql`DROP TABLE \`offices_exceptions\`;`)
  await db.run(sql`DROP TABLE \`offices_services\`;`)
  await db.run(sql`DROP TABLE \`offices_payment\`;`)
  await db.run(sql`DROP TABLE \`offices_accessibility\`;`)
  await db.run(sql`DROP TABLE \`offices\`;`)
  await db.run(sql`DROP TABLE \`_offices_v_version_transport\`;`)
  await db.run(sql`DROP TABLE \`_offices_v_version_phones\`;`)
  await db.run(sql`DROP TABLE \`_offices_v_version_weekly\`;`)
  await db.run(sql`DROP TABLE \`_offices_v_version_exceptions\`;`)
  await db.run(sql`DROP TABLE \`_offices_v_version_services\`;`)
  await db.run(sql`DROP TABLE \`_offices_v_version_payment\`;`)
  await db.run(sql`DROP TABLE \`_offices_v_version_accessibility\`;`)
  await db.run(sql`DROP TABLE \`_offices_v\`;`)
  await db.run(sql`DROP TABLE \`news_settlements\`;`)
  await db.run(sql`DROP TABLE \`news\`;`)
  await db.run(sql`DROP TABLE \`_news_v_version_settlements\`;`)
  await db.run(sql`DROP TABLE \`_news_v\`;`)
  await db.run(sql`DROP TABLE \`complaint_summaries\`;`)
  await db.run(sql`DROP TABLE \`_complaint_summaries_v\`;`)
  await db.run(sql`DROP TABLE \`documents_versions\`;`)
  await db.run(sql`DROP TABLE \`documents\`;`)
  await db.run(sql`DROP TABLE \`_documents_v_version_versions\`;`)
  await db.run(sql`DROP TABLE \`_documents_v\`;`)
  await db.run(sql`DROP TABLE \`document_files\`;`)
  await db.run(sql`DROP TABLE \`useful_links\`;`)
  await db.run(sql`DROP TABLE \`_useful_links_v\`;`)
  await db.run(sql`DROP TABLE \`services\`;`)
  await db.run(sql`DROP TABLE \`redirects\`;`)
  await db.run(sql`DROP TABLE \`appeals\`;`)
  await db.run(sql`DROP TABLE \`appeals_rels\`;`)
  await db.run(sql`DROP TABLE \`appeal_attachments\`;`)
  await db.run(sql`DROP TABLE \`users_roles\`;`)
  await db.run(sql`DROP TABLE \`users_sessions\`;`)
  await db.run(sql`DROP TABLE \`users\`;`)
  await db.run(sql`DROP TABLE \`counters\`;`)
  await db.run(sql`DROP TABLE \`site_builds\`;`)
  await db.run(sql`DROP TABLE \`audit_log\`;`)
  await db.run(sql`DROP TABLE \`search_queries\`;`)
  await db.run(sql`DROP TABLE \`payload_kv\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_log\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_migrations\`;`)
  await db.run(sql`DROP TABLE \`company_settings\`;`)
  await db.run(sql`DROP TABLE \`production_calendar_years_holidays\`;`)
  await db.run(sql`DROP TABLE \`production_calendar_years_working_weekends\`;`)
  await db.run(sql`DROP TABLE \`production_calendar_years_short_days\`;`)
  await db.run(sql`DROP TABLE \`production_calendar_years_regional_holidays\`;`)
  await db.run(sql`DROP TABLE \`production_calendar_years\`;`)
  await db.run(sql`DROP TABLE \`production_calendar\`;`)
  await db.run(sql`DROP TABLE \`service_deadlines_rules\`;`)
  await db.run(sql`DROP TABLE \`service_deadlines\`;`)
  await db.run(sql`DROP TABLE \`search_synonyms_groups\`;`)
  await db.run(sql`DROP TABLE \`search_synonyms\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_stats\`;`)
}
