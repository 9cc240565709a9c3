export * from './money';
export * from './rate';
export * from './local-date';
export * from './amount-in-words';

export * from './schedule/schedule.types';
export * from './schedule/equal-installment.schedule';
export * from './schedule/equal-principal.schedule';
export * from './schedule/interest-only.schedule';
export * from './schedule/bullet.schedule';
export * from './schedule/student-loan.schedule';
export * from './schedule/generate-schedule';

export * from './allocation/allocation.types';
export * from './allocation/payment.allocator';
export * from './allocation/payment-ledger';

export * from './balance/dpd-threshold';
export * from './balance/aging-bucket';
export * from './balance/loan-class';
export * from './balance/months-in-arrears.sql';
export * from './balance/overdue-installments';
export * from './balance/overdue-installments.sql';
export * from './balance/unpaid-balance.sql';
export * from './balance/account.types';
export * from './balance/balance.calculator';

export * from './identity/identity.types';
export * from './identity/resident-id.validator';
export * from './identity/social-credit-code.validator';
export * from './identity/masking';
