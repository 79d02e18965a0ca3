import type { TFourPlusOne } from '@lianxin/contracts';
import { Alert, Table, type TableColumnsType, Tag } from 'antd';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useCurrentOrg } from '../../layout/CurrentOrgContext.tsx';
import { postingsApi } from './postingsApi.ts';

type TRow = TFourPlusOne['cadres'][number];

/** "4+1": per week, which county organ cadres spent a day among grassroots youth, and who missed it. */
export function FourPlusOnePage() {
  const { currentOrg } = useCurrentOrg();
  const county = currentOrg?.level === 'county' ? currentOrg.id : null;
  const view = useLoad(() => (county ? postingsApi.fourPlusOne(county) : Promise.resolve(null)), [county]);
  const data = view.data;
  const columns: TableColumnsType<TRow> = [
    { title: '干部', dataIndex: 'name', width: 110, fixed: 'left' },
    ...(data?.weeks ?? []).map((week, i) => ({
      title: `${week.slice(5)} 周`,
      key: week,
      width: 90,
      render: (_: unknown, r: TRow) => {
        const days = r.days[i] ?? [];
        if (days.length > 0) return <Tag color="green">{days.length} 天</Tag>;
        return week === data?.currentWeek ? <Tag>本周</Tag> : <Tag color="red">缺</Tag>;
      },
    })),
    { title: '缺勤周数', dataIndex: 'missed', width: 90, fixed: 'right' },
  ];
  return (
    <>
      <PageHeader title="“4+1”到基层工作" />
      {!county ? (
        <Alert type="info" showIcon title="请在左侧选择一个县级团委" />
      ) : (
        <Table<TRow>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={data?.cadres ?? []}
          loading={view.loading}
          scroll={{ x: 900 }}
          pagination={false}
          locale={{ emptyText: view.error ?? '本县级团委暂无机关干部' }}
        />
      )}
    </>
  );
}
