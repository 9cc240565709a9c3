import pino from 'pino';
import { Writable } from 'node:stream';
import { PERSONAL_DATA_SAFE_SERIALIZERS, safeErrorMessage } from './driver-errors';

const ID_NUMBER = '110101199003074514';
const PHONE = '13912345678';
const NAME = '日志测试员';

/** What knex + MikroORM make of a check violation: the statement with values, pg's fields. */
function driverError(): Error {
  const error = new Error(
    `insert into "debtors" ("id_number", "name", "phones") values ('${ID_NUMBER}', '${NAME}', '{${PHONE}}') - new row for relation "debtors" violates check constraint "debtors_check"`,
  );
  error.name = 'CheckConstraintViolationException';
  Object.assign(error, {
    code: '23514',
    severity: 'ERROR',
    detail: `Failing row contains (${ID_NUMBER}, ${NAME}, {${PHONE}}).`,
    where: `PL/pgSQL function f() line 3 at RAISE: ${NAME}`,
    schema: 'public',
    table: 'debtors',
    constraint: 'debtors_check',
    routine: 'ExecConstraints',
  });
  return error;
}

function capture(): {
  logger: pino.Logger;
  lines: () => Record<string, unknown>[];
  raw: () => string;
} {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const logger = pino({ serializers: PERSONAL_DATA_SAFE_SERIALIZERS }, sink);
  return {
    logger,
    lines: () => chunks.map((line) => JSON.parse(line) as Record<string, unknown>),
    raw: () => chunks.join(''),
  };
}

function expectNoPersonalData(text: string): void {
  expect(text).not.toContain(ID_NUMBER);
  expect(text).not.toContain(PHONE);
  expect(text).not.toContain(NAME);
}

describe('driver errors reach the log without their bound values', () => {
  it('{ err } keeps SQLSTATE, constraint, table and routine; drops detail, where and the values (msg too)', () => {
    const { logger, lines, raw } = capture();
    logger.error({ err: driverError() });
    const [line] = lines();
    expect(line.err).toEqual({
      type: 'CheckConstraintViolationException',
      message:
        'insert into "debtors" ("id_number", "name", "phones") values (?, ?, ?) - new row for relation "debtors" violates check constraint "debtors_check"',
      code: '23514',
      severity: 'ERROR',
      schema: 'public',
      table: 'debtors',
      constraint: 'debtors_check',
      routine: 'ExecConstraints',
      stack: expect.stringMatching(/^\s+at /),
    });
    // pino copies err.message into msg when no message is given
    expect(line.msg).toContain('values (?, ?, ?)');
    expectNoPersonalData(raw());
  });

  it("an error's message interpolated into text (the worker's style) loses its values", () => {
    const { logger, raw } = capture();
    logger.error(`outbox relay pass failed: ${driverError().message}`);
    expect(raw()).toContain('values (?, ?, ?)');
    expectNoPersonalData(raw());
  });

  it('a refused input that pg quotes after a colon is dropped from the message', () => {
    const error = Object.assign(
      new Error(
        `select "d0".* from "debtors" as "d0" where "d0"."id" = '${NAME}' - invalid input syntax for type uuid: "${NAME}"`,
      ),
      { code: '22P02', routine: 'string_to_uuid' },
    );
    expect(safeErrorMessage(error)).toBe(
      'select "d0".* from "debtors" as "d0" where "d0"."id" = ? - invalid input syntax for type uuid: ?',
    );
  });

  it('any other error keeps its fields with ID numbers and mobiles masked (first 6 / last 4 kept)', () => {
    const { logger, lines, raw } = capture();
    logger.error({ err: new Error(`cannot parse ${ID_NUMBER} / ${PHONE}`) });
    const [line] = lines();
    expect((line.err as { message: string }).message).toBe(
      'cannot parse 110101********4514 / 139****5678',
    );
    expect(raw()).not.toContain(ID_NUMBER);
    expect(raw()).not.toContain(PHONE);
  });
});
