// Fastify type augmentation: the principal on each request and the `access` level in each route's config.
import type { Access, Principal } from './credentials';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}
