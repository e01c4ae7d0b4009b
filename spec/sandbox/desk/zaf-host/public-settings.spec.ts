import { publicSettings } from '../../../../src/sandbox/desk/zaf-host/public-settings';

describe('publicSettings', () => {
  it('keeps declared non-secure settings and drops secure and undeclared ones', () => {
    const parameters = [{ name: 'serverUrl' }, { name: 'sharedSecret', secure: true }];
    expect(publicSettings(parameters, { serverUrl: 'https://sla.example.com', sharedSecret: 's3cret', stray: 'x' })).toEqual({
      serverUrl: 'https://sla.example.com',
    });
  });
});
