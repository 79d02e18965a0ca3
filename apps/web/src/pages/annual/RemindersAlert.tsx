import { Alert, Flex } from 'antd';
import { annualApi } from '../../api/annual.ts';
import { useLoad } from '../../components/useLoad.ts';

/** What is due for the caller in the next 30 days, and what is overdue (提醒), points due for rotation included. */
export function RemindersAlert({ year }: { year: number }) {
  const reminders = useLoad(() => annualApi.reminders(year), [year]);
  const items = reminders.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Flex vertical gap={8} style={{ marginBottom: 12 }}>
      {items.map((r) => (
        <Alert
          key={`${r.kind}-${r.due}-${r.title}`}
          type={r.state === 'missing' ? 'error' : 'info'}
          showIcon
          title={`${r.title}：${r.state === 'missing' ? `已逾期 ${-r.daysLeft} 天` : `${r.due} 前（还有 ${r.daysLeft} 天）`}${
            r.cadres
              ? r.kind === 'point_rotation'
                ? `，联系人：${r.cadres.map((c) => c.name).join('、')}`
                : `，未报 ${r.cadres.length} 人：${r.cadres.map((c) => c.name).join('、')}`
              : ''
          }`}
        />
      ))}
    </Flex>
  );
}
