import { createContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { getZafValue } from '../zaf/zaf-client';
import { useZafClient } from '../zaf/use-zaf-client';
import { catalogFor, DEFAULT_LOCALE, resolveLocale, type SupportedLocale } from './catalogs';
import { createTranslator, type MissingKeyPolicy, type Translate } from './translate';

export interface Translation {
  readonly locale: SupportedLocale;
  readonly t: Translate;
}

export const TranslationContext = createContext<Translation | null>(null);

/** Tests and development builds throw on a missing key; production shows the key and warns. */
export const missingKeyPolicy = (): MissingKeyPolicy => (process.env.NODE_ENV === 'production' ? 'warn' : 'throw');

export function translationFor(locale: SupportedLocale, onMissing: MissingKeyPolicy = missingKeyPolicy()): Translation {
  const fallback = locale === DEFAULT_LOCALE ? undefined : catalogFor(DEFAULT_LOCALE);
  return { locale, t: createTranslator({ locale, catalog: catalogFor(locale), fallback, onMissing }) };
}

/**
 * Reads the agent's locale (`currentUser.locale`) and renders its children once it is known, so that no English
 * flashes before Japanese. If Zendesk cannot tell, English.
 */
export default function TranslationProvider({ children }: { readonly children: ReactNode }) {
  const client = useZafClient();
  const [locale, setLocale] = useState<SupportedLocale | null>(null);

  useEffect(() => {
    let current = true;
    getZafValue(client, 'currentUser.locale').then(
      (zendeskLocale) => current && setLocale(resolveLocale(zendeskLocale)),
      () => current && setLocale(DEFAULT_LOCALE),
    );
    return () => {
      current = false;
    };
  }, [client]);

  const translation = useMemo(() => (locale ? translationFor(locale) : null), [locale]);
  if (!translation) return null;
  return <TranslationContext.Provider value={translation}>{children}</TranslationContext.Provider>;
}
