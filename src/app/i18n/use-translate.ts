import { useContext } from 'react';
import { TranslationContext, type Translation } from './TranslationProvider';

export class TranslationProviderMissingError extends Error {
  constructor() {
    super('useTranslate was called outside <TranslationProvider>.');
    this.name = 'TranslationProviderMissingError';
  }
}

/** `const { t, locale } = useTranslate()`: texts in the agent's locale (see TranslationProvider). */
export function useTranslate(): Translation {
  const translation = useContext(TranslationContext);
  if (!translation) throw new TranslationProviderMissingError();
  return translation;
}
