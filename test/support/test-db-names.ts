export const PG_BASE = process.env.TEST_PG_BASE ?? 'postgres://postgres@127.0.0.1:5432';
export const ADMIN_URL = `${PG_BASE}/postgres`;

/**
 * Each jest run gets its own template (`qs_t<epoch seconds>_<jest pid>_tpl`) so two runs on
 * one machine never drop each other's databases. The name reaches the workers by environment.
 */
export function templateDb(): string {
  const name = process.env.QS_TEST_TEMPLATE;
  if (!name) throw new Error('QS_TEST_TEMPLATE is unset: run integration tests through jest');
  return name;
}

export function runPrefix(template: string): string {
  return template.replace(/_tpl$/, '');
}

export function urlFor(database: string): string {
  return `${PG_BASE}/${database}`;
}
