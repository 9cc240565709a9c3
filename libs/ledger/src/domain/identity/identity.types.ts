/** Validators never throw on bad input: a bad ID in an import row is data, not a crash. */
export type Validation<T> = ({ ok: true } & T) | { ok: false; reason: string; reasonZh: string };

export function refuse(
  reason: string,
  reasonZh: string,
): { ok: false; reason: string; reasonZh: string } {
  return { ok: false, reason, reasonZh };
}

/** Full-width forms (U+FF01–U+FF5E) and the ideographic space. */
export const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;
