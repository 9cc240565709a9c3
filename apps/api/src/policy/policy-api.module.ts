import { Module } from '@nestjs/common';
import { PolicyModule } from '@qingshou/policy';
import { PacksController } from './packs.controller';

/** The policy packs' HTTP edge: api.module imports this one module. */
@Module({
  imports: [PolicyModule],
  controllers: [PacksController],
})
export class PolicyApiModule {}
