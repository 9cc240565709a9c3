import { Migration } from '@mikro-orm/migrations';

const STEPS = [
  'filing',
  'preservation',
  'negotiation',
  'mediation',
  'hearing',
  'judgment',
  'enforcement',
  'withdrawal',
  'closure',
];

/**
 * The legal room (issue 11 §5): a matter's steps as courts and packs name them — the leasing
 * pack negotiates (协商), courts mediate (调解), a plaintiff withdraws (撤诉) and a matter ends
 * (结案), which closes it — and each step may carry its document (起诉状, 裁定书, 判决书 …),
 * stored as an attachment like a contact's recording.
 */
export class Migration20261207000025LegalMatters extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table legal_events drop constraint if exists legal_events_step_check`);
    this.addSql(
      `alter table legal_events add constraint legal_events_step_check
         check (step in (${STEPS.map((s) => `'${s}'`).join(', ')}))`,
    );
    this.addSql(`alter table legal_events add column attachment_id uuid`);
    this.addSql(
      `alter table legal_events add constraint legal_events_attachment_fk
         foreign key (tenant_id, attachment_id) references attachments (tenant_id, id)
         deferrable initially deferred`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table legal_events drop constraint legal_events_attachment_fk`);
    this.addSql(`alter table legal_events drop column attachment_id`);
    this.addSql(`alter table legal_events drop constraint legal_events_step_check`);
    this.addSql(
      `alter table legal_events add constraint legal_events_step_check
         check (step in ('filing', 'preservation', 'hearing', 'judgment', 'enforcement'))`,
    );
  }
}
