export { dialects, createTestDatabase, testPostgresUrl, type TestDatabase } from './test-databases';
export {
  findPostgresBinDir,
  freePort,
  PostgresBinariesMissingError,
  type PostgresServer,
  startPostgres,
} from './postgres-server';
