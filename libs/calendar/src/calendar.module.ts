import { Global, Module } from '@nestjs/common';
import { CalendarService } from './calendar.service';
import { Clock, SystemClock } from './clock';

/** Provides `Clock` (SystemClock; override with FixedClock in tests) and CalendarService. */
@Global()
@Module({
  providers: [{ provide: Clock, useClass: SystemClock }, CalendarService],
  exports: [Clock, CalendarService],
})
export class CalendarModule {}
