import { describeAppError } from '../../../components/describe-app-error';
import type { Translate } from '../../../i18n/translate';
import type { AppError } from '../../../load-state';

/** Conflicts and refusals the admin can act on, in words; other failures as the app words them everywhere. */
export function describeSaveError(error: AppError, t: Translate): string {
  if (error.kind === 'http' && error.code && ['version_conflict', 'duplicate_name', 'schedule_in_use', 'policies_changed', 'forbidden'].includes(error.code)) {
    return t(`admin.save_errors.${error.code}`);
  }
  if (error.kind === 'http' && (error.status === 400 || error.status === 422)) return t('admin.save_errors.invalid');
  if (error.kind === 'http' && error.status === 403) return t('admin.save_errors.forbidden');
  return describeAppError(error, t);
}
