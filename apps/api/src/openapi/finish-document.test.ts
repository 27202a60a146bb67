import { describe, expect, it } from 'vitest';
import { finishDocument, operationIdOf } from './finish-document.ts';

describe('finishing the OpenAPI document', () => {
  it('names an operation after its method and path, without the version prefix', () => {
    expect(operationIdOf('get', '/api/v1/feedback/{id}')).toBe('getFeedbackById');
    expect(operationIdOf('post', '/api/v1/feedback/{id}/transitions')).toBe(
      'postFeedbackByIdTransitions',
    );
    expect(operationIdOf('get', '/api/v1/exports/tally.csv')).toBe('getExportsTallyCsv');
    expect(operationIdOf('get', '/healthz')).toBe('getHealthz');
  });

  it('keeps a declared operationId and security, says [] where none is needed, and names the server', () => {
    const doc = finishDocument(
      {
        paths: {
          '/api/v1/units': { get: { operationId: 'listUnits', security: [{ session: [] }] } },
          '/api/v1/auth/login': { post: {} },
        },
      },
      undefined,
    );
    expect(doc.paths!['/api/v1/units']!.get).toEqual({
      operationId: 'listUnits',
      security: [{ session: [] }],
    });
    expect(doc.paths!['/api/v1/auth/login']!.post).toEqual({
      operationId: 'postAuthLogin',
      security: [],
    });
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/' })]);
  });

  it('refuses two operations with one operationId', () => {
    expect(() =>
      finishDocument(
        { paths: { '/a-b': { get: {} }, '/a/b': { get: {} } } },
        'https://hailong.tinh.gov.vn',
      ),
    ).toThrow(/getAB/);
  });
});
