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
import { SessionClock, SessionStore, SystemSessionClock } from './auth/session-store';
import { Sessions } from './auth/sessions';
import { ChangePasswordHandler } from './change-password/change-password.handler';
import { DisableUserHandler } from './disable-user/disable-user.handler';
import { LogoutHandler } from './logout/logout.handler';
import { SignOutEverywhereHandler } from './sign-out-everywhere/sign-out-everywhere.handler';
import { UpdateSessionPolicyHandler } from './update-session-policy/update-session-policy.handler';
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
    { provide: SessionClock, useClass: SystemSessionClock },
    SessionStore,
    Sessions,
    LogoutHandler,
    SignOutEverywhereHandler,
    DisableUserHandler,
    ChangePasswordHandler,
    UpdateSessionPolicyHandler,
  ],
  exports: [AccessTokenService, PasswordHasher, Sessions, SessionClock],
})
export class TenancyModule {}
