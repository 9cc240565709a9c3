import { INestApplication, RequestMethod } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { CONSOLE_PREFIX_EXCLUDES } from '../console/http/console-routes';
import { ProblemValidationPipe } from './validation.pipe';

/** Everything main.ts and the e2e tests share, so tests exercise the real HTTP setup. */
export function configureApp(app: INestApplication): INestApplication {
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api/v1', {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'admin/queues', method: RequestMethod.ALL },
      ...CONSOLE_PREFIX_EXCLUDES,
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
