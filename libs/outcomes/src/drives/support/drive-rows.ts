import { EntityManager } from '@mikro-orm/postgresql';
import { NotFoundError } from '@qingshou/core';
import type { LocalizedText } from '@qingshou/policy';

export interface DriveRow {
  readonly id: string;
  readonly driveKey: string;
  readonly names: LocalizedText;
  readonly packId: string;
  readonly packVersion: string;
  readonly launchDate: string;
  readonly endsOn: string;
}

export interface PhaseRow {
  readonly seq: number;
  readonly phaseKey: string;
  readonly names: LocalizedText;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly targets: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The launched drive and its dated phases; 404 for an id not in this tenant. */
export async function loadDrive(
  em: EntityManager,
  tenantId: string,
  driveId: string,
): Promise<{ drive: DriveRow; phases: PhaseRow[] }> {
  if (!UUID.test(driveId)) throw new NotFoundError('drive', driveId);
  const drives = await em.execute<Record<string, string>[]>(
    `select id, drive_key, names, pack_id, pack_version, launch_date::text, ends_on::text
     from drives where tenant_id = ? and id = ?`,
    [tenantId, driveId],
  );
  const d = drives[0];
  if (!d) throw new NotFoundError('drive', driveId);
  const phases = await em.execute<Record<string, unknown>[]>(
    `select seq, phase_key, names, starts_on::text, ends_on::text, targets
     from drive_phases where tenant_id = ? and drive_id = ? order by seq`,
    [tenantId, driveId],
  );
  return {
    drive: {
      id: d.id,
      driveKey: d.drive_key,
      names: d.names as unknown as LocalizedText,
      packId: d.pack_id,
      packVersion: d.pack_version,
      launchDate: d.launch_date,
      endsOn: d.ends_on,
    },
    phases: phases.map((p) => ({
      seq: Number(p.seq),
      phaseKey: String(p.phase_key),
      names: p.names as LocalizedText,
      startsOn: String(p.starts_on),
      endsOn: String(p.ends_on),
      targets: (p.targets as string[]) ?? [],
    })),
  };
}
