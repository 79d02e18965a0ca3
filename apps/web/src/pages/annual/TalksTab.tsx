import { Alert, DatePicker, Flex, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { annualApi } from '../../api/annual.ts';
import { StackedTable } from '../../components/StackedTable.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { attempt } from './attempt.ts';

/** 约谈名单: the cadres of the subtree graded 差, and the day each talk was held. */
export function TalksTab({ year, orgId }: { year: number; orgId: string }) {
  const list = useLoad(() => annualApi.assessments.talks(year, orgId), [year, orgId]);

  async function held(assessmentId: string, cadreId: string, day: Dayjs | null) {
    if (!day) return;
    const done = await attempt(
      () => annualApi.assessments.recordTalk(assessmentId, cadreId, day.format('YYYY-MM-DD')),
      '约谈已记录',
    );
    if (done) list.reload();
  }

  type Row = NonNullable<typeof list.data>['items'][number];
  return (
    <Flex vertical gap={12}>
      {list.error ? <Alert type="error" showIcon title={list.error} /> : null}
      <StackedTable<Row>
        rowKey={(r) => `${r.assessmentId}/${r.cadreId}`}
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: '没有评为“差”的团干部' }}
        columns={[
          { title: '序号', key: 'i', width: 60, render: (_, __, i) => i + 1 },
          { title: '姓名', dataIndex: 'cadreName', width: 120 },
          { title: '考核单位', key: 'unit', render: (_, r) => r.department ?? r.orgName },
          {
            title: '约谈',
            key: 'held',
            width: 240,
            render: (_, r) =>
              r.talkHeldOn ? (
                <Tag color="blue">已约谈 {r.talkHeldOn}</Tag>
              ) : (
                <DatePicker
                  aria-label={`${r.cadreName}的约谈日期`}
                  placeholder="记录约谈日期"
                  onChange={(d) => held(r.assessmentId, r.cadreId, d)}
                />
              ),
          },
        ]}
      />
    </Flex>
  );
}
