import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AppConfig, loadAppConfig } from './app-config';

/**
 * Provides the validated `AppConfig`. `.env` (git-ignored) is read by @nestjs/config into
 * process.env first; tests pass a ready config instead.
 */
@Global()
@Module({})
export class AppConfigModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: AppConfigModule,
      imports: [
        ConfigModule.forRoot({
          ignoreEnvFile: config !== undefined,
          envFilePath: ['.env'],
          validate: (env) => {
            if (!config) loadAppConfig(env);
            return env;
          },
        }),
      ],
      providers: [{ provide: AppConfig, useFactory: () => config ?? loadAppConfig(process.env) }],
      exports: [AppConfig],
    };
  }
}
