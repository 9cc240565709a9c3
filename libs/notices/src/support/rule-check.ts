import { validateSync } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { DeliveryRule } from '../rendering/front-matter';
import type { InputProblems } from './notice-context';

/** A delivery rule handed to a command, checked with the same constraints as front matter. */
export function checkRule(rule: unknown, problems: InputProblems): void {
  if (rule === null || typeof rule !== 'object' || Array.isArray(rule)) {
    problems.add('deliveryRule', 'must be {periodDays, fallbackOffsetDays}');
    return;
  }
  const errors = validateSync(plainToInstance(DeliveryRule, rule), {
    whitelist: true,
    forbidNonWhitelisted: true,
  });
  for (const error of errors) {
    for (const reason of Object.values(error.constraints ?? {})) {
      problems.add(`deliveryRule.${error.property}`, reason);
    }
  }
}
