import { renderToStaticMarkup } from 'react-dom/server';
import { ZafClientProviderMissingError, useZafClient, useZafSession } from '../../../src/app/zaf/use-zaf-client';
import { TranslationProviderMissingError, useTranslate } from '../../../src/app/i18n/use-translate';

function UsesClient() {
  useZafClient();
  return null;
}
function UsesSession() {
  useZafSession();
  return null;
}
function UsesTranslate() {
  useTranslate();
  return null;
}

describe('hooks used outside their provider', () => {
  // React logs the error it rethrows; keep the test output for real failures.
  beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('throw a named error that says what to wrap', () => {
    expect(() => renderToStaticMarkup(<UsesClient />)).toThrow(ZafClientProviderMissingError);
    expect(() => renderToStaticMarkup(<UsesSession />)).toThrow('useZafSession was called outside <ZafClientProvider>');
    expect(() => renderToStaticMarkup(<UsesTranslate />)).toThrow(TranslationProviderMissingError);
  });
});
