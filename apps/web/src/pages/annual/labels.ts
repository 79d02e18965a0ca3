import type { TFilingState, TFilingStatus } from '@lianxin/contracts';

export const filingStatusLabels: Record<TFilingStatus, string> = {
  draft: '草稿',
  submitted: '已报送',
  returned: '已退回',
  accepted: '已通过',
};

export const filingStateLabels: Record<TFilingState, { text: string; color: string }> = {
  on_time: { text: '按时', color: 'green' },
  late: { text: '逾期报送', color: 'orange' },
  pending: { text: '未到期', color: 'default' },
  missing: { text: '逾期未报', color: 'red' },
};
