import type { TProblemStatus } from '@lianxin/contracts';
import { Select, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { toastError, toastSuccess } from '../../feedback.ts';
import { problemStatusColors, problemStatusLabels } from '../worklog/labels.ts';

/** Where a problem may go from each status (a resolved one stays resolved, as the server rules). */
const moves: Record<TProblemStatus, TProblemStatus[]> = {
  open: ['open', 'in_progress', 'resolved', 'escalated'],
  in_progress: ['open', 'in_progress', 'resolved', 'escalated'],
  escalated: ['escalated', 'resolved'],
  resolved: ['resolved'],
};

/** The status of a problem, as a select where it may still move, else as a tag. */
export function ProblemStatusSelect({
  id,
  status,
  editable,
  onChanged,
}: {
  id: string;
  status: TProblemStatus;
  editable: boolean;
  onChanged: () => void;
}) {
  const [saving, setSaving] = useState(false);
  if (!editable || moves[status].length === 1)
    return <Tag color={problemStatusColors[status]}>{problemStatusLabels[status]}</Tag>;
  const move = async (to: TProblemStatus) => {
    setSaving(true);
    try {
      await api.activities.update(id, { status: to });
      toastSuccess(`已改为${problemStatusLabels[to]}`);
      onChanged();
    } catch (error) {
      toastError(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Select<TProblemStatus>
      size="small"
      value={status}
      aria-label="问题状态"
      loading={saving}
      style={{ width: 110 }}
      onChange={(to) => void move(to)}
      options={moves[status].map((v) => ({ value: v, label: problemStatusLabels[v] }))}
    />
  );
}
