import { RequestMethod } from '@nestjs/common';
import type { RouteInfo } from '@nestjs/common/interfaces';

/** The console is served at / and /console/**, outside the API's global prefix /api/v1. */
export const CONSOLE_PREFIX_EXCLUDES: RouteInfo[] = [
  { path: '/', method: RequestMethod.GET },
  { path: 'console', method: RequestMethod.ALL },
  { path: 'console/{*rest}', method: RequestMethod.ALL },
];
