import { useMemo, useState } from 'react';
import { Button } from '@zendeskgarden/react-buttons';
import { Modal } from '@zendeskgarden/react-modals';
import { lintPolicies, validatePolicy, type FieldError, type SlaPolicy } from '../../../../core';
import ErrorNotice from '../../../components/ErrorNotice';
import LoadingState from '../../../components/LoadingState';
import { useTranslate } from '../../../i18n/use-translate';
import { useAccountDirectory } from '../api/account-directory';
import { createPolicyCall, deletePolicyCall, listPoliciesCall, reorderPoliciesCall, updatePolicyCall, type SavedPolicy } from '../api/policies-api';
import { listSchedulesCall } from '../api/schedules-api';
import { useAdminApi } from '../api/use-admin-api';
import Notice, { type NoticeState } from '../common/Notice';
import { describeSaveError } from '../common/describe-save-error';
import { useAdminLoad } from '../common/use-admin-load';
import { useAdminTimeZone } from '../common/use-admin-time-zone';
import { withoutPrefix } from '../form/field-problems';
import ImpactReview from './ImpactReview';
import { moveItem } from './move-item';
import { draftOf, emptyDraft, policyOf, toGridPaths, type PolicyDraft } from './policy-draft';
import PolicyEditor from './PolicyEditor';
import PolicyList from './PolicyList';
import SimulatePanel from './SimulatePanel';
import { usePolicyChanges } from './use-policy-changes';

/** The Policies tab: the ordered list, and the editor for one policy; every change is reviewed for its impact. */
export default function PoliciesTab() {
  const { t, locale } = useTranslate();
  const run = useAdminApi();
  const directory = useAccountDirectory();
  const timeZone = useAdminTimeZone();
  const list = useAdminLoad(run, listPoliciesCall);
  const schedules = useAdminLoad(run, listSchedulesCall);
  const changes = usePolicyChanges(run);
  const [draft, setDraft] = useState<PolicyDraft | null>(null);
  const [problems, setProblems] = useState<FieldError[]>([]);
  const [notice, setNotice] = useState<NoticeState>(null);
  const [busy, setBusy] = useState(false);

  const saved: readonly SavedPolicy[] = list.state.status === 'ready' ? list.state.value : [];
  const policies = saved.map((s) => s.policy);
  const scheduleChoices = schedules.state.status === 'ready' ? schedules.state.value.map(({ id, name }) => ({ id, name })) : [];
  const scheduleIds = schedules.state.status === 'ready' ? scheduleChoices.map((s) => s.id) : undefined;
  const titleOf = (id: string) => policies.find((p) => p.id === id)?.title ?? id;
  const withDraft = (policy: SlaPolicy) => (policies.some((p) => p.id === policy.id) ? policies.map((p) => (p.id === policy.id ? policy : p)) : [...policies, policy]);

  const listWarnings = useMemo(() => lintPolicies(policies, scheduleIds ? { scheduleIds } : {}), [policies, scheduleIds]);
  const draftPolicy = draft ? policyOf(draft) : null;
  const draftWarnings = draftPolicy && draft ? lintPolicies(withDraft(draftPolicy), scheduleIds ? { scheduleIds } : {}).filter((w) => w.policyId === draftPolicy.id) : [];
  const warningCounts = listWarnings.reduce<Record<string, number>>((counts, w) => ({ ...counts, [w.policyId]: (counts[w.policyId] ?? 0) + 1 }), {});

  const finish = (result: Awaited<ReturnType<typeof changes.confirm>>, success: string, forDraft: PolicyDraft | null) => {
    if (!result) return;
    if (result.ok) {
      setNotice({ type: 'success', text: success });
      setDraft(null);
      setProblems([]);
    } else {
      setNotice({ type: 'error', text: describeSaveError(result.error, t) });
      if (forDraft) setProblems(toGridPaths(withoutPrefix(result.problems, 'policy'), forDraft));
    }
    list.reload();
  };

  const save = () => {
    if (!draft) return;
    const checked = validatePolicy(policyOf(draft), scheduleIds ? { scheduleIds } : {});
    if (!checked.ok) {
      setProblems(toGridPaths(checked.errors, draft));
      setNotice(null);
      return;
    }
    setProblems([]);
    const policy = checked.value;
    const current = draft;
    changes.propose({
      kind: 'save',
      policies: withDraft(policy),
      commit: (apply) => (run ? (current.id === null ? run(createPolicyCall(policy, apply)) : run(updatePolicyCall(policy, current.version ?? 1, apply))) : Promise.reject(new Error('not ready'))),
    });
  };

  const toggle = (id: string, active: boolean) => {
    const entry = saved.find((s) => s.policy.id === id);
    if (!entry || !run) return;
    const policy = { ...entry.policy, active };
    changes.propose({ kind: 'toggle', policies: withDraft(policy), commit: (apply) => run(updatePolicyCall(policy, entry.version, apply)) });
  };

  const remove = (id: string) => {
    if (!run) return;
    changes.propose({ kind: 'delete', policies: policies.filter((p) => p.id !== id), commit: (apply) => run(deletePolicyCall(id, apply)) });
  };

  const move = (from: number, to: number) => {
    if (!run) return;
    const moved = moveItem(policies, from, to).map((policy, position) => ({ ...policy, position }));
    changes.propose({
      kind: 'reorder',
      policies: moved,
      commit: (apply) => run(reorderPoliciesCall(moved.map((p) => p.id), apply)),
      onSaved: () => list.set(moveItem(saved, from, to).map((s, position) => ({ ...s, policy: { ...s.policy, position } }))),
    });
  };

  const confirm = async () => {
    const kind = changes.pending?.kind;
    setBusy(true);
    const result = await changes.confirm();
    setBusy(false);
    finish(result, t(`admin.policies.done_${kind ?? 'save'}`), kind === 'save' ? draft : null);
  };

  if (list.state.status === 'loading') return <LoadingState label={t('admin.policies.loading')} />;
  if (list.state.status === 'failed') return <ErrorNotice error={list.state.error} t={t} retryInSeconds={null} onRetry={list.reload} />;

  return (
    <div>
      <Notice notice={notice} />
      {draft ? (
        <PolicyEditor
          draft={draft}
          directory={directory}
          schedules={scheduleChoices}
          problems={problems}
          warnings={draftWarnings}
          busy={busy || changes.pending !== null}
          t={t}
          titleOf={titleOf}
          onChange={setDraft}
          onSave={save}
          onCancel={() => {
            setDraft(null);
            setProblems([]);
          }}
        />
      ) : null}
      {draft && draftPolicy && <SimulatePanel run={run} policies={withDraft(draftPolicy)} locale={locale} timeZone={timeZone} t={t} />}
      {draft ? null : (
        <>
          <Button isPrimary style={{ marginBottom: 16 }} onClick={() => { setNotice(null); setDraft(emptyDraft(policies.length)); }}>
            {t('admin.policies.new')}
          </Button>
          <PolicyList
            policies={policies}
            warningCounts={warningCounts}
            busy={busy}
            t={t}
            onEdit={(id) => {
              const entry = saved.find((s) => s.policy.id === id);
              setNotice(null);
              if (entry) setDraft(draftOf(entry.policy, entry.version));
            }}
            onToggle={toggle}
            onMove={move}
            onDelete={remove}
          />
        </>
      )}
      {changes.pending && (
        <Modal onClose={changes.cancel} isLarge aria-label={t('admin.impact.heading')}>
          <Modal.Header>{t(`admin.impact.heading_${changes.pending.kind}`)}</Modal.Header>
          <Modal.Body>
            <ImpactReview impact={changes.impact} apply={changes.apply} locale={locale} timeZone={timeZone} t={t} onApplyChange={changes.setApply} />
          </Modal.Body>
          <Modal.Footer>
            <Modal.FooterItem>
              <Button isBasic onClick={changes.cancel} disabled={busy}>
                {t('admin.common.cancel')}
              </Button>
            </Modal.FooterItem>
            <Modal.FooterItem>
              <Button isPrimary isDanger={changes.pending.kind === 'delete'} onClick={() => void confirm()} disabled={busy}>
                {t(`admin.impact.confirm_${changes.pending.kind}`)}
              </Button>
            </Modal.FooterItem>
          </Modal.Footer>
          <Modal.Close aria-label={t('admin.common.close')} />
        </Modal>
      )}
    </div>
  );
}
