import { Migration } from '@mikro-orm/migrations';

/**
 * Templates declare their purpose (issue 16): `purpose: plan-agreement` marks the pack's
 * 分期还款协议书, printed from the 还款计划 panel; everything else is a case letter. Packs
 * installed before the declaration pinned their plan agreement without it, and the case page,
 * the engine and the plan panel now read only the declaration. So the pinned snapshots get it
 * where it was implied the old way: a template requiring `plan.*` fields (only the plan
 * agreement could). The digest stays: it names the behaviour the tenant pinned, which this
 * spells out rather than changes. Idempotent; the down step takes the key away again.
 */
export class Migration20261207000041TemplatePurpose extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `update pack_installations p
          set resolved = jsonb_set(p.resolved, array['templates', t.name, 'purpose'],
                                   '"plan-agreement"'::jsonb)
         from (select pi.tenant_id, pi.id, t.key as name
                 from pack_installations pi, jsonb_each(pi.resolved -> 'templates') t
                where not t.value ? 'purpose'
                  and exists (select 1 from jsonb_array_elements_text(t.value -> 'required') f
                              where f like 'plan.%')) t
        where p.tenant_id = t.tenant_id and p.id = t.id`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `update pack_installations p
          set resolved = p.resolved #- array['templates', t.name, 'purpose']
         from (select pi.tenant_id, pi.id, t.key as name
                 from pack_installations pi, jsonb_each(pi.resolved -> 'templates') t
                where t.value ->> 'purpose' = 'plan-agreement') t
        where p.tenant_id = t.tenant_id and p.id = t.id`,
    );
  }
}
