import {
  ZPointProposal,
  ZPointProposalDecision,
  ZPointProposalList,
  ZPointProposalListQuery,
  ZPointProposalRequest,
} from '@lianxin/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses as errors, idParams as params } from '../../platform/http.ts';
import type { Platform } from '../../platform/platform.ts';
import { decideProposal, proposalsAt, proposePoint } from './point-proposals.service.ts';

const tags = ['contact-points'];

/** 候选联系点: proposed by a lower committee, decided by the organ above (gd2006.registration). */
export function pointProposalRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/point-proposals',
      {
        schema: {
          tags,
          summary:
            'A lower committee proposes one of its grassroots organizations as a point of an organ above',
          body: ZPointProposalRequest,
          response: { 201: ZPointProposal, ...errors },
        },
      },
      async (request, reply) => {
        reply.code(201);
        return proposePoint(p, request.actor, request.body);
      },
    );
    app.post(
      '/point-proposals/:id/decide',
      {
        schema: {
          tags,
          summary: 'The organ asked approves (the point is created and registered) or declines with a reason',
          params,
          body: ZPointProposalDecision,
          response: { 200: ZPointProposal, ...errors },
        },
      },
      async (request) => decideProposal(p, request.actor, request.params.id, request.body),
    );
    app.get(
      '/point-proposals',
      {
        schema: {
          tags,
          summary: 'The proposals an organization received and sent',
          querystring: ZPointProposalListQuery,
          response: { 200: ZPointProposalList, ...errors },
        },
      },
      async (request) => proposalsAt(p, request.actor, request.query),
    );
  };
}
