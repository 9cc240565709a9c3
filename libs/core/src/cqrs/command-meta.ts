/**
 * Who asks, for whom, and under which correlation: every command and query carries it
 * (Novu's pattern), so handlers never reach for request globals.
 */
export interface CommandMeta {
  readonly tenantId: string;
  readonly actorId: string;
  readonly correlationId: string;
}

export abstract class TenantCommand {
  readonly tenantId: string;
  readonly actorId: string;
  readonly correlationId: string;

  protected constructor(meta: CommandMeta) {
    this.tenantId = meta.tenantId;
    this.actorId = meta.actorId;
    this.correlationId = meta.correlationId;
  }
}

export abstract class TenantQuery {
  readonly tenantId: string;
  readonly actorId: string;
  readonly correlationId: string;

  protected constructor(meta: CommandMeta) {
    this.tenantId = meta.tenantId;
    this.actorId = meta.actorId;
    this.correlationId = meta.correlationId;
  }
}
