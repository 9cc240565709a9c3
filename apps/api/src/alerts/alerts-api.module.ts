import { Module } from '@nestjs/common';
import { AlertsController } from './alerts.controller';

/**
 * /api/v1/alerts. The handlers live in CollectionModule, which CollectionApiModule already
 * loads (port-bound); importing it again here would load a second instance.
 */
@Module({ controllers: [AlertsController] })
export class AlertsApiModule {}
