// GET /connector-icons/{id}.svg: the logo behind each connector's imageUrl (Pluggy's CDN stand-in).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { SandboxContext } from '../context';
import { connectorIconSvg } from '../data/connector-icons';
import { notFound } from '../http/api-error';

const IconParam = z.object({ file: z.string().regex(/^\d{1,6}\.svg$/) });

export function connectorIconRoutes(app: FastifyInstance, _ctx: SandboxContext): void {
  app.get('/connector-icons/:file', async (request, reply) => {
    const params = IconParam.safeParse(request.params);
    const svg = params.success ? connectorIconSvg(Number.parseInt(params.data.file, 10)) : null;
    if (svg === null) throw notFound('Connector icon');
    return reply
      .type('image/svg+xml')
      .header('cache-control', 'public, max-age=86400')
      .header('x-content-type-options', 'nosniff')
      .send(svg);
  });
}
