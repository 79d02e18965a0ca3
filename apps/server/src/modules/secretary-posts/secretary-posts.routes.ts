import { ZSecretaryLeave, ZSecretaryPost, ZSecretaryStart } from '@lianxin/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses as errors, idParams as params } from '../../platform/http.ts';
import type { Platform } from '../../platform/platform.ts';
import { leaveTerm, secretaryPost, startTerm, vacantSince } from './secretary-posts.service.ts';

const tags = ['organizations'];
const response = { 200: ZSecretaryPost, ...errors };

/** 书记职位: terms and vacancies of a committee's secretary post (cyl2014.secretary_vacancy). */
export function secretaryPostRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/organizations/:id/secretary-post',
      { schema: { tags, summary: 'The secretary post: its holders and vacancies', params, response } },
      async (request) => secretaryPost(p, request.actor, request.params.id),
    );
    app.post(
      '/organizations/:id/secretary-post/terms',
      {
        schema: {
          tags,
          summary:
            'The next holder starts: a sitting holder leaves and an open vacancy closes the day before',
          params,
          body: ZSecretaryStart,
          response,
        },
      },
      async (request) => startTerm(p, request.actor, request.params.id, request.body),
    );
    app.post(
      '/organizations/:id/secretary-post/vacancy',
      {
        schema: {
          tags,
          summary: 'The post, with no holder on record, stands empty since a day',
          params,
          body: z.object({ from: ZSecretaryLeave.shape.to }),
          response,
        },
      },
      async (request) => vacantSince(p, request.actor, request.params.id, request.body.from),
    );
    app.post(
      '/secretary-terms/:id/leave',
      {
        schema: {
          tags,
          summary: 'The holder leaves; the post is vacant from the next day',
          params,
          body: ZSecretaryLeave,
          response,
        },
      },
      async (request) => leaveTerm(p, request.actor, request.params.id, request.body.to),
    );
  };
}
