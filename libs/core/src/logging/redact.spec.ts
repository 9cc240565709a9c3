import pino from 'pino';
import { Writable } from 'node:stream';
import { maskPersonalData, REDACTED_LOG_PATHS } from './redact';

describe('logs never carry ID numbers, phones or tokens whole', () => {
  it('pino redacts the authorization header, passwords, tokens, ID numbers and phones', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = pino({ redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' } }, sink);
    logger.info({
      req: { headers: { authorization: 'Bearer eyJhbGciOi.secret' } },
      body: {
        password: 'hunter22',
        accessToken: 'tok',
        idNumber: '11010519670523465X',
        phone: '18908695986',
      },
    });
    const line = JSON.parse(lines[0]);
    expect(line.req.headers.authorization).toBe('[redacted]');
    expect(line.body).toEqual({
      password: '[redacted]',
      accessToken: '[redacted]',
      idNumber: '[redacted]',
      phone: '[redacted]',
    });
  });

  it('free text keeps the first 6 and last 4 of an ID number and masks the middle of a mobile', () => {
    expect(maskPersonalData('借款人 11010519670523465X 电话 18908695986')).toBe(
      '借款人 110105********465X 电话 189****5986',
    );
  });
});
