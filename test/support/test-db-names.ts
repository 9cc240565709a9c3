export const PG_BASE = process.env.TEST_PG_BASE ?? 'postgres://postgres@127.0.0.1:5432';
export const ADMIN_URL = `${PG_BASE}/postgres`;
export const TEMPLATE_DB = 'qs_test_template';

export function urlFor(database: string): string {
  return `${PG_BASE}/${database}`;
}
