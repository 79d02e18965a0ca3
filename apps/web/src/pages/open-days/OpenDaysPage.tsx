import type { TCreateOpenDayRequest, TOpenDay } from '@lianxin/contracts';
import { Alert, Button, Card, Empty, Flex, Form, Input, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { toastSuccess } from '../../feedback.ts';
import { useCurrentOrg } from '../../layout/CurrentOrgContext.tsx';
import { canEdit, useSignedIn } from '../../session/SessionContext.tsx';
import { RosterDrawer } from './RosterDrawer.tsx';

type NewOpenDay = Omit<TCreateOpenDayRequest, 'orgId'>;

/** seed 004 四.4: each quarter an open day gathers at least this many ordinary youths. */
const QUARTER_TARGET = 50;

/**
 * 专题开放日 of a county committee: announce one (theme, date, place), share its sign-up link,
 * and open its roster to check people in on the day.
 */
export function OpenDaysPage() {
  const { account } = useSignedIn();
  const { roots, currentOrg } = useCurrentOrg();
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<TOpenDay | null>(null);
  const [form] = Form.useForm<NewOpenDay>();
  const orgId = currentOrg?.id;
  const list = useLoad(async () => (orgId ? api.openDays.list(orgId) : null), [orgId]);

  if (roots && roots.length === 0)
    return <Empty style={{ marginTop: 80 }} description="当前账号没有可管理的组织" />;
  if (!currentOrg || !orgId) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  const county = currentOrg.level === 'county';
  const days = [...(list.data?.items ?? [])].reverse();

  async function create(values: NewOpenDay) {
    if (!orgId) return;
    await api.openDays.create({ ...values, orgId });
    toastSuccess('开放日已发布，可将报名链接发给青年');
    list.reload();
  }

  return (
    <>
      <PageHeader
        title="专题开放日"
        extra={
          county && canEdit(account.role) ? (
            <Button type="primary" onClick={() => setCreating(true)}>
              举办开放日
            </Button>
          ) : null
        }
      />
      {!county ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="开放日由县级团委举办：请在左侧选择一个县（市、区）团委。"
        />
      ) : null}
      {list.error ? <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} /> : null}
      {county && days.length === 0 && !list.loading ? <Empty description="尚未举办开放日" /> : null}
      <Flex vertical gap={12}>
        {days.map((d) => (
          <OpenDayCard key={d.id} day={d} onRoster={() => setOpen(d)} />
        ))}
      </Flex>
      <FormModal<NewOpenDay>
        title={`举办开放日：${currentOrg.name}`}
        open={creating}
        onClose={() => setCreating(false)}
        form={form}
        fields={['theme', 'heldOn', 'place']}
        onSubmit={create}
        okText="发布"
      >
        <Form.Item name="theme" label="主题" rules={[{ required: true, message: '请填写主题' }]}>
          <Input maxLength={100} placeholder="如：青春建言 · 共话家乡发展" />
        </Form.Item>
        <Form.Item name="heldOn" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="place" label="地点" rules={[{ required: true, message: '请填写地点' }]}>
          <Input maxLength={100} placeholder="如：团县委三楼会议室" />
        </Form.Item>
      </FormModal>
      <RosterDrawer
        day={open}
        onClose={() => {
          setOpen(null);
          list.reload();
        }}
      />
    </>
  );
}

function OpenDayCard({ day, onRoster }: { day: TOpenDay; onRoster: () => void }) {
  return (
    <Card
      size="small"
      data-testid="open-day"
      title={<span style={{ whiteSpace: 'normal' }}>{day.theme}</span>}
      extra={day.signupOpen ? <Tag color="green">报名中</Tag> : <Tag>报名已截止</Tag>}
    >
      <Flex vertical gap={6}>
        <Typography.Text>
          {day.heldOn} · {day.place}
        </Typography.Text>
        <Typography.Text>
          报名 <b>{day.signedUp}</b> 人 · 签到 <b>{day.checkedIn}</b> 人
          <Typography.Text type="secondary">
            （每季度应不少于 {QUARTER_TARGET} 名普通青年参加）
          </Typography.Text>
        </Typography.Text>
        {day.signupOpen ? (
          <Typography.Paragraph
            copyable={{ text: day.signupUrl }}
            style={{ margin: 0, wordBreak: 'break-all' }}
          >
            报名链接：
            <a href={day.signupUrl} target="_blank" rel="noreferrer" data-testid="signup-url">
              {day.signupUrl}
            </a>
          </Typography.Paragraph>
        ) : null}
        <Button onClick={onRoster} style={{ alignSelf: 'flex-start' }}>
          签到名单
        </Button>
      </Flex>
    </Card>
  );
}
