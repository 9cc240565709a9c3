import { Module } from '@nestjs/common';
import { NoticesModule } from '@qingshou/notices';
import { ENGINE_NOTICES_PORTS } from '@qingshou/engine';
import { NoticesController } from './notices.controller';

/** The notices' HTTP edge: api.module imports this one module. */
@Module({
  // Templates are read from the tenant's pinned pack version, not from the files.
  imports: [NoticesModule.withPorts(ENGINE_NOTICES_PORTS)],
  controllers: [NoticesController],
})
export class NoticesApiModule {}
