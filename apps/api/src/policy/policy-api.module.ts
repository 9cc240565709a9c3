import { Module } from '@nestjs/common';
import { EngineModule } from '@qingshou/engine';
import { OutcomesModule } from '@qingshou/outcomes';
import { PolicyModule } from '@qingshou/policy';
import { EngineController } from './engine.controller';
import { OUTCOME_CONTROLLERS } from './outcome-controllers';
import { PacksController } from './packs.controller';

/** The policy packs' HTTP edge: api.module imports this one module. */
@Module({
  imports: [PolicyModule, OutcomesModule, EngineModule],
  controllers: [PacksController, EngineController, ...OUTCOME_CONTROLLERS],
})
export class PolicyApiModule {}
