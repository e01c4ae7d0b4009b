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

  it('answers content that fails validation with 422, and conflicts with what the client needs to resolve them', () => {
    const problems = [{ path: 'policy.targets[2].targetMinutes', code: 'too_small', message: 'must be > 0' }];
    expect(errorResponse(rejected.unprocessable('invalid_policy', 'Policy is invalid', problems))).toEqual({
      status: 422,
      body: { error: { code: 'invalid_policy', message: 'Policy is invalid', path: 'policy.targets[2].targetMinutes', problems } },
      unexpected: false,
    });
    expect(errorResponse(rejected.conflict('duplicate_name', 'taken', { name: 'EMEA' }, 'name')).body).toEqual({
      error: { code: 'duplicate_name', message: 'taken', path: 'name', details: { name: 'EMEA' } },
    });
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
