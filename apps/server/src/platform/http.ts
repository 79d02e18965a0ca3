import { ZErrorResponse, ZId } from '@lianxin/contracts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { badRequest } from './errors.ts';

/** The error answers every route may give, for its response schema (and so the OpenAPI document). */
export const errorResponses = {
  400: ZErrorResponse,
  401: ZErrorResponse,
  403: ZErrorResponse,
  404: ZErrorResponse,
  409: ZErrorResponse,
} as const;

export const idParams = z.object({ id: ZId });

/** The one file of a multipart/form-data request, in its field `file`; 400 naming what is missing. */
export async function uploadedFile(request: FastifyRequest) {
  if (!request.isMultipart())
    throw badRequest('Send the file as multipart/form-data', '请以表单方式上传文件');
  const part = await request.file();
  if (part?.fieldname !== 'file') {
    throw badRequest('No file in the field `file`', '没有收到文件', [
      { path: 'file', message: '必填 / required' },
    ]);
  }
  return { fileName: part.filename, mime: part.mimetype, data: await part.toBuffer() };
}
