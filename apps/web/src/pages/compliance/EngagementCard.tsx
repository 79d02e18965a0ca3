import type { TActiveness, TCadreEngagement, TSatisfaction } from '@lianxin/contracts';
import { Alert, Card, Col, Row, Select, Statistic, Table } from 'antd';
import { useState } from 'react';
import { showcaseApi } from '../../api/showcase.ts';
import { useLoad } from '../../components/useLoad.ts';

const share = (a: TActiveness) => (a.share === null ? '—' : `${Math.round(a.share * 1000) / 10}%`);
const mean = (s: TSatisfaction) =>
  s.average === null ? '—' : `${s.average.toFixed(1)} 分（${s.ratings} 条）`;

/**
 * 活跃度 and 满意度 of the organization in a month: the share of the contacts its cadres keep that
 * were reached online or by talk (from the work log), and the youths' ratings on the cards.
 */
export function EngagementCard({ org, year }: { org: string; year: number }) {
  const now = new Date();
  const lastMonth = year === now.getFullYear() ? now.getMonth() + 1 : 12;
  const [picked, setPicked] = useState<number | null>(null);
  const month = Math.min(picked ?? lastMonth, lastMonth);
  const data = useLoad(() => showcaseApi.engagement(org, year, month), [org, year, month]);
  const e = data.data;

  return (
    <Card
      size="small"
      title="活跃度与满意度"
      data-testid="engagement"
      extra={
        <Select
          aria-label="月份"
          value={month}
          onChange={setPicked}
          options={Array.from({ length: lastMonth }, (_, i) => ({ value: i + 1, label: `${i + 1} 月` }))}
          style={{ width: 90 }}
        />
      }
    >
      {data.error ? <Alert type="error" showIcon title={data.error} /> : null}
      <Row gutter={[12, 12]}>
        {[
          {
            title: '活跃度（本月联系到的青年占比）',
            value: e ? `${share(e.activeness)}（${e.activeness.reached}/${e.activeness.contacts}）` : '…',
          },
          { title: '满意度（本月）', value: e ? mean(e.satisfaction) : '…' },
          { title: '满意度（本年累计）', value: e ? mean(e.satisfactionYear) : '…' },
        ].map((s) => (
          <Col key={s.title} xs={24} md={8}>
            <Statistic title={s.title} value={s.value} valueStyle={{ fontSize: 20 }} />
          </Col>
        ))}
      </Row>
      <Table<TCadreEngagement>
        size="small"
        style={{ marginTop: 12 }}
        rowKey="cadreId"
        loading={data.loading}
        dataSource={e?.cadres ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 560 }}
        columns={[
          { title: '团干部', dataIndex: 'cadreName' },
          { title: '联系青年', render: (_, c) => c.activeness.contacts },
          { title: '本月联系到', render: (_, c) => c.activeness.reached },
          { title: '活跃度', render: (_, c) => share(c.activeness) },
          { title: '满意度（本年）', render: (_, c) => mean(c.satisfactionYear) },
        ]}
      />
    </Card>
  );
}
