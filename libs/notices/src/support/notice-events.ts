/**
 * Event types the notices lib appends. 'domain-events' is the outbox topic the relay in
 * libs/jobs publishes; notices sits below jobs and may not import its queue names.
 */
export const NOTICE_EVENTS = {
  issued: 'NoticeIssued',
  deliveryRecorded: 'NoticeDeliveryRecorded',
} as const;

export const DOMAIN_EVENTS_TOPIC = 'domain-events';

export const NOTICE_AGGREGATE = 'notice';
