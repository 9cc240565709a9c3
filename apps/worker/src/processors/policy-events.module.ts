import { Module } from '@nestjs/common';
import { NoticesModule } from '@qingshou/notices';
import { ENGINE_NOTICES_PORTS, PolicyEventsModule } from '@qingshou/engine';

/**
 * Pack rules and notice approval gates consume the relayed domain events here; the notices
 * they issue render from the tenant's pinned pack.
 */
@Module({ imports: [PolicyEventsModule, NoticesModule.withPorts(ENGINE_NOTICES_PORTS)] })
export class PolicyEventsWorkerModule {}
