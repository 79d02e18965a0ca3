import { ZErrorResponse, ZId, ZImportResult } from '@lianxin/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uploadedFile } from '../../platform/http.ts';
import type { Platform } from '../../platform/platform.ts';
import { contactTemplate, importContacts } from '../contacts/contacts.import.ts';
import { loadOrg } from '../organizations/organizations.service.ts';
import { cadreTemplate, importCadres } from './cadres.import.ts';
import { importOrganizations, organizationTemplate } from './organizations.import.ts';

const kinds = {
  cadres: { template: cadreTemplate, run: importCadres, fileName: '团干部导入模板.xlsx' },
  organizations: {
    template: organizationTemplate,
    run: importOrganizations,
    fileName: '基层团组织导入模板.xlsx',
  },
  // one cadre's list (query `cadre`, else the caller's own), not an organization subtree
  contacts: { template: contactTemplate, run: importContacts, fileName: '联系青年导入模板.xlsx' },
};
const ZKind = z.enum(['cadres', 'organizations', 'contacts']);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const errors = {
  400: ZErrorResponse,
  401: ZErrorResponse,
  403: ZErrorResponse,
  404: ZErrorResponse,
  413: ZErrorResponse,
};

/** Excel imports: download the template, preview (commit=false), then write (commit=true). */
export function importRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/imports/:kind/template',
      { config: { produces: [XLSX] }, schema: { tags: ['imports'], params: z.object({ kind: ZKind }) } },
      async (request, reply) => {
        const kind = kinds[request.params.kind];
        reply
          .header('Content-Type', XLSX)
          .header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(kind.fileName)}`);
        return kind.template();
      },
    );

    app.post(
      '/imports/:kind',
      {
        schema: {
          tags: ['imports'],
          summary: 'multipart/form-data with one .xlsx in field `file`',
          params: z.object({ kind: ZKind }),
          querystring: z.object({
            commit: z.enum(['true', 'false']).default('false'),
            parent: ZId.optional(),
            cadre: ZId.optional(),
          }),
          response: { 200: ZImportResult, ...errors },
        },
      },
      async (request) => {
        const { data: file } = await uploadedFile(request);
        const commit = request.query.commit === 'true';
        if (request.params.kind === 'contacts')
          return kinds.contacts.run(p, request.actor, request.query.cadre, file, commit);
        const rootId = request.query.parent ?? request.actor.scopeOrgId ?? 'central';
        const root = await loadOrg(p, request.actor, rootId, 'write');
        return kinds[request.params.kind].run(p, request.actor, root, file, commit);
      },
    );
  };
}
