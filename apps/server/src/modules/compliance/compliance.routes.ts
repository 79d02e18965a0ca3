import {
  ZComplianceAnswer,
  ZComplianceEvidenceQuery,
  ZComplianceQuery,
  ZDashboard,
  ZDashboardQuery,
  ZExemption,
  ZExemptionList,
  ZExemptionListQuery,
  ZExemptionRequest,
  ZPresetAdoption,
  ZPresetAdoptionList,
  ZPresetAdoptionRequest,
  ZResultsPage,
  ZResultsQuery,
  ZTrend,
  ZTrendQuery,
} from '@lianxin/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses as errors, idParams as params } from '../../platform/http.ts';
import type { Platform } from '../../platform/platform.ts';
import { complianceDashboard, complianceResults, complianceTrend } from './compliance.dashboard.ts';
import { complianceEvidence, evaluateCompliance } from './compliance.service.ts';
import { approveExemption, exemptionsInScope, requestExemption } from './exemptions.service.ts';
import { adoptPreset, presetsInForceAt } from './presets.service.ts';

const tags = ['compliance'];

/** Compliance evaluation (docs/interchange.md), preset adoption and exemptions. */
export function complianceRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/compliance',
      {
        schema: {
          tags,
          summary:
            'One result per rule in force and subject: a cadre their own, a leader or org admin their subtree',
          querystring: ZComplianceQuery,
          response: { 200: ZComplianceAnswer, ...errors },
        },
      },
      async (request) => evaluateCompliance(p, request.actor, request.query),
    );
    app.get(
      '/compliance/evidence',
      {
        schema: {
          tags,
          summary:
            'One subject’s results with their evidence (the records drawer): the subtree evaluated as the dashboard does, listing only that cadre’s or point’s records',
          querystring: ZComplianceEvidenceQuery,
          response: { 200: ZComplianceAnswer, ...errors },
        },
      },
      async (request) => complianceEvidence(p, request.actor, request.query),
    );
    app.get(
      '/compliance/dashboard',
      {
        schema: {
          tags,
          summary:
            'The 达标看板 of a subtree aggregated on the server: headline, per rule, per sub-organization, one page of laggards',
          querystring: ZDashboardQuery,
          response: { 200: ZDashboard, ...errors },
        },
      },
      async (request) => complianceDashboard(p, request.actor, request.query),
    );
    app.get(
      '/compliance/trend',
      {
        schema: {
          tags,
          summary: 'The headline of a subtree at each month’s end of the year, in one call',
          querystring: ZTrendQuery,
          response: { 200: ZTrend, ...errors },
        },
      },
      async (request) => complianceTrend(p, request.actor, request.query),
    );
    app.get(
      '/compliance/results',
      {
        schema: {
          tags,
          summary: 'One page of subject results (count-only) for a drill-down: one rule’s, or one cadre’s',
          querystring: ZResultsQuery,
          response: { 200: ZResultsPage, ...errors },
        },
      },
      async (request) => complianceResults(p, request.actor, request.query),
    );
    app.get(
      '/organizations/:id/presets',
      {
        schema: {
          tags,
          summary: 'Presets in force at an organization: adopted there or inherited from above',
          params,
          response: { 200: ZPresetAdoptionList, ...errors },
        },
      },
      async (request) => presetsInForceAt(p, request.actor, request.params.id),
    );
    app.post(
      '/organizations/:id/presets',
      {
        schema: {
          tags,
          summary: 'Adopt a preset, with the parameters this level tightens (never loosens)',
          params,
          body: ZPresetAdoptionRequest,
          response: { 200: ZPresetAdoption, ...errors },
        },
      },
      async (request) => adoptPreset(p, request.actor, request.params.id, request.body),
    );
    app.post(
      '/exemptions',
      {
        schema: {
          tags,
          summary: 'Request an exemption (pending until an admin above the requesting organization approves)',
          body: ZExemptionRequest,
          response: { 201: ZExemption, ...errors },
        },
      },
      async (request, reply) => {
        reply.code(201);
        return requestExemption(p, request.actor, request.body);
      },
    );
    app.post(
      '/exemptions/:id/approve',
      { schema: { tags, params, response: { 200: ZExemption, ...errors } } },
      async (request) => approveExemption(p, request.actor, request.params.id),
    );
    app.get(
      '/exemptions',
      { schema: { tags, querystring: ZExemptionListQuery, response: { 200: ZExemptionList, ...errors } } },
      async (request) => exemptionsInScope(p, request.actor, request.query),
    );
  };
}
