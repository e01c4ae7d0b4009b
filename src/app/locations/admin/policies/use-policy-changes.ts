import { useState } from 'react';
import type { SlaPolicy } from '../../../../core';
import type { LoadState } from '../../../load-state';
import type { AdminCallResult } from '../api/admin-call';
import { previewImpactCall, type ApplyMode, type Impact } from '../api/policies-api';
import type { RunAdminCall } from '../api/use-admin-api';

/** A change waiting for the admin to review its impact: what the list would become, and how to save it. */
export interface PendingChange {
  readonly kind: 'save' | 'toggle' | 'delete' | 'reorder';
  /** The whole list as it would be after the change (what preview-impact assesses). */
  readonly policies: readonly SlaPolicy[];
  readonly commit: (apply: ApplyMode) => Promise<AdminCallResult<unknown>>;
  /** Shows the saved state at once, before the list is read again. */
  readonly onSaved?: () => void;
}

export interface PolicyChanges {
  readonly pending: PendingChange | null;
  readonly impact: LoadState<Impact>;
  readonly apply: ApplyMode;
  readonly setApply: (apply: ApplyMode) => void;
  /** Asks the server what the change would move, then waits for `confirm` or `cancel`. */
  readonly propose: (change: PendingChange) => void;
  readonly confirm: () => Promise<AdminCallResult<unknown> | null>;
  readonly cancel: () => void;
}

/** The review step every policy change goes through: preview the impact, choose how to apply, then commit. */
export function usePolicyChanges(run: RunAdminCall | null): PolicyChanges {
  const [pending, setPending] = useState<PendingChange | null>(null);
  const [impact, setImpact] = useState<LoadState<Impact>>({ status: 'loading' });
  const [apply, setApply] = useState<ApplyMode>('recompute_open');

  const propose = (change: PendingChange) => {
    if (!run) return;
    setPending(change);
    setApply('recompute_open');
    setImpact({ status: 'loading' });
    void run(previewImpactCall(change.policies)).then((result) =>
      setImpact(result.ok ? { status: 'ready', value: result.value } : { status: 'failed', error: result.error }),
    );
  };
  const confirm = async () => {
    if (!pending) return null;
    const result = await pending.commit(apply);
    if (result.ok) pending.onSaved?.();
    setPending(null);
    return result;
  };
  return { pending, impact, apply, setApply, propose, confirm, cancel: () => setPending(null) };
}
