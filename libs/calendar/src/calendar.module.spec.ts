import { Test } from '@nestjs/testing';
import { CalendarModule } from './calendar.module';
import { CalendarService } from './calendar.service';
import { Clock, FixedClock, SystemClock } from './clock';

describe('CalendarModule', () => {
  it('binds SystemClock by default', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [CalendarModule] }).compile();
    expect(moduleRef.get(Clock)).toBeInstanceOf(SystemClock);
  });

  it("reads today's business date from the injected clock, in the tenant's zone", async () => {
    const moduleRef = await Test.createTestingModule({ imports: [CalendarModule] })
      .overrideProvider(Clock)
      .useValue(new FixedClock('2026-02-13T16:30:00Z'))
      .compile();
    const service = moduleRef.get(CalendarService);
    expect(service.today()).toBe('2026-02-14');
    expect(service.today('UTC')).toBe('2026-02-13');
    expect(service.now().toISOString()).toBe('2026-02-13T16:30:00.000Z');
    const calendar = service.calendarFor({
      extraHolidays: [{ date: '2026-02-14', reason: '年会' }],
    });
    expect(calendar.addWorkingDays(service.today(), 0)).toBe('2026-02-24');
  });
});
