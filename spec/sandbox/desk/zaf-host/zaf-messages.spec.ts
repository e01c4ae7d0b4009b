import { parseAppMessage } from '../../../../src/sandbox/desk/zaf-host/zaf-messages';

const wire = (message: unknown) => JSON.stringify(message);

describe('parseAppMessage', () => {
  it.each([
    ['the handshake', wire({ key: 'iframe.handshake', message: { version: '2.0.9' }, appGuid: 'g', instanceGuid: 'g' }), { kind: 'handshake', version: '2.0.9' }],
    ['a subscription', wire({ key: 'iframe.on:ticket.priority.changed', message: { subscriberCount: 2 } }), { kind: 'subscribe', event: 'ticket.priority.changed', subscriberCount: 2 }],
    ['an unsubscription', wire({ key: 'iframe.off:ticket.save', message: { subscriberCount: 0 } }), { kind: 'unsubscribe', event: 'ticket.save', subscriberCount: 0 }],
    ['a get', wire({ id: 3, request: 'get', params: ['ticket.id'] }), { kind: 'call', id: 3, request: 'get', params: ['ticket.id'] }],
    ['a request', wire({ key: 'request:1', message: { url: 'https://x' } }), { kind: 'request', key: 'request:1', options: { url: 'https://x' } }],
    ['a hook accepted (a plain object, not JSON)', { appGuid: 'g', key: 'iframe.reply:ticket.save' }, { kind: 'hook_reply', hook: 'ticket.save', error: null }],
    ['a hook refused', { appGuid: 'g', key: 'iframe.reply:ticket.save', error: { msg: 'Not yet' } }, { kind: 'hook_reply', hook: 'ticket.save', error: 'Not yet' }],
    ['telemetry', wire({ key: '__track__', message: { event_name: 'x' } }), { kind: 'other', key: '__track__', message: { event_name: 'x' } }],
  ])('reads %s', (_case, data, expected) => {
    expect(parseAppMessage(data)).toEqual(expected);
  });

  it.each([['not JSON', '{nope'], ['a number', 42], ['no key and no id', wire({ hello: 1 })], ['null', null]])(
    'ignores %s',
    (_case, data) => {
      expect(parseAppMessage(data)).toBeNull();
    },
  );
});
