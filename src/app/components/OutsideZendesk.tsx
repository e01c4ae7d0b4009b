import { Paragraph } from '@zendeskgarden/react-typography';
import { translationFor } from '../i18n/TranslationProvider';
import { resolveLocale } from '../i18n/catalogs';

/**
 * Shown when assets/iframe.html is opened directly rather than by Zendesk (no `origin`/`app_guid`): there is no
 * agent locale to ask for, so the browser's language decides.
 */
export default function OutsideZendesk() {
  const { t } = translationFor(resolveLocale(navigator.language));
  return <Paragraph>{t('error.outside_zendesk')}</Paragraph>;
}
