import { callAdmin, problemsOf } from '../../../../../src/app/locations/admin/api/admin-call';
import { saveScheduleCall } from '../../../../../src/app/locations/admin/api/schedules-api';
import type { ZafClient, ZafRequestOptions } from '../../../../../src/app/zaf/zaf-client';

const identity = { serverUrl: 'https://sla.example.com', subdomain: 'acme', userId: 7, role: 'admin' };

/** Zendesk's SDK as far as request() goes: answers (or rejects) with `answer`, recording the options it was given. */
function aZafClient(answer: { resolve: unknown } | { reject: unknown }) {
  const requests: ZafRequestOptions[] = [];
  const client = {
    request: (options: ZafRequestOptions) => {
      requests.push(options);
      return 'resolve' in answer ? Promise.resolve(answer.resolve) : Promise.reject(answer.reject);
    },
  } as unknown as ZafClient;
  return { client, requests };
}

const spec = { timeZone: 'Europe/Warsaw', week: { mon: [['09:00', '17:00'] as const] } };

describe('callAdmin', () => {
  it('signs the call as sla-server-api does, adding the admin’s role to the claims', async () => {
    // The server answers the schedule itself, its spec under `schedule`.
    const saved = { id: 's1', name: 'EMEA', schedule: spec, createdAt: 1, updatedAt: 2 };
    const { client, requests } = aZafClient({ resolve: { status: 201, responseJSON: saved } });
    const result = await callAdmin(client, identity, saveScheduleCall(null, 'EMEA', spec));
    expect(result).toEqual({ ok: true, value: { id: 's1', name: 'EMEA', spec, createdAt: 1, updatedAt: 2 } });
    expect(requests[0]).toMatchObject({
      url: 'https://sla.example.com/api/schedules',
      type: 'POST',
      data: JSON.stringify({ name: 'EMEA', schedule: spec }),
      secure: true,
      jwt: { claims: { iss: 'acme', sub: '7', role: 'admin' } },
    });
  });

  it('keeps the fields a 422 names, so the editor can show them beside the field', async () => {
    const body = { error: { code: 'invalid_schedule', message: 'invalid', path: 'schedule.week.mon[0]', details: [{ path: 'schedule.week.mon[0][1]', code: 'invalid_time', message: '"25:00" is not a time' }] } };
    const { client } = aZafClient({ reject: { status: 422, responseText: JSON.stringify(body) } });
    const result = await callAdmin(client, identity, saveScheduleCall('s1', 'EMEA', spec));
    expect(result).toEqual({
      ok: false,
      error: { kind: 'http', status: 422, code: 'invalid_schedule' },
      problems: [{ path: 'schedule.week.mon[0][1]', code: 'invalid_time', message: '"25:00" is not a time' }],
    });
  });

  it('says the server is unreachable when the proxy gets no answer', async () => {
    const { client } = aZafClient({ reject: { status: 0, statusText: 'error' } });
    expect(await callAdmin(client, identity, saveScheduleCall(null, 'x', spec))).toMatchObject({ ok: false, error: { kind: 'unreachable' }, problems: [] });
    const gateway = aZafClient({ resolve: { status: 503, responseText: '' } });
    expect(await callAdmin(gateway.client, identity, saveScheduleCall(null, 'x', spec))).toMatchObject({ ok: false, error: { kind: 'unreachable', detail: 'status 503' } });
  });
});

describe('problemsOf', () => {
  it('reads `problems`, `details` or a single `path`, the conflict’s code standing for the field’s', () => {
    expect(problemsOf({ code: 'invalid', problems: [{ path: 'title', code: 'too_small', message: 'x' }] })).toEqual([{ path: 'title', code: 'too_small', message: 'x' }]);
    expect(problemsOf({ code: 'duplicate_name', message: 'taken', path: 'name' })).toEqual([{ path: 'name', code: 'duplicate_name', message: 'taken' }]);
    expect(problemsOf({ code: 'not_found', message: 'gone' })).toEqual([]);
  });
});

describe('problemsOf, with a 409 as the server words it', () => {
  it('names the field of a duplicate name, and nothing for a conflict that concerns no field', () => {
    expect(problemsOf({ code: 'duplicate_name', message: 'Another schedule is already named "EMEA"', path: 'name', details: { name: 'EMEA' } })).toEqual([
      { path: 'name', code: 'duplicate_name', message: 'Another schedule is already named "EMEA"' },
    ]);
    expect(problemsOf({ code: 'schedule_in_use', message: 'Schedule is used by 1 policy', details: { policies: [{ id: 'p1', title: 'Gold' }] } })).toEqual([]);
  });
});
