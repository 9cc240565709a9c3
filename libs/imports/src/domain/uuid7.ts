import { randomUUID } from 'node:crypto';

let lastMs = 0;
let counter = 0;

/**
 * A time-ordered UUID (RFC 9562 version 7 layout: 48-bit milliseconds, then random). Rows
 * created together get neighbouring ids, so the (tenant_id, id) indexes of a bulk insert grow
 * at their right edge instead of touching a random page per row. A 12-bit counter keeps ids
 * made in the same millisecond in creation order.
 */
export function uuid7(now: number = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else {
    counter = (counter + 1) & 0xfff;
    if (counter === 0) lastMs += 1;
  }
  const ms = lastMs.toString(16).padStart(12, '0');
  const random = randomUUID();
  const seq = counter.toString(16).padStart(3, '0');
  // randomUUID: xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx; keep its variant and last 16 random digits.
  return `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7${seq}-${random.slice(19)}`;
}
