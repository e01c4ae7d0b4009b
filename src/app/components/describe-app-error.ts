import type { Translate } from '../i18n/translate';
import type { AppError } from '../load-state';

/** One sentence, in the agent's language, for why a call to our server failed. */
export function describeAppError(error: AppError, t: Translate): string {
  switch (error.kind) {
    case 'unreachable':
      return t('sidebar.server_unreachable');
    case 'http':
      return t('error.http', { status: String(error.status) });
    case 'invalid_response':
      return t('error.invalid_response');
  }
}
