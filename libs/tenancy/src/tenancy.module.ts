import { RenewSessionHandler } from './renew-session/renew-session.handler';
import { UpdateTenantProfileHandler } from './update-tenant-profile/update-tenant-profile.handler';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { JwtModule } from '@nestjs/jwt';
import { CalendarModule } from '@qingshou/calendar';
import { AppConfig } from '@qingshou/core';
import { AccessTokenService } from './auth/access-token.service';
import { LoginThrottle } from './auth/login-throttle';
import { PasswordHasher } from './auth/password-hasher';
import { CreateTenantHandler } from './create-tenant/create-tenant.handler';
import { CreateUserHandler } from './create-user/create-user.handler';
import { Tenant } from './entities/tenant.entity';
import { User } from './entities/user.entity';
import { GetMeHandler } from './get-me/get-me.handler';
import { LoginHandler } from './login/login.handler';

@Module({
  imports: [
    CqrsModule,
    CalendarModule,
    MikroOrmModule.forFeature([Tenant, User]),
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: config.JWT_SECRET,
        signOptions: { expiresIn: config.JWT_TTL_SECONDS, algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  providers: [
    PasswordHasher,
    LoginThrottle,
    AccessTokenService,
    LoginHandler,
    CreateTenantHandler,
    CreateUserHandler,
    GetMeHandler,
    UpdateTenantProfileHandler,
    RenewSessionHandler,
  ],
  exports: [AccessTokenService, PasswordHasher],
})
export class TenancyModule {}
