import { ConflictError } from '@qingshou/core';
import { applyDelivery, deadlineFor, DeliveryRefusedError, DeliveryState } from './delivery';

const letter: DeliveryState = { status: 'draft', channel: 'letter', sentOn: null, outcomeOn: null };
const rule = { periodDays: 10, fallbackOffsetDays: 3 };
const sent = applyDelivery(letter, { status: 'sent', on: '2026-09-21' }).next;

describe('delivery of a notice', () => {
  it('draft → sent → signed keeps both dates', () => {
    expect(sent).toEqual({ ...letter, status: 'sent', sentOn: '2026-09-21', outcomeOn: null });
    expect(applyDelivery(sent, { status: 'signed', on: '2026-09-23' }).next).toEqual({
      ...sent,
      status: 'signed',
      outcomeOn: '2026-09-23',
    });
  });

  it('the same fact twice is a repeat that changes nothing', () => {
    expect(applyDelivery(sent, { status: 'sent', on: '2026-09-21' })).toEqual({
      next: sent,
      repeat: true,
    });
  });

  it('a recorded outcome is final: another one is a conflict', () => {
    const signed = applyDelivery(sent, { status: 'signed', on: '2026-09-23' }).next;
    expect(() => applyDelivery(signed, { status: 'refused', on: '2026-09-24' })).toThrow(
      ConflictError,
    );
    expect(() => applyDelivery(sent, { status: 'sent', on: '2026-09-22' })).toThrow(
      'The notice is already sent on 2026-09-21; a recorded delivery is not overwritten',
    );
  });

  it('a letter handed over and signed for on a visit goes from draft to signed that day', () => {
    expect(applyDelivery(letter, { status: 'signed', on: '2026-03-02' }).next).toMatchObject({
      status: 'signed',
      sentOn: '2026-03-02',
      outcomeOn: '2026-03-02',
    });
  });

  it('refuses outcomes of the wrong channel, before sending, or dated before the send date', () => {
    expect(() => applyDelivery(sent, { status: 'delivered', on: '2026-09-22' })).toThrow(
      'A letter cannot be delivered; it ends signed, refused, undeliverable',
    );
    expect(() => applyDelivery(letter, { status: 'undeliverable', on: '2026-09-22' })).toThrow(
      DeliveryRefusedError,
    );
    expect(() => applyDelivery(sent, { status: 'signed', on: '2026-09-20' })).toThrow(
      'It cannot be signed on 2026-09-20, before it was sent on 2026-09-21',
    );
  });
});

describe('the 篇五 deadline from the delivery state', () => {
  it('sent, outcome unknown: no deadline yet, 待确认送达结果', () => {
    expect(deadlineFor(rule, sent)).toEqual({
      deadline: null,
      countFrom: null,
      explanation: '待确认送达结果',
    });
  });

  it('signed 2026-09-23: 10th day 10-03 is in the National Day holiday, so 2026-10-08', () => {
    const signed = { ...sent, status: 'signed' as const, outcomeOn: '2026-09-23' };
    expect(deadlineFor(rule, signed)).toEqual({
      deadline: '2026-10-08',
      countFrom: '2026-09-23',
      explanation: '自签收之日起10日；期满日为节假日的，顺延至节假日后第一个工作日',
    });
  });

  it('undeliverable, sent 2026-09-21: counted from 09-24, 10-04 is a holiday, so 2026-10-08', () => {
    const lost = { ...sent, status: 'undeliverable' as const, outcomeOn: '2026-09-30' };
    expect(deadlineFor(rule, lost)).toMatchObject({
      deadline: '2026-10-08',
      countFrom: '2026-09-24',
    });
  });

  it('an sms delivered counts like a signed receipt; failed has no deadline; no rule, no deadline', () => {
    const sms: DeliveryState = {
      status: 'delivered',
      channel: 'sms',
      sentOn: '2026-03-02',
      outcomeOn: '2026-03-02',
    };
    expect(deadlineFor(rule, sms).deadline).toBe('2026-03-12');
    expect(deadlineFor(rule, { ...sms, status: 'failed' })).toEqual({
      deadline: null,
      countFrom: null,
      explanation: '发送失败，期限不起算',
    });
    expect(deadlineFor(null, sent)).toEqual({ deadline: null, countFrom: null, explanation: null });
  });
});
