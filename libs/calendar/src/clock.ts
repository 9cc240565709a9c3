import { Injectable } from '@nestjs/common';
import { InvalidCalendarInputError } from './calendar.errors';

/**
 * The only way to ask what time it is (DESIGN §4). Inject `Clock`; production binds
 * SystemClock, tests bind FixedClock. Nothing else reads the wall clock.
 */
export abstract class Clock {
  abstract now(): Date;
}

@Injectable()
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

function toMs(instant: Date | string): number {
  const ms = new Date(instant).getTime();
  if (Number.isNaN(ms))
    throw new InvalidCalendarInputError(`'${String(instant)}' is not an instant`);
  return ms;
}

/** A clock that stands still until told otherwise. Accepts a Date or an ISO string. */
export class FixedClock extends Clock {
  private current: number;

  constructor(instant: Date | string) {
    super();
    this.current = toMs(instant);
  }

  now(): Date {
    return new Date(this.current);
  }

  set(instant: Date | string): void {
    this.current = toMs(instant);
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms)) throw new InvalidCalendarInputError(`cannot advance by ${ms} ms`);
    this.current += ms;
  }
}
