import { type Kysely, sql } from 'kysely';
import type { TestProject } from 'vitest/node';
import { createDb } from '../create-db';
import { migrateToLatest } from '../migrate';
import { startPostgres } from './postgres-server';

// vitest globalSetup: one throwaway PostgreSQL cluster per test run, with a migrated template database that each
// test copies (CREATE DATABASE … TEMPLATE is far faster than migrating again). Use it from a vitest config:
//   test: { globalSetup: ['@dg/db/testing/global-setup'] }
// TEST_POSTGRES_URL points the tests at a server you started yourself (`pnpm --filter @dg/db pg:start`).
// If the server cannot start, the error is handed to the PostgreSQL tests, which fail with it; the PGlite tests run.

export const TEMPLATE_DATABASE = 'dg_test_template';

declare module 'vitest' {
  export interface ProvidedContext {
    dgPostgres: { url: string } | { error: string };
  }
}

export default async function setup(project: TestProject) {
  let stop: (() => void) | undefined;
  try {
    let url = process.env.TEST_POSTGRES_URL;
    if (!url) {
      const server = await startPostgres();
      stop = () => server.stop();
      url = server.url;
    }
    await createTemplate(url);
    project.provide('dgPostgres', { url });
  } catch (error) {
    project.provide('dgPostgres', { error: error instanceof Error ? error.message : String(error) });
  }
  return () => stop?.();
}

async function createTemplate(adminUrl: string): Promise<void> {
  const admin = createDb({ url: adminUrl, maxConnections: 1 });
  try {
    await dropDatabase(admin.db, TEMPLATE_DATABASE);
    await sqlExec(admin.db, `create database ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.close();
  }
  const template = createDb({ url: withDatabase(adminUrl, TEMPLATE_DATABASE), maxConnections: 1 });
  try {
    await migrateToLatest(template.db);
  } finally {
    await template.close();
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function sqlExec(db: Kysely<any>, text: string): Promise<void> {
  await sql.raw(text).execute(db);
}

export async function dropDatabase(db: Kysely<any>, name: string): Promise<void> {
  await sqlExec(db, `drop database if exists ${name} with (force)`);
}
