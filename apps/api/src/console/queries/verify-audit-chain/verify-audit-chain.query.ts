import { ActorMeta, CollectionQuery } from '@qingshou/collection';

/** Walks the tenant's whole hash chain now (the 校验 button); a read, it changes nothing. */
export class VerifyAuditChain extends CollectionQuery {
  constructor(meta: ActorMeta) {
    super(meta);
  }
}
