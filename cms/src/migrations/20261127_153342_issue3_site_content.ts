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
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft'
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`tariff_periods_slug_idx\` ON \`tariff_periods\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`tariff_periods_valid_from_idx\` ON \`tariff_periods\` (\`valid_from\`);`)
  await db.run(sql`CREATE INDEX \`tariff_periods_valid_to_idx\` ON \`tariff_periods\` (\`valid_to\`);`)
  await db.run(sql`CREATE INDEX \`tariff_periods_decree_decree_date_idx\` ON \`tariff_periods\` (\`decree_date\`);`)
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
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft'
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`unregulated_prices_month_idx\` ON \`unregulated_prices\` (\`month\`);`)
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
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft'
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`offices_slug_idx\` ON \`offices\` (\`slug\`);`)
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
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft'
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`news_slug_idx\` ON \`news\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`news_date_idx\` ON \`news\` (\`date\`);`)
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
  await db.run(sql`DROP TABLE \`company_settings_offices\`;`)
  await db.run(sql`ALTER TABLE \`faq\` ADD \`office_id\` integer REFERENCES offices(id);`)
  await db.run(sql`CREATE INDEX \`faq_office_idx\` ON \`faq\` (\`office_id\`);`)
  await db.run(sql`ALTER TABLE \`_faq_v\` ADD \`version_office_id\` integer REFERENCES offices(id);`)
  await db.run(sql`CREATE INDEX \`_faq_v_version_version_office_idx\` ON \`_faq_v\` (\`version_office_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`pages_id\` integer REFERENCES pages(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`tariff_periods_id\` integer REFERENCES tariff_periods(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`unregulated_prices_id\` integer REFERENCES unregulated_prices(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`offices_id\` integer REFERENCES offices(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`news_id\` integer REFERENCES news(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`complaint_summaries_id\` integer REFERENCES complaint_summaries(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`documents_id\` integer REFERENCES documents(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`document_files_id\` integer REFERENCES document_files(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`useful_links_id\` integer REFERENCES useful_links(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_pages_id_idx\` ON \`payload_locked_documents_rels\` (\`pages_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_tariff_periods_id_idx\` ON \`payload_locked_documents_rels\` (\`tariff_periods_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_unregulated_prices_id_idx\` ON \`payload_locked_documents_rels\` (\`unregulated_prices_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_offices_id_idx\` ON \`payload_locked_documents_rels\` (\`offices_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_news_id_idx\` ON \`payload_locked_documents_rels\` (\`news_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_complaint_summaries_id_idx\` ON \`payload_locked_documents_rels\` (\`complaint_summaries_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_documents_id_idx\` ON \`payload_locked_documents_rels\` (\`documents_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_document_files_id_idx\` ON \`payload_locked_documents_rels\` (\`document_files_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_useful_links_id_idx\` ON \`payload_locked_documents_rels\` (\`useful_links_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`company_settings_offices\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`address\` text NOT NULL,
  	\`phone\` text,
  	\`hours\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`company_settings\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`company_settings_offices_order_idx\` ON \`company_settings_offices\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`company_settings_offices_parent_id_idx\` ON \`company_settings_offices\` (\`_parent_id\`);`)
  await db.run(sql`DROP TABLE \`pages\`;`)
  await db.run(sql`DROP TABLE \`_pages_v\`;`)
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
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_faq\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`question\` text,
  	\`slug\` text,
  	\`topic_id\` integer,
  	\`audience\` text DEFAULT 'all',
  	\`answer\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`topic_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_faq\`("id", "question", "slug", "topic_id", "audience", "answer", "updated_at", "created_at", "_status") SELECT "id", "question", "slug", "topic_id", "audience", "answer", "updated_at", "created_at", "_status" FROM \`faq\`;`)
  await db.run(sql`DROP TABLE \`faq\`;`)
  await db.run(sql`ALTER TABLE \`__new_faq\` RENAME TO \`faq\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE UNIQUE INDEX \`faq_slug_idx\` ON \`faq\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`faq_topic_idx\` ON \`faq\` (\`topic_id\`);`)
  await db.run(sql`CREATE INDEX \`faq_updated_at_idx\` ON \`faq\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`faq_created_at_idx\` ON \`faq\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`faq__status_idx\` ON \`faq\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__faq_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_question\` text,
  	\`version_slug\` text,
  	\`version_topic_id\` integer,
  	\`version_audience\` text DEFAULT 'all',
  	\`version_answer\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`faq\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_topic_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__faq_v\`("id", "parent_id", "version_question", "version_slug", "version_topic_id", "version_audience", "version_answer", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_question", "version_slug", "version_topic_id", "version_audience", "version_answer", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_faq_v\`;`)
  await db.run(sql`DROP TABLE \`_faq_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__faq_v\` RENAME TO \`_faq_v\`;`)
  await db.run(sql`CREATE INDEX \`_faq_v_parent_idx\` ON \`_faq_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_faq_v_version_version_slug_idx\` ON \`_faq_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_faq_v_version_version_topic_idx\` ON \`_faq_v\` (\`version_topic_id\`);`)
  await db.run(sql`CREATE INDEX \`_faq_v_version_version_updated_at_idx\` ON \`_faq_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_faq_v_version_version_created_at_idx\` ON \`_faq_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_faq_v_version_version__status_idx\` ON \`_faq_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_faq_v_created_at_idx\` ON \`_faq_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_faq_v_updated_at_idx\` ON \`_faq_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_faq_v_latest_idx\` ON \`_faq_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`faq_id\` integer,
  	\`topics_id\` integer,
  	\`appeals_id\` integer,
  	\`users_id\` integer,
  	\`counters_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`faq_id\`) REFERENCES \`faq\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`appeals_id\`) REFERENCES \`appeals\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`counters_id\`) REFERENCES \`counters\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "faq_id", "topics_id", "appeals_id", "users_id", "counters_id") SELECT "id", "order", "parent_id", "path", "faq_id", "topics_id", "appeals_id", "users_id", "counters_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_faq_id_idx\` ON \`payload_locked_documents_rels\` (\`faq_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_topics_id_idx\` ON \`payload_locked_documents_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_appeals_id_idx\` ON \`payload_locked_documents_rels\` (\`appeals_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_counters_id_idx\` ON \`payload_locked_documents_rels\` (\`counters_id\`);`)
}
