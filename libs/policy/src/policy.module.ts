import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CalendarModule } from '@qingshou/calendar';
import { LedgerModule } from '@qingshou/ledger';
import { PackLedgerTerms } from './ledger-terms/pack-ledger-terms';
import { GetCurrentPackHandler } from './lifecycle/get-current-pack/get-current-pack.handler';
import { GetPackVocabularyHandler } from './lifecycle/get-pack-vocabulary/get-pack-vocabulary.handler';
import { InstallPackHandler } from './lifecycle/install-pack/install-pack.handler';
import { ListAvailablePacksHandler } from './lifecycle/list-available-packs/list-available-packs.handler';
import { ActivePacksModule } from './lifecycle/support/active-packs';
import { ListPackInstallationsHandler } from './lifecycle/list-pack-installations/list-pack-installations.handler';
import { PreviewPackChangeHandler } from './lifecycle/preview-pack-change/preview-pack-change.handler';
import { PackInstallation } from './lifecycle/support/pack-installation.entity';
import { UpgradePackHandler } from './lifecycle/upgrade-pack/upgrade-pack.handler';
import { PackLoader } from './loader/pack-loader';
import { PackRegistry } from './loader/pack-registry';

/**
 * The pack lib: format, registries, loader and the install/upgrade lifecycle. The outcomes
 * (@qingshou/outcomes) and the engine (@qingshou/engine) sit above it; an app that serves
 * them imports their modules beside this one.
 */
@Module({
  imports: [
    CqrsModule,
    CalendarModule,
    MikroOrmModule.forFeature([PackInstallation]),
    // The ledger's terms port (PackTermsSource) is provided here: the pack lib reads pins.
    LedgerModule,
    ActivePacksModule,
  ],
  providers: [
    PackRegistry,
    PackLedgerTerms,
    PackLoader,
    InstallPackHandler,
    UpgradePackHandler,
    GetCurrentPackHandler,
    GetPackVocabularyHandler,
    ListPackInstallationsHandler,
    PreviewPackChangeHandler,
    ListAvailablePacksHandler,
  ],
  exports: [ActivePacksModule, PackRegistry, PackLoader],
})
export class PolicyModule {}
