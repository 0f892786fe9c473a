import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`services_prices\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`item\` text NOT NULL,
  	\`unit\` text DEFAULT 'за одну работу' NOT NULL,
  	\`price\` numeric NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`services\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`services_prices_order_idx\` ON \`services_prices\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`services_prices_parent_id_idx\` ON \`services_prices\` (\`_parent_id\`);`)
  await db.run(sql`ALTER TABLE \`offices\` ADD \`head_name\` text;`)
  await db.run(sql`ALTER TABLE \`offices\` ADD \`head_phone\` text;`)
  await db.run(sql`ALTER TABLE \`_offices_v\` ADD \`version_head_name\` text;`)
  await db.run(sql`ALTER TABLE \`_offices_v\` ADD \`version_head_phone\` text;`)
  await db.run(sql`ALTER TABLE \`company_settings\` ADD \`hotline_individuals\` text;`)
  await db.run(sql`ALTER TABLE \`company_settings\` ADD \`hotline_organisations\` text;`)
  await db.run(sql`ALTER TABLE \`company_settings\` ADD \`personal_account_url\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`services_prices\`;`)
  await db.run(sql`ALTER TABLE \`offices\` DROP COLUMN \`head_name\`;`)
  await db.run(sql`ALTER TABLE \`offices\` DROP COLUMN \`head_phone\`;`)
  await db.run(sql`ALTER TABLE \`_offices_v\` DROP COLUMN \`version_head_name\`;`)
  await db.run(sql`ALTER TABLE \`_offices_v\` DROP COLUMN \`version_head_phone\`;`)
  await db.run(sql`ALTER TABLE \`company_settings\` DROP COLUMN \`hotline_individuals\`;`)
  await db.run(sql`ALTER TABLE \`company_settings\` DROP COLUMN \`hotline_organisations\`;`)
  await db.run(sql`ALTER TABLE \`company_settings\` DROP COLUMN \`personal_account_url\`;`)
}
