import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Principal } from './principal.js';

export const IS_PUBLIC = 'fabrique:isPublic';
export const ADMIN_ONLY = 'fabrique:adminOnly';

/** The route needs no access token (login, health, invitation acceptance). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only global admins may call the route: others get 403. */
export const AdminOnly = () => SetMetadata(ADMIN_ONLY, true);

/** The authenticated caller, set by AccessTokenGuard. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const request = context.switchToHttp().getRequest<{ principal?: Principal }>();
  if (!request.principal) throw new Error('CurrentPrincipal used on a route without AccessTokenGuard');
  return request.principal;
});
