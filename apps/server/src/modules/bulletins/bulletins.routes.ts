import { ZBulletin, ZBulletinQuery, ZBulletinSettings, ZRankingSwitches } from '@lianxin/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses as errors, idParams as params } from '../../platform/http.ts';
import type { Platform } from '../../platform/platform.ts';
import { send } from '../forms/forms.routes.ts';
import { DOCX } from '../forms/forms.service.ts';
import { bulletinDocx } from './bulletins.docx.ts';
import { getBulletin, getSettings, setSettings } from './bulletins.service.ts';

const tags = ['bulletins'];

/** 通报 of a level: the page's figures, the .docx to print, and the ranking switches (decision 32). */
export function bulletinRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/organizations/:id/bulletin',
      {
        schema: {
          tags,
          summary: "A level's monthly, quarterly or half-yearly bulletin on its lower organizations",
          params,
          querystring: ZBulletinQuery,
          response: { 200: ZBulletin, ...errors },
        },
      },
      async (r) => getBulletin(p, r.actor, r.params.id, r.query),
    );
    app.get(
      '/organizations/:id/bulletin.docx',
      {
        config: { produces: [DOCX] },
        schema: {
          tags,
          summary: 'The bulletin as a .docx to print',
          params,
          querystring: ZBulletinQuery,
          response: errors,
        },
      },
      async (r, reply) =>
        send(reply, await bulletinDocx(await getBulletin(p, r.actor, r.params.id, r.query))),
    );
    app.get(
      '/organizations/:id/bulletin-settings',
      { schema: { tags, params, response: { 200: ZBulletinSettings, ...errors } } },
      async (r) => getSettings(p, r.actor, r.params.id),
    );
    app.put(
      '/organizations/:id/bulletin-settings',
      {
        schema: {
          tags,
          summary: 'Ranking switches of an adopting level (both off by default)',
          params,
          body: ZRankingSwitches,
          response: { 200: ZBulletinSettings, ...errors },
        },
      },
      async (r) => setSettings(p, r.actor, r.params.id, r.body),
    );
  };
}
