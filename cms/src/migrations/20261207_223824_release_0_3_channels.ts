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
  await db.run(sql`CREATE TABLE \`questionnaires_questions_options\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`label\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`questionnaires_questions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`questionnaires_questions_options_order_idx\` ON \`questionnaires_questions_options\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`questionnaires_questions_options_parent_id_idx\` ON \`questionnaires_questions_options\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`questionnaires_questions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`text\` text,
  	\`kind\` text DEFAULT 'single',
  	\`required\` integer DEFAULT false,
  	\`show_if_question\` numeric,
  	\`show_if_answer\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`questionnaires\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`questionnaires_questions_order_idx\` ON \`questionnaires_questions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`questionnaires_questions_parent_id_idx\` ON \`questionnaires_questions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`questionnaires\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`slug\` text,
  	\`intro\` text,
  	\`from\` text,
  	\`to\` text,
  	\`home_banner\` integer DEFAULT true,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft'
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`questionnaires_slug_idx\` ON \`questionnaires\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`questionnaires_from_idx\` ON \`questionnaires\` (\`from\`);`)
  await db.run(sql`CREATE INDEX \`questionnaires_to_idx\` ON \`questionnaires\` (\`to\`);`)
  await db.run(sql`CREATE INDEX \`questionnaires_updated_at_idx\` ON \`questionnaires\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`questionnaires_created_at_idx\` ON \`questionnaires\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`questionnaires__status_idx\` ON \`questionnaires\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`_questionnaires_v_version_questions_options\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`label\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_questionnaires_v_version_questions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_questionnaires_v_version_questions_options_order_idx\` ON \`_questionnaires_v_version_questions_options\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_questionnaires_v_version_questions_options_parent_id_idx\` ON \`_questionnaires_v_version_questions_options\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_questionnaires_v_version_questions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`text\` text,
  	\`kind\` text DEFAULT 'single',
  	\`required\` integer DEFAULT false,
  	\`show_if_question\` numeric,
  	\`show_if_answer\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_questionnaires_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_questionnaires_v_version_questions_order_idx\` ON \`_questionnaires_v_version_questions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_questionnaires_v_version_questions_parent_id_idx\` ON \`_questionnaires_v_version_questions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_questionnaires_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_slug\` text,
  	\`version_intro\` text,
  	\`version_from\` text,
  	\`version_to\` text,
  	\`version_home_banner\` integer DEFAULT true,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`questionnaires\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_questionnaires_v_parent_idx\` ON \`_questionnaires_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_questionnaires_v_version_version_slug_idx\` ON \`_questionnaires_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_questionnaires_v_version_version_from_idx\` ON \`_questionnaires_v\` (\`version_from\`);`)
  await db.run(sql`CREATE INDEX \`_questionnaires_v_version_version_to_idx\` ON \`_questionnaires_v\` (\`version_to\`);`)
  await db.run(sql`CREATE INDEX \`_questionnaires_v_version_version_updated_at_idx\` ON \`_questionnaires_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_questionnaires_v_version_version_created_at_idx\` ON \`_questionnaires_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_questionnaires_v_version_version__status_idx\` ON \`_questionnaires_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_questionnaires_v_created_at_idx\` ON \`_questionnaires_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_questionnaires_v_updated_at_idx\` ON \`_questionnaires_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_questionnaires_v_latest_idx\` ON \`_questionnaires_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`questionnaire_answers\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`questionnaire_id\` integer NOT NULL,
  	\`answers\` text NOT NULL,
  	\`contact\` text,
  	\`consent_version\` text,
  	\`consent_accepted_at\` text,
  	\`token_hash\` text NOT NULL,
  	\`submitted_at\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`questionnaire_id\`) REFERENCES \`questionnaires\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`questionnaire_answers_questionnaire_idx\` ON \`questionnaire_answers\` (\`questionnaire_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`questionnaire_answers_token_hash_idx\` ON \`questionnaire_answers\` (\`token_hash\`);`)
  await db.run(sql`CREATE INDEX \`questionnaire_answers_submitted_at_idx\` ON \`questionnaire_answers\` (\`submitted_at\`);`)
  await db.run(sql`CREATE INDEX \`questionnaire_answers_updated_at_idx\` ON \`questionnaire_answers\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`questionnaire_answers_created_at_idx\` ON \`questionnaire_answers\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`chat_templates\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`text\` text NOT NULL,
  	\`topic_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`topic_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`chat_templates_topic_idx\` ON \`chat_templates\` (\`topic_id\`);`)
  await db.run(sql`CREATE INDEX \`chat_templates_updated_at_idx\` ON \`chat_templates\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`chat_templates_created_at_idx\` ON \`chat_templates\` (\`created_at\`);`)
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
  await db.run(sql`CREATE TABLE \`chat_conversations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`state\` text NOT NULL,
  	\`channel\` text DEFAULT 'site',
  	\`topic_id\` integer,
  	\`operator_id\` integer,
  	\`group\` text,
  	\`queued_at\` text,
  	\`accepted_at\` text,
  	\`closed_at\` text,
  	\`deferred_until\` text,
  	\`out_of_hours_until\` text,
  	\`rating\` numeric,
  	\`faq_offered\` integer DEFAULT false,
  	\`answered_by_faq\` integer DEFAULT false,
  	\`name\` text,
  	\`contact\` text,
  	\`consent_version\` text,
  	\`consent_accepted_at\` text,
  	\`consent_ip\` text,
  	\`start_key\` text NOT NULL,
  	\`token_hash\` text NOT NULL,
  	\`appeal_id\` integer,
  	\`last_seq\` numeric DEFAULT 0 NOT NULL,
  	\`join_notified_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`topic_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`operator_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`appeal_id\`) REFERENCES \`appeals\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`chat_conversations_state_idx\` ON \`chat_conversations\` (\`state\`);`)
  await db.run(sql`CREATE INDEX \`chat_conversations_topic_idx\` ON \`chat_conversations\` (\`topic_id\`);`)
  await db.run(sql`CREATE INDEX \`chat_conversations_operator_idx\` ON \`chat_conversations\` (\`operator_id\`);`)
  await db.run(sql`CREATE INDEX \`chat_conversations_group_idx\` ON \`chat_conversations\` (\`group\`);`)
  await db.run(sql`CREATE INDEX \`chat_conversations_queued_at_idx\` ON \`chat_conversations\` (\`queued_at\`);`)
  await db.run(sql`CREATE INDEX \`chat_conversations_accepted_at_idx\` ON \`chat_conversations\` (\`accepted_at\`);`)
  await db.run(sql`CREATE INDEX \`chat_conversations_closed_at_idx\` ON \`chat_conversations\` (\`closed_at\`);`)
  await db.run(sql`CREATE INDEX \`chat_conversations_deferred_until_idx\` ON \`chat_conversations\` (\`deferred_until\`);`)
  await db.run(sql`CREATE INDEX \`chat_conversations_answered_by_faq_idx\` ON \`chat_conversations\` (\`answered_by_faq\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`chat_conversations_start_key_idx\` ON \`chat_conversations\` (\`start_key\`);`)
  await db.run(sql`CREATE INDEX \`chat_conversations_token_hash_idx\` ON \`chat_conversations\` (\`token_hash\`);`)
  await db.run(sql`CREATE INDEX \`chat_conversations_appeal_idx\` ON \`chat_conversations\` (\`appeal_id\`);`)
  await db.run(sql`CREATE INDEX \`chat_conversations_updated_at_idx\` ON \`chat_conversations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`chat_conversations_created_at_idx\` ON \`chat_conversations\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`chat_messages\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`conversation_id\` integer NOT NULL,
  	\`seq\` numeric NOT NULL,
  	\`seq_key\` text NOT NULL,
  	\`kind\` text DEFAULT 'message' NOT NULL,
  	\`author\` text NOT NULL,
  	\`operator_id\` integer,
  	\`operator_name\` text,
  	\`text\` text,
  	\`state_data\` text,
  	\`client_message_id\` text,
  	\`client_key\` text,
  	\`attachment_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`conversation_id\`) REFERENCES \`chat_conversations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`operator_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`attachment_id\`) REFERENCES \`appeal_attachments\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`chat_messages_conversation_idx\` ON \`chat_messages\` (\`conversation_id\`);`)
  await db.run(sql`CREATE INDEX \`chat_messages_seq_idx\` ON \`chat_messages\` (\`seq\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`chat_messages_seq_key_idx\` ON \`chat_messages\` (\`seq_key\`);`)
  await db.run(sql`CREATE INDEX \`chat_messages_operator_idx\` ON \`chat_messages\` (\`operator_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`chat_messages_client_key_idx\` ON \`chat_messages\` (\`client_key\`);`)
  await db.run(sql`CREATE INDEX \`chat_messages_attachment_idx\` ON \`chat_messages\` (\`attachment_id\`);`)
  await db.run(sql`CREATE INDEX \`chat_messages_updated_at_idx\` ON \`chat_messages\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`chat_messages_created_at_idx\` ON \`chat_messages\` (\`created_at\`);`)
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
  await db.run(sql`CREATE TABLE \`alert_campaigns\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`state\` text DEFAULT 'draft' NOT NULL,
  	\`source\` text DEFAULT 'manual' NOT NULL,
  	\`news_id\` integer,
  	\`scenario_id\` integer,
  	\`list_id\` integer,
  	\`start_at\` text NOT NULL,
  	\`end_at\` text NOT NULL,
  	\`per_minute\` numeric DEFAULT 600 NOT NULL,
  	\`author_id\` integer,
  	\`approved_by_id\` integer,
  	\`approved_at\` text,
  	\`started_at\` text,
  	\`finished_at\` text,
  	\`recipients\` numeric,
  	\`subject\` text,
  	\`body\` text,
  	\`news_key\` text,
  	\`prepared\` integer,
  	\`next_slot_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`news_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`scenario_id\`) REFERENCES \`alert_scenarios\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`list_id\`) REFERENCES \`alert_lists\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`author_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`approved_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`alert_campaigns_state_idx\` ON \`alert_campaigns\` (\`state\`);`)
  await db.run(sql`CREATE INDEX \`alert_campaigns_news_idx\` ON \`alert_campaigns\` (\`news_id\`);`)
  await db.run(sql`CREATE INDEX \`alert_campaigns_scenario_idx\` ON \`alert_campaigns\` (\`scenario_id\`);`)
  await db.run(sql`CREATE INDEX \`alert_campaigns_list_idx\` ON \`alert_campaigns\` (\`list_id\`);`)
  await db.run(sql`CREATE INDEX \`alert_campaigns_author_idx\` ON \`alert_campaigns\` (\`author_id\`);`)
  await db.run(sql`CREATE INDEX \`alert_campaigns_approved_by_idx\` ON \`alert_campaigns\` (\`approved_by_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`alert_campaigns_news_key_idx\` ON \`alert_campaigns\` (\`news_key\`);`)
  await db.run(sql`CREATE INDEX \`alert_campaigns_updated_at_idx\` ON \`alert_campaigns\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`alert_campaigns_created_at_idx\` ON \`alert_campaigns\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`alert_scenarios\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`subject\` text NOT NULL,
  	\`body\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`alert_scenarios_updated_at_idx\` ON \`alert_scenarios\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`alert_scenarios_created_at_idx\` ON \`alert_scenarios\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`alert_lists_kinds\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`alert_lists\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`alert_lists_kinds_order_idx\` ON \`alert_lists_kinds\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`alert_lists_kinds_parent_idx\` ON \`alert_lists_kinds\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`alert_lists\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`type\` text DEFAULT 'subscribers' NOT NULL,
  	\`voluntary\` integer,
  	\`csv\` text,
  	\`import_note\` text,
  	\`address_count\` numeric,
  	\`addresses\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`alert_lists_updated_at_idx\` ON \`alert_lists\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`alert_lists_created_at_idx\` ON \`alert_lists\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`alert_lists_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`territories_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`alert_lists\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`territories_id\`) REFERENCES \`territories\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`alert_lists_rels_order_idx\` ON \`alert_lists_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`alert_lists_rels_parent_idx\` ON \`alert_lists_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`alert_lists_rels_path_idx\` ON \`alert_lists_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`alert_lists_rels_territories_id_idx\` ON \`alert_lists_rels\` (\`territories_id\`);`)
  await db.run(sql`CREATE TABLE \`alert_deliveries\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`campaign_id\` integer NOT NULL,
  	\`email\` text NOT NULL,
  	\`subscription\` text,
  	\`state\` text DEFAULT 'planned' NOT NULL,
  	\`planned_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`campaign_id\`) REFERENCES \`alert_campaigns\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`alert_deliveries_key_idx\` ON \`alert_deliveries\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`alert_deliveries_campaign_idx\` ON \`alert_deliveries\` (\`campaign_id\`);`)
  await db.run(sql`CREATE INDEX \`alert_deliveries_state_idx\` ON \`alert_deliveries\` (\`state\`);`)
  await db.run(sql`CREATE INDEX \`alert_deliveries_updated_at_idx\` ON \`alert_deliveries\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`alert_deliveries_created_at_idx\` ON \`alert_deliveries\` (\`created_at\`);`)
  await db.run(sql`DROP TABLE \`news_settlements\`;`)
  await db.run(sql`DROP TABLE \`_news_v_version_settlements\`;`)
  await db.run(sql`ALTER TABLE \`offices\` ADD \`booking_enabled\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`offices\` ADD \`booking_horizon_days\` numeric DEFAULT 14;`)
  await db.run(sql`ALTER TABLE \`_offices_v\` ADD \`version_booking_enabled\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_offices_v\` ADD \`version_booking_horizon_days\` numeric DEFAULT 14;`)
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
  await db.run(sql`ALTER TABLE \`quarterly_reports\` ADD \`questionnaire_id\` integer REFERENCES questionnaires(id);`)
  await db.run(sql`CREATE INDEX \`quarterly_reports_questionnaire_idx\` ON \`quarterly_reports\` (\`questionnaire_id\`);`)
  await db.run(sql`ALTER TABLE \`_quarterly_reports_v\` ADD \`version_questionnaire_id\` integer REFERENCES questionnaires(id);`)
  await db.run(sql`CREATE INDEX \`_quarterly_reports_v_version_version_questionnaire_idx\` ON \`_quarterly_reports_v\` (\`version_questionnaire_id\`);`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`office_id\` integer REFERENCES offices(id);`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`chat_limit\` numeric DEFAULT 3;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`chat_hours\` text;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`chat_presence\` text DEFAULT 'offline';`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`chat_seen_at\` text;`)
  await db.run(sql`CREATE INDEX \`users_office_idx\` ON \`users\` (\`office_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`questionnaires_id\` integer REFERENCES questionnaires(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`questionnaire_answers_id\` integer REFERENCES questionnaire_answers(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`chat_templates_id\` integer REFERENCES chat_templates(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`bookings_id\` integer REFERENCES bookings(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`booking_claims_id\` integer REFERENCES booking_claims(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`chat_conversations_id\` integer REFERENCES chat_conversations(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`chat_messages_id\` integer REFERENCES chat_messages(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`alert_subscriptions_id\` integer REFERENCES alert_subscriptions(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`alert_campaigns_id\` integer REFERENCES alert_campaigns(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`alert_scenarios_id\` integer REFERENCES alert_scenarios(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`alert_lists_id\` integer REFERENCES alert_lists(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`alert_deliveries_id\` integer REFERENCES alert_deliveries(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_questionnaires_id_idx\` ON \`payload_locked_documents_rels\` (\`questionnaires_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_questionnaire_answers_id_idx\` ON \`payload_locked_documents_rels\` (\`questionnaire_answers_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_chat_templates_id_idx\` ON \`payload_locked_documents_rels\` (\`chat_templates_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_bookings_id_idx\` ON \`payload_locked_documents_rels\` (\`bookings_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_booking_claims_id_idx\` ON \`payload_locked_documents_rels\` (\`booking_claims_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_chat_conversations_id_idx\` ON \`payload_locked_documents_rels\` (\`chat_conversations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_chat_messages_id_idx\` ON \`payload_locked_documents_rels\` (\`chat_messages_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_alert_subscriptions_id_idx\` ON \`payload_locked_documents_rels\` (\`alert_subscriptions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_alert_campaigns_id_idx\` ON \`payload_locked_documents_rels\` (\`alert_campaigns_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_alert_scenarios_id_idx\` ON \`payload_locked_documents_rels\` (\`alert_scenarios_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_alert_lists_id_idx\` ON \`payload_locked_documents_rels\` (\`alert_lists_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_alert_deliveries_id_idx\` ON \`payload_locked_documents_rels\` (\`alert_deliveries_id\`);`)
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
  await db.run(sql`DROP TABLE \`offices_booking_topics\`;`)
  await db.run(sql`DROP TABLE \`offices_booking_closed_dates\`;`)
  await db.run(sql`DROP TABLE \`_offices_v_version_booking_topics\`;`)
  await db.run(sql`DROP TABLE \`_offices_v_version_booking_closed_dates\`;`)
  await db.run(sql`DROP TABLE \`news_streets\`;`)
  await db.run(sql`DROP TABLE \`news_rels\`;`)
  await db.run(sql`DROP TABLE \`_news_v_version_streets\`;`)
  await db.run(sql`DROP TABLE \`_news_v_rels\`;`)
  await db.run(sql`DROP TABLE \`questionnaires_questions_options\`;`)
  await db.run(sql`DROP TABLE \`questionnaires_questions\`;`)
  await db.run(sql`DROP TABLE \`questionnaires\`;`)
  await db.run(sql`DROP TABLE \`_questionnaires_v_version_questions_options\`;`)
  await db.run(sql`DROP TABLE \`_questionnaires_v_version_questions\`;`)
  await db.run(sql`DROP TABLE \`_questionnaires_v\`;`)
  await db.run(sql`DROP TABLE \`questionnaire_answers\`;`)
  await db.run(sql`DROP TABLE \`chat_templates\`;`)
  await db.run(sql`DROP TABLE \`bookings\`;`)
  await db.run(sql`DROP TABLE \`bookings_texts\`;`)
  await db.run(sql`DROP TABLE \`booking_claims\`;`)
  await db.run(sql`DROP TABLE \`chat_conversations\`;`)
  await db.run(sql`DROP TABLE \`chat_messages\`;`)
  await db.run(sql`DROP TABLE \`alert_subscriptions_streets\`;`)
  await db.run(sql`DROP TABLE \`alert_subscriptions_kinds\`;`)
  await db.run(sql`DROP TABLE \`alert_subscriptions\`;`)
  await db.run(sql`DROP TABLE \`alert_subscriptions_rels\`;`)
  await db.run(sql`DROP TABLE \`alert_campaigns\`;`)
  await db.run(sql`DROP TABLE \`alert_scenarios\`;`)
  await db.run(sql`DROP TABLE \`alert_lists_kinds\`;`)
  await db.run(sql`DROP TABLE \`alert_lists\`;`)
  await db.run(sql`DROP TABLE \`alert_lists_rels\`;`)
  await db.run(sql`DROP TABLE \`alert_deliveries\`;`)
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
  await db.run(sql`CREATE TABLE \`__new_users\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text DEFAULT 'Сотрудник' NOT NULL,
  	\`position\` text,
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
  await db.run(sql`INSERT INTO \`__new_users\`("id", "name", "position", "updated_at", "created_at", "email", "reset_password_token", "reset_password_expiration", "salt", "hash", "reset_password_requested_at", "login_attempts", "lock_until") SELECT "id", "name", "position", "updated_at", "created_at", "email", "reset_password_token", "reset_password_expiration", "salt", "hash", "reset_password_requested_at", "login_attempts", "lock_until" FROM \`users\`;`)
  await db.run(sql`DROP TABLE \`users\`;`)
  await db.run(sql`ALTER TABLE \`__new_users\` RENAME TO \`users\`;`)
  await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_email_idx\` ON \`users\` (\`email\`);`)
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
  await db.run(sql`ALTER TABLE \`offices\` DROP COLUMN \`booking_enabled\`;`)
  await db.run(sql`ALTER TABLE \`offices\` DROP COLUMN \`booking_horizon_days\`;`)
  await db.run(sql`ALTER TABLE \`_offices_v\` DROP COLUMN \`version_booking_enabled\`;`)
  await db.run(sql`ALTER TABLE \`_offices_v\` DROP COLUMN \`version_booking_horizon_days\`;`)
}
