import { ThemeProvider } from '@zendeskgarden/react-theming';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { translationFor } from '../../../../src/app/i18n/TranslationProvider';
import type { SupportedLocale } from '../../../../src/app/i18n/catalogs';

/** Translations that throw on a missing key, as in development builds. */
export const tIn = (locale: SupportedLocale = 'en') => translationFor(locale, 'throw').t;

/**
 * Static markup of a presentational component. Garden's fields wire label and message ids in a layout effect, which
 * React warns does nothing on the server: that one warning is expected here and kept out of the output; any other
 * console error still shows.
 */
export function renderMarkup(element: ReactElement): string {
  const original = console.error;
  console.error = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes('useLayoutEffect does nothing on the server')) return;
    original(...args);
  };
  try {
    return renderToStaticMarkup(<ThemeProvider>{element}</ThemeProvider>);
  } finally {
    console.error = original;
  }
}

/** The text a reader sees, in document order (markup stripped). */
export const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();

/**
 * The markup from the element carrying `attribute="value"` up to the next element carrying the same attribute (or
 * the end): one row or cell of a grid, so a test can say a message shows *beside* a field, not just somewhere.
 */
export function sectionOf(html: string, attribute: string, value: string): string {
  const start = html.indexOf(`${attribute}="${value}"`);
  if (start === -1) throw new Error(`no ${attribute}="${value}" in the markup`);
  const next = html.indexOf(`${attribute}="`, start + attribute.length + value.length + 3);
  return html.slice(html.lastIndexOf('<', start), next === -1 ? undefined : html.lastIndexOf('<', next));
}

/** `<select>`s' chosen options and inputs' values, in order. */
export const selectedOptions = (html: string) => [...html.matchAll(/<option[^>]*selected=""[^>]*>([^<]*)</g)].map((m) => m[1]);
export const inputValues = (html: string) => [...html.matchAll(/<input[^>]*value="([^"]*)"/g)].map((m) => m[1]);
