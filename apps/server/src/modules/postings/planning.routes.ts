import {
  ZCreatePostingProgramRequest,
  ZEligibleCadreList,
  ZId,
  ZMoveCadreRequest,
  ZMyProgramPreferencesList,
  ZPostingPlanView,
  ZPostingPreferences,
  ZPostingProgram,
  ZPostingProgramList,
  ZPostingTargetList,
  ZProgramSuggestionList,
  ZProgramSuggestionQuery,
} from '@lianxin/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses as errors, idParams as params } from '../../platform/http.ts';
import type { Platform } from '../../platform/platform.ts';
import { generatePlan, getProgramPlan, listTargets, moveCadre, publishPlan } from './planning.service.ts';
import {
  createProgram,
  eligibleCadres,
  getProgram,
  listProgramsFor,
  myPreferences,
  setPreferences,
  suggestPrograms,
} from './programs.service.ts';

const tags = ['postings'];

/** 下沉计划 and their plans: programs, batches, eligible cadres, the planner's draft, hand edits, publishing. */
export function planningRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/posting-programs',
      { schema: { tags, body: ZCreatePostingProgramRequest, response: { 201: ZPostingProgram, ...errors } } },
      async (request, reply) => {
        reply.code(201);
        return createProgram(p, request.actor, request.body);
      },
    );
    app.get(
      '/posting-programs',
      { schema: { tags, response: { 200: ZPostingProgramList, ...errors } } },
      async (request) => listProgramsFor(p, request.actor),
    );
    app.get(
      '/posting-programs/suggestions',
      {
        schema: {
          tags,
          summary: '新建下沉计划: the kinds the organization may run, each with batches its staff can fill',
          querystring: ZProgramSuggestionQuery,
          response: { 200: ZProgramSuggestionList, ...errors },
        },
      },
      async (request) => suggestPrograms(p, request.actor, request.query.org),
    );
    app.get(
      '/posting-preferences',
      {
        schema: {
          tags,
          summary: '我的下沉意愿: the programs sending my organ, with the batches I prefer and avoid',
          response: { 200: ZMyProgramPreferencesList, ...errors },
        },
      },
      async (request) => myPreferences(p, request.actor),
    );
    app.get(
      '/posting-programs/:id',
      { schema: { tags, params, response: { 200: ZPostingProgram, ...errors } } },
      async (request) => getProgram(p, request.actor, request.params.id),
    );
    app.get(
      '/posting-programs/:id/cadres',
      {
        schema: {
          tags,
          summary: 'The organ cadres the planner places, with their months and open batches',
          params,
          response: { 200: ZEligibleCadreList, ...errors },
        },
      },
      async (request) => eligibleCadres(p, request.actor, request.params.id),
    );
    app.put(
      '/posting-programs/:id/cadres/:cadre/preferences',
      {
        schema: {
          tags,
          summary: '意愿: batches the cadre prefers and those they cannot go in; the next plan honours them',
          params: z.object({ id: ZId, cadre: ZId }),
          body: ZPostingPreferences,
          response: { 200: ZPostingPreferences.extend({ programId: ZId, cadreId: ZId }), ...errors },
        },
      },
      async (request) =>
        setPreferences(p, request.actor, request.params.id, request.params.cadre, request.body),
    );
    app.get(
      '/posting-programs/:id/targets',
      { schema: { tags, params, response: { 200: ZPostingTargetList, ...errors } } },
      async (request) => listTargets(p, request.actor, request.params.id),
    );
    app.post(
      '/posting-programs/:id/plan',
      {
        schema: {
          tags,
          summary: '生成方案: runs the planner and keeps its plan as the draft',
          params,
          response: { 201: ZPostingPlanView, ...errors },
        },
      },
      async (request, reply) => {
        reply.code(201);
        return generatePlan(p, request.actor, request.params.id);
      },
    );
    app.get(
      '/posting-programs/:id/plan',
      { schema: { tags, params, response: { 200: ZPostingPlanView, ...errors } } },
      async (request) => getProgramPlan(p, request.actor, request.params.id),
    );
    app.patch(
      '/posting-plans/:id/cadres/:cadre',
      {
        schema: {
          tags,
          summary: 'Moves one cadre in a draft; the answer holds the violations of the edited plan',
          params: z.object({ id: ZId, cadre: ZId }),
          body: ZMoveCadreRequest,
          response: { 200: ZPostingPlanView, ...errors },
        },
      },
      async (request) => moveCadre(p, request.actor, request.params.id, request.params.cadre, request.body),
    );
    app.post(
      '/posting-plans/:id/publish',
      {
        schema: {
          tags,
          summary: '发布: creates postings, groups and contact points; refused while a hard rule is broken',
          params,
          response: { 200: ZPostingPlanView, ...errors },
        },
      },
      async (request) => publishPlan(p, request.actor, request.params.id),
    );
  };
}
