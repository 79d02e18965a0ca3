import { ZErrorResponse, ZId } from '@lianxin/contracts';
import { z } from 'zod';

/** The error answers every route may give, for its response schema (and so the OpenAPI document). */
export const errorResponses = {
  400: ZErrorResponse,
  401: ZErrorResponse,
  403: ZErrorResponse,
  404: ZErrorResponse,
  409: ZErrorResponse,
} as const;

export const idParams = z.object({ id: ZId });
