import { INestApplication, RequestMethod } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Application } from 'express';
import { Logger } from 'nestjs-pino';
import { CONSOLE_PREFIX_EXCLUDES } from '../console/http/console-routes';
import { SELF_SERVICE_PREFIX_EXCLUDES } from '../self-service/self-service.module';
import { securityHeaders } from './security-headers';
import { BODY_LIMIT_BYTES, inputGuard } from './input-guard';
import { ProblemValidationPipe } from './validation.pipe';

/** Everything main.ts and the e2e tests share, so tests exercise the real HTTP setup. */
export function configureApp(app: INestApplication): INestApplication {
  app.useLogger(app.get(Logger));
  // Registered before init, so Nest's default parsers (100 KB, errors as 500) are skipped;
  // a larger body is 413 problem+json (ProblemDetailsFilter) and bad text is 400 naming it.
  const express = app as NestExpressApplication;
  express.useBodyParser('json', { limit: BODY_LIMIT_BYTES });
  express.useBodyParser('urlencoded', { limit: BODY_LIMIT_BYTES, extended: true });
  app.use(inputGuard);
  (app.getHttpAdapter().getInstance() as Application).disable('x-powered-by');
  // Before any route (registered at init), so every answer carries the headers, errors too.
  app.use(securityHeaders());
  app.setGlobalPrefix('api/v1', {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'admin/queues', method: RequestMethod.ALL },
      ...CONSOLE_PREFIX_EXCLUDES,
      ...SELF_SERVICE_PREFIX_EXCLUDES,
    ],
  });
  app.useGlobalPipes(new ProblemValidationPipe());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Qingshou 清收 API')
      .setDescription('Multi-tenant arrears collection. Errors are RFC 9457 problem+json.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document);
  return app;
}
