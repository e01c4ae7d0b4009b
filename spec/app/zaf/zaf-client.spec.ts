import { getZafValue, ZafPathMissingError, type ZafClient } from '../../../src/app/zaf/zaf-client';

const aClient = (answer: Record<string, unknown>) => ({ get: async () => ({ errors: {}, ...answer }) }) as unknown as ZafClient;

describe('getZafValue', () => {
  it('returns the value of the one path asked', async () => {
    expect(await getZafValue(aClient({ 'ticket.id': 42 }), 'ticket.id')).toBe(42);
  });

  it('throws a named error when the answer lacks the path', async () => {
    await expect(getZafValue(aClient({}), 'currentUser.locale')).rejects.toThrow(new ZafPathMissingError('currentUser.locale'));
  });
});
