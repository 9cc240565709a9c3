import { DeliveryFailure } from './delivery-adapter';
import { failureOutcome, MAX_DISPATCH_ATTEMPTS } from './retry-policy';
import { smtpFailure } from './adapters/smtp-email.adapter';

const now = new Date('2026-11-30T02:00:00Z');

describe('retrying a failed notice dispatch', () => {
  it('waits 30 s after the first transient failure, 60 s after the second, 120 s after the third', () => {
    const at = (attempts: number) =>
      failureOutcome(new DeliveryFailure('451 try later', true), attempts, now).nextAttemptAt;
    expect([at(1), at(2), at(3)].map((d) => (d!.getTime() - now.getTime()) / 1000)).toEqual([
      30, 60, 120,
    ]);
  });

  it(`gives up after ${MAX_DISPATCH_ATTEMPTS} attempts and says so`, () => {
    const outcome = failureOutcome(new DeliveryFailure('451 try later', true), 5, now);
    expect(outcome).toEqual({
      error: '451 try later (gave up after 5 attempts)',
      retryable: false,
      nextAttemptAt: null,
    });
  });

  it('never retries a permanent failure', () => {
    const outcome = failureOutcome(new DeliveryFailure('550 no such user', false), 1, now);
    expect(outcome.retryable).toBe(false);
  });

  it('SMTP 4xx and connection errors are transient, 5xx is not', () => {
    expect(smtpFailure({ responseCode: 451, message: 'greylisted' }).transient).toBe(true);
    expect(smtpFailure({ code: 'ECONNECTION', message: 'refused' }).transient).toBe(true);
    expect(smtpFailure({ responseCode: 550, message: 'no such user' }).transient).toBe(false);
    expect(smtpFailure({ code: 'EAUTH', message: 'bad login' }).transient).toBe(false);
  });
});
