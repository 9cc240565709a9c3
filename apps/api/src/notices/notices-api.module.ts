import { Module } from '@nestjs/common';
import { NoticesModule } from '@qingshou/notices';
import { NoticesController } from './notices.controller';

/** The notices' HTTP edge: api.module imports this one module. */
@Module({
  imports: [NoticesModule],
  controllers: [NoticesController],
})
export class NoticesApiModule {}
