import { ActorCommand, ActorMeta } from '@qingshou/core';

/** What calling or visiting found: 空号 / 停机 / 非本人 …; 查无此人 / 已搬离 (issue 11 §2). */
export class SetContactPointStatus extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly caseId: string,
    readonly contactPointId: string,
    readonly status: string,
  ) {
    super(meta);
  }
}
