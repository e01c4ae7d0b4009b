import { errorResponse, rejected } from '../../../src/server/http/http-errors';

describe('errorResponse', () => {
  it('maps rejections to their status with code, message and the first problem path', () => {
    const problems = [{ path: 'week.mon[0]', code: 'invalid_time', message: 'not a time' }];
    expect(errorResponse(rejected.invalid('invalid_schedule', 'Schedule is invalid', problems))).toEqual({
      status: 400,
      body: { error: { code: 'invalid_schedule', message: 'Schedule is invalid', path: 'week.mon[0]', problems } },
      unexpected: false,
    });
    expect(errorResponse(rejected.unauthorized('invalid_token', 'no')).status).toBe(401);
    expect(errorResponse(rejected.notFound('unknown', 'no')).status).toBe(404);
    expect(errorResponse(rejected.conflict('version_conflict', 'no')).status).toBe(409);
  });

  it("maps Fastify's client errors by code", () => {
    expect(errorResponse(Object.assign(new Error('x'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 }))).toMatchObject({
      status: 413,
      body: { error: { code: 'body_too_large' } },
    });
    expect(errorResponse(Object.assign(new SyntaxError('Unexpected token'), { statusCode: 400 }))).toMatchObject({
      status: 400,
      body: { error: { code: 'malformed_json' } },
    });
  });

  it('answers anything else with a bare 500 that reveals nothing', () => {
    const response = errorResponse(new Error('relation "accounts" does not exist at /srv/app/store.ts:12'));
    expect(response).toEqual({ status: 500, body: { error: { code: 'internal', message: 'Internal server error' } }, unexpected: true });
  });
});
