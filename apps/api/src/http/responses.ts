import { ErrorBody } from '@hailong/contracts';
import type { z } from 'zod';

const errorContent = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorBody } },
});

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

/** The error answers every validated route may give. */
export const commonErrors = {
  400: errorContent('Malformed JSON'),
  413: errorContent('Body too large'),
  422: errorContent('Validation failed'),
};

export const sessionErrors = {
  401: errorContent('No session'),
  403: errorContent('Role not allowed, or cross-site request'),
};

export const errorResponse = errorContent;
