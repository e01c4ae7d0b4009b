import { useState } from 'react';
import { Button } from '@zendeskgarden/react-buttons';
import { Field, Toggle } from '@zendeskgarden/react-forms';
import { Tag } from '@zendeskgarden/react-tags';
import { MD, SM } from '@zendeskgarden/react-typography';
import type { SlaPolicy } from '../../../../core';
import type { Translate } from '../../../i18n/translate';

interface Props {
  /** In list order: the first one wins ties between equally specific policies. */
  readonly policies: readonly SlaPolicy[];
  readonly warningCounts: Readonly<Record<string, number>>;
  readonly busy: boolean;
  readonly t: Translate;
  readonly onEdit: (id: string) => void;
  readonly onToggle: (id: string, active: boolean) => void;
  readonly onMove: (from: number, to: number) => void;
  readonly onDelete: (id: string) => void;
}

/**
 * The policies in order. Drag a row by its handle to reorder it, or use "Move up"/"Move down" (keyboard and
 * screen readers). The switch activates or deactivates a policy without opening it.
 */
export default function PolicyList({ policies, warningCounts, busy, t, onEdit, onToggle, onMove, onDelete }: Props) {
  const [dragging, setDragging] = useState<number | null>(null);
  if (policies.length === 0) return <MD>{t('admin.policies.empty')}</MD>;
  return (
    <ol aria-label={t('admin.policies.list_label')} style={{ listStyle: 'none', padding: 0, margin: 0, maxWidth: 1000 }}>
      {policies.map((policy, index) => {
        const conditions = policy.filter.all.length + policy.filter.any.length;
        const warnings = warningCounts[policy.id] ?? 0;
        return (
          <li
            key={policy.id}
            data-policy-id={policy.id}
            draggable={!busy}
            onDragStart={(e) => {
              setDragging(index);
              e.dataTransfer.effectAllowed = 'move';
              e.dataTransfer.setData('text/plain', policy.id);
            }}
            onDragOver={(e) => {
              if (dragging !== null) e.preventDefault();
            }}
            onDrop={(e) => {
              e.preventDefault();
              if (dragging !== null && dragging !== index) onMove(dragging, index);
              setDragging(null);
            }}
            onDragEnd={() => setDragging(null)}
            style={{
              display: 'grid',
              gridTemplateColumns: '24px 32px 1fr auto auto',
              gap: 12,
              alignItems: 'center',
              padding: '10px 8px',
              borderBottom: '1px solid #e9ebed',
              background: dragging === index ? '#edf7ff' : undefined,
            }}
          >
            <span aria-hidden title={t('admin.policies.drag')} style={{ cursor: 'grab', color: '#68737d' }}>
              ⠿
            </span>
            <SM aria-label={t('admin.policies.position', { position: index + 1 })}>{index + 1}</SM>
            <div>
              <MD isBold data-policy-title>{policy.title}</MD>
              <SM>
                {t('admin.policies.summary', { conditions, targets: policy.targets.length })}{' '}
                {warnings > 0 && <Tag hue="yellow" size="small">{t('admin.policies.warning_count', { count: warnings })}</Tag>}
              </SM>
            </div>
            <Field>
              <Toggle checked={policy.active} disabled={busy} onChange={(e) => onToggle(policy.id, e.target.checked)}>
                <Field.Label isRegular>{policy.active ? t('admin.policies.is_active') : t('admin.policies.is_inactive')}</Field.Label>
              </Toggle>
            </Field>
            <div style={{ display: 'flex', gap: 4 }}>
              <Button size="small" disabled={busy || index === 0} onClick={() => onMove(index, index - 1)} aria-label={t('admin.policies.move_up_label', { title: policy.title })}>
                {t('admin.policies.move_up')}
              </Button>
              <Button size="small" disabled={busy || index === policies.length - 1} onClick={() => onMove(index, index + 1)} aria-label={t('admin.policies.move_down_label', { title: policy.title })}>
                {t('admin.policies.move_down')}
              </Button>
              <Button size="small" onClick={() => onEdit(policy.id)} aria-label={t('admin.policies.edit_label', { title: policy.title })}>
                {t('admin.common.edit')}
              </Button>
              <Button size="small" isDanger disabled={busy} onClick={() => onDelete(policy.id)} aria-label={t('admin.policies.delete_label', { title: policy.title })}>
                {t('admin.common.delete')}
              </Button>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
