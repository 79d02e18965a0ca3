import { DownloadOutlined } from '@ant-design/icons';
import type { TTaskListContent } from '@lianxin/contracts';
import { Alert, Button, Card, Checkbox, Flex, Form, Input, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Navigate } from 'react-router-dom';
import { annualApi, currentYear } from '../../api/annual.ts';
import { ApiError } from '../../api/client.ts';
import { api } from '../../api/endpoints.ts';
import { useLoad } from '../../components/useLoad.ts';
import { toastError, toastSuccess } from '../../feedback.ts';
import { MobileLayout } from '../../layout/MobileLayout.tsx';
import { useSignedIn } from '../../session/SessionContext.tsx';
import { filingStateLabels, filingStatusLabels } from './labels.ts';
import { RemindersAlert } from './RemindersAlert.tsx';
import { ResearchCard } from './ResearchCard.tsx';
import { SelfCheckCard } from './SelfCheckCard.tsx';

const AREAS: { name: keyof Omit<TTaskListContent, 'pointIds'>; label: string; hint: string }[] = [
  { name: 'lecture', label: '理论宣讲', hint: '确定宣讲内容、时间' },
  { name: 'talk', label: '交流谈心', hint: '联系团干部、团员青年分类开展谈心谈话' },
  { name: 'research', label: '调查研究', hint: '确定调研课题' },
  { name: 'work', label: '推动工作', hint: '帮助基层研究推动2-3项具体工作' },
];

/** 任务清单 (附表1) on the phone: the cadre's plan in four areas and up to four of their points. */
export function MyTaskListPage() {
  const { account } = useSignedIn();
  const cadreId = account.cadreId;
  const year = currentYear();
  const [form] = Form.useForm<TTaskListContent>();
  const [busy, setBusy] = useState(false);
  const loaded = useLoad(async () => {
    if (!cadreId) return null;
    const [points, filing] = await Promise.all([
      api.points.list({ cadre: cadreId }),
      annualApi.taskList.get(year, cadreId).catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }),
    ]);
    form.setFieldsValue(filing?.content ?? { lecture: '', talk: '', research: '', work: '', pointIds: [] });
    return { points: points.items.filter((p) => !p.to || p.to >= `${year}-01-01`), filing };
  }, [cadreId, year]);

  if (!cadreId) return <Navigate to="/me" replace />;
  const filing = loaded.data?.filing ?? null;
  const locked = filing?.status === 'submitted' || filing?.status === 'accepted';

  async function save(submit: boolean) {
    if (!cadreId) return;
    setBusy(true);
    try {
      await annualApi.taskList.save(year, cadreId, await form.validateFields());
      if (submit) await annualApi.taskList.submit(year, cadreId);
      toastSuccess(submit ? '任务清单已报送' : '已保存');
      loaded.reload();
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <MobileLayout>
      <Flex vertical gap={12}>
        <Typography.Title level={1} style={{ fontSize: 20, margin: '4px 0' }}>
          {year} 年任务清单
        </Typography.Title>
        {loaded.error ? <Alert type="error" showIcon title={loaded.error} /> : null}
        <RemindersAlert year={year} />
        {filing ? (
          <Card size="small">
            <Flex gap={8} wrap align="center">
              <Tag>{filingStatusLabels[filing.status]}</Tag>
              <Tag color={filingStateLabels[filing.state].color}>{filingStateLabels[filing.state].text}</Tag>
              {filing.firstSubmittedOn ? <span>报送于 {filing.firstSubmittedOn}</span> : null}
              <Button
                size="small"
                icon={<DownloadOutlined />}
                href={annualApi.forms.taskList(year, cadreId)}
                download
              >
                备案表
              </Button>
            </Flex>
            {filing.status === 'returned' && filing.reviewComment ? (
              <Alert
                style={{ marginTop: 8 }}
                type="warning"
                showIcon
                title={`退回意见：${filing.reviewComment}`}
              />
            ) : null}
          </Card>
        ) : null}
        {loaded.loading && !loaded.data ? (
          <Skeleton active />
        ) : (
          <Card size="small">
            <Form form={form} layout="vertical" disabled={locked || busy}>
              {AREAS.map((a) => (
                <Form.Item
                  key={a.name}
                  name={a.name}
                  label={a.label}
                  rules={[{ required: true, message: `请填写${a.label}` }]}
                >
                  <Input.TextArea autoSize={{ minRows: 2 }} placeholder={a.hint} maxLength={2000} />
                </Form.Item>
              ))}
              <Form.Item
                name="pointIds"
                label="基层联系点（最多 4 个）"
                rules={[
                  {
                    validator: (_, v: string[]) =>
                      v?.length > 4 ? Promise.reject(new Error('最多选 4 个')) : Promise.resolve(),
                  },
                ]}
              >
                <Checkbox.Group
                  style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
                  options={(loaded.data?.points ?? []).map((p) => ({ value: p.id, label: p.orgName }))}
                />
              </Form.Item>
            </Form>
            {locked ? null : (
              <Flex gap={8}>
                <Button onClick={() => save(false)} loading={busy}>
                  保存
                </Button>
                <Button type="primary" onClick={() => save(true)} loading={busy}>
                  报送
                </Button>
              </Flex>
            )}
          </Card>
        )}
        <SelfCheckCard year={year} cadreId={cadreId} />
        <ResearchCard year={year} cadreId={cadreId} />
      </Flex>
    </MobileLayout>
  );
}
