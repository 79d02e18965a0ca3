import type { TOpenDay, TOpenDaySignup } from '@lianxin/contracts';
import { Alert, Button, Drawer, Empty, Flex, Grid, Input, List, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { CadreSelect } from '../../components/CadreSelect.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { describeError, toastSuccess } from '../../feedback.ts';
import { useSignedIn } from '../../session/SessionContext.tsx';

/**
 * 签到名单 of an open day, for an admin's phone on the day: find a name, check them in with one
 * tap; an attendee who consented on the form can then be taken into a cadre's contacts.
 */
export function RosterDrawer({ day, onClose }: { day: TOpenDay | null; onClose: () => void }) {
  const screens = Grid.useBreakpoint();
  const { account } = useSignedIn();
  const [q, setQ] = useState('');
  const [cadreId, setCadreId] = useState<string | null>(account.cadreId ?? null);
  const [error, setError] = useState<string | null>(null);
  const roster = useLoad(async () => (day ? api.openDays.roster(day.id) : null), [day?.id]);
  const [changed, setChanged] = useState<Record<string, TOpenDaySignup>>({});
  const signups = (roster.data?.signups ?? []).map((s) => changed[s.id] ?? s);
  const shown = signups.filter((s) => !q.trim() || s.name.includes(q.trim()) || s.unit.includes(q.trim()));
  const checkedIn = signups.filter((s) => s.checkedInAt).length;

  async function act(s: TOpenDaySignup, what: 'check' | 'take') {
    if (!day) return;
    setError(null);
    try {
      if (what === 'check') {
        setChanged({ ...changed, [s.id]: await api.openDays.checkIn(day.id, s.id) });
        toastSuccess(`${s.name} 已签到`);
      } else {
        const contact = await api.openDays.take(day.id, s.id, cadreId ?? undefined);
        setChanged({ ...changed, [s.id]: { ...s, contactId: contact.id } });
        toastSuccess(`${s.name} 已加入联系名单`);
      }
    } catch (e) {
      setError(describeError(e));
    }
  }

  return (
    <Drawer
      open={day !== null}
      onClose={onClose}
      title={day ? `签到名单 · ${day.theme}` : '签到名单'}
      placement={screens.md ? 'right' : 'bottom'}
      size={screens.md ? 560 : '92%'}
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        <Typography.Text>
          报名 <b>{signups.length}</b> 人，已签到 <b data-testid="checked-in">{checkedIn}</b> 人
        </Typography.Text>
        <Input.Search
          aria-label="查找姓名或单位"
          placeholder="查找姓名或单位"
          allowClear
          onChange={(e) => setQ(e.target.value)}
        />
        <div>
          <Typography.Text type="secondary">加入谁的联系名单（本县团干部）：</Typography.Text>
          <CadreSelect orgId={day?.orgId} value={cadreId} onChange={setCadreId} allowClear />
        </div>
        {roster.error || error ? <Alert type="error" showIcon title={roster.error ?? error} /> : null}
        {signups.length === 0 && !roster.loading ? <Empty description="还没有人报名" /> : null}
        <List<TOpenDaySignup>
          loading={roster.loading}
          dataSource={shown}
          rowKey="id"
          renderItem={(s) => (
            <List.Item
              data-testid="signup"
              actions={[<SignupAction key="a" s={s} cadreId={cadreId} onAct={act} />]}
            >
              <List.Item.Meta
                title={s.name}
                description={
                  <>
                    {s.unit} · {s.phoneMasked}
                    {s.consent ? null : <Tag style={{ marginLeft: 6 }}>未同意保持联系</Tag>}
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Flex>
    </Drawer>
  );
}

function SignupAction({
  s,
  cadreId,
  onAct,
}: {
  s: TOpenDaySignup;
  cadreId: string | null;
  onAct: (s: TOpenDaySignup, what: 'check' | 'take') => void;
}) {
  if (!s.checkedInAt)
    return (
      <Button type="primary" onClick={() => onAct(s, 'check')}>
        签到
      </Button>
    );
  const at = <Tag color="green">已签到 {dayjs(s.checkedInAt).format('HH:mm')}</Tag>;
  if (s.contactId)
    return (
      <Flex vertical gap={4} align="flex-end">
        {at}
        <Tag color="blue">已加入联系名单</Tag>
      </Flex>
    );
  if (!s.consent) return at;
  return (
    <Flex vertical gap={4} align="flex-end">
      {at}
      <Button size="small" disabled={!cadreId} onClick={() => onAct(s, 'take')}>
        加入联系名单
      </Button>
    </Flex>
  );
}
