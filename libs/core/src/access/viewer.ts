import type { Role } from '../auth/role';
import { CommandMeta, TenantCommand, TenantQuery } from '../cqrs/command-meta';

/**
 * Who is asking, as every access decision sees them: the user and their roles. Every edge
 * builds it from the principal; jobs and the CLI use `systemViewer` explicitly.
 */
export interface Viewer {
  readonly userId: string;
  readonly roles: readonly Role[];
  /** Set only by `systemViewer`: the nightly run, imports, the CLI acting for the platform. */
  readonly system?: true;
}

/**
 * A non-person caller (BullMQ job, CLI command, the nightly run): holds every permission and
 * sees every case of the tenant it runs for. Only code that no request reaches builds one;
 * `actorId` names the process in the audit trail ('worker:imports', 'cli:<user>').
 */
export function systemViewer(actorId: string): Viewer {
  return { userId: actorId, roles: [], system: true };
}

/** The viewer of a command or query that carries `actorId` and `roles`. */
export function viewerOf(message: {
  readonly actorId: string;
  readonly roles: readonly Role[];
  readonly system?: true;
}): Viewer {
  return message.system
    ? { userId: message.actorId, roles: message.roles, system: true }
    : { userId: message.actorId, roles: message.roles };
}

/** Command/query meta of a caller whose access is decided: who they are and their roles. */
export interface ActorMeta extends CommandMeta {
  readonly roles: readonly Role[];
  /** Only `systemMeta` sets it: jobs and the CLI. */
  readonly system?: true;
}

/** Meta for a job or CLI command: the system viewer, under the process's actor id. */
export function systemMeta(meta: CommandMeta): ActorMeta {
  return { ...meta, roles: [], system: true };
}

/** The viewer of an edge's principal (HTTP, console): never a system viewer. */
export function actorMetaOf(
  principal: {
    readonly userId: string;
    readonly tenantId: string;
    readonly roles: readonly Role[];
  },
  correlationId: string,
): ActorMeta {
  return {
    tenantId: principal.tenantId,
    actorId: principal.userId,
    correlationId,
    roles: principal.roles,
  };
}

/**
 * A command whose handler decides access: it carries the viewer. Handlers call
 * `requirePermission(viewerOf(command), '…')` and filter cases with `visibleCasesSql`.
 */
export abstract class ActorCommand extends TenantCommand {
  readonly roles: readonly Role[];
  readonly system?: true;

  protected constructor(meta: ActorMeta) {
    super(meta);
    this.roles = meta.roles;
    if (meta.system) this.system = true;
  }
}

/** A query whose handler decides access (see ActorCommand). */
export abstract class ActorQuery extends TenantQuery {
  readonly roles: readonly Role[];
  readonly system?: true;

  protected constructor(meta: ActorMeta) {
    super(meta);
    this.roles = meta.roles;
    if (meta.system) this.system = true;
  }
}
