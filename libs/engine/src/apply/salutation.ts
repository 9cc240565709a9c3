/**
 * How a letter's salutation line names its addressee, once: a person as 姓名 + 先生/女士, an
 * organisation by its name (the body then says 您 / 贵单位). The sex is read from the
 * GB 11643 citizen number (17th character odd → male, even → female); without a citizen
 * number the name stands alone rather than guessing an honorific.
 */
export function salutationOf(
  name: string | undefined,
  kind: string | undefined,
  idNumber: string | undefined,
): string | undefined {
  if (!name) return undefined;
  if (kind === 'organisation') return name;
  const sexDigit = idNumber && /^\d{17}[\dX]$/.test(idNumber) ? Number(idNumber[16]) : NaN;
  if (Number.isNaN(sexDigit)) return name;
  return `${name}${sexDigit % 2 === 1 ? '先生' : '女士'}`;
}
