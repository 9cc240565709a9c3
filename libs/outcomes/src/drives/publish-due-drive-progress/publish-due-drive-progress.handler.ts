import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { requirePermission, viewerOf } from '@qingshou/core';
import { CalendarService, compareLocalDates, type LocalDate } from '@qingshou/calendar';
import { TenantTx } from '@qingshou/db';
import { pgTextArray } from '../../kpi/sql/account-state.sql';
import { pinnedPack, resolveAsOf } from '../../kpi/support/pinned-pack';
import { occurrences, type Schedule } from '../domain/schedule-dates';
import { PublishDriveProgress } from '../publish-drive-progress/publish-drive-progress.command';
import {
  DueDrivePublications,
  PublishDueDriveProgress,
} from './publish-due-drive-progress.command';

interface Due {
  readonly driveId: string;
  readonly publication: string;
  readonly asOf: LocalDate;
}

@CommandHandler(PublishDueDriveProgress)
export class PublishDueDriveProgressHandler implements ICommandHandler<
  PublishDueDriveProgress,
  DueDrivePublications
> {
  constructor(
    private readonly tx: TenantTx,
    private readonly calendar: CalendarService,
    private readonly commands: CommandBus,
  ) {}

  async execute(command: PublishDueDriveProgress): Promise<DueDrivePublications> {
    requirePermission(viewerOf(command), 'drive.publish');
    const { asOf, due, stored } = await this.tx.run(command.tenantId, async (em) => {
      const asOf = await resolveAsOf(em, this.calendar, command.tenantId, command.asOf);
      const pack = await pinnedPack(em, command.tenantId);
      const drives = await em.execute<
        { id: string; drive_key: string; launch_date: string; ends_on: string }[]
      >(
        `select id, drive_key, launch_date::text, ends_on::text from drives
         where tenant_id = ? and launch_date <= ? order by launch_date, id`,
        [command.tenantId, asOf],
      );
      const due: Due[] = [];
      for (const drive of drives) {
        const spec = pack.spec.drives.find((d) => d.id === drive.drive_key);
        const until = compareLocalDates(drive.ends_on, asOf) < 0 ? drive.ends_on : asOf;
        for (const publication of spec?.publications ?? []) {
          const dates = occurrences(publication.schedule as Schedule, drive.launch_date, until);
          due.push(
            ...dates.map((d) => ({ driveId: drive.id, publication: publication.id, asOf: d })),
          );
        }
      }
      const rows = due.length
        ? await em.execute<{ key: string }[]>(
            `select drive_id || '|' || publication_key || '|' || as_of::text as key
             from drive_publications where tenant_id = ? and drive_id = any(?::uuid[])`,
            [command.tenantId, pgTextArray([...new Set(due.map((d) => d.driveId))])],
          )
        : [];
      return { asOf, due, stored: new Set(rows.map((r) => r.key)) };
    });
    const missing = due
      .filter((d) => !stored.has(`${d.driveId}|${d.publication}|${d.asOf}`))
      .sort((a, b) => compareLocalDates(a.asOf, b.asOf));
    const published: DueDrivePublications['published'][number][] = [];
    // One transaction per publication (PublishDriveProgress): a crash midway keeps what was
    // stored, and the next run publishes only what is still missing.
    for (const d of missing) {
      const view = await this.commands.execute(
        new PublishDriveProgress(command, d.driveId, d.publication, d.asOf),
      );
      published.push({
        driveId: d.driveId,
        publication: d.publication,
        asOf: d.asOf,
        status: view.status,
      });
    }
    return { asOf, published, alreadyPublished: due.length - missing.length };
  }
}
