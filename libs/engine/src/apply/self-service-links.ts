import { EntityManager } from '@mikro-orm/postgresql';
import type { ResolvedTemplate } from '@qingshou/policy';
import type { LetterLinks } from '@qingshou/self-service';
import type { RunContext } from '../run/run-context';

/** A ready notice (notice-data's ReadyNotice), as far as the link needs it. */
interface LetterWithData {
  readonly caseId: string;
  readonly key: string;
  readonly recipient: string;
  readonly template: string;
  readonly data: Record<string, unknown>;
}

/** A template prints the debtor's page when it names `selfService.url` or the QR partial. */
const PRINTS_LINK = /\bselfService\.url\b|\{\{>\s*self-service-qr\b/;

export function printsSelfServiceLink(
  template: Pick<ResolvedTemplate, 'body'> | undefined,
): boolean {
  return !!template && PRINTS_LINK.test(template.body);
}

/**
 * `selfService` (url, expiresOn, idDigits, preview) for the letters whose template prints the
 * debtor's page, decided by the self-service lib's LetterLinks for every path alike; a
 * letter it leaves out (another recipient, a pack without letter-qr, a closed case) has no
 * `selfService` and its template skips the QR. A preview or a dry run gets a stand-in link
 * and writes nothing. `links` null: a caller that prints no links (engine unit specs).
 */
export async function withSelfServiceLinks<T extends LetterWithData>(
  em: EntityManager,
  ctx: RunContext,
  ready: readonly T[],
  links: LetterLinks | null,
  mode: 'issue' | 'preview',
): Promise<T[]> {
  const templates = ctx.pack.pack.templates;
  const printing = ready.filter((r) =>
    printsSelfServiceLink(
      Object.prototype.hasOwnProperty.call(templates, r.template)
        ? templates[r.template]
        : undefined,
    ),
  );
  if (!links || printing.length === 0) return [...ready];
  const issued = await links.forLetters(
    em,
    {
      tenantId: ctx.tenantId,
      actorId: ctx.actorId,
      correlationId: ctx.correlationId,
      now: ctx.now,
    },
    printing.map((r) => ({ caseId: r.caseId, key: r.key, recipient: r.recipient })),
    ctx.dryRun ? 'preview' : mode,
  );
  return ready.map((r) => {
    const link = issued.get(r.key);
    return link ? { ...r, data: { ...r.data, selfService: { ...link } } } : r;
  });
}
