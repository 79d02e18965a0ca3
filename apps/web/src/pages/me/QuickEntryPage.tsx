import {
  AlertOutlined,
  AppstoreOutlined,
  CommentOutlined,
  EnvironmentOutlined,
  GiftOutlined,
  MessageOutlined,
  SoundOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { activityTypeLabels, activityTypes, type TActivityType } from '@lianxin/contracts';
import { Button, Card, Flex, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router-dom';
import { ScreenTitle } from '../../components/ScreenTitle.tsx';
import { MobileLayout } from '../../layout/MobileLayout.tsx';
import { useSignedIn } from '../../session/SessionContext.tsx';
import { mainTypes, moreTypes } from '../worklog/labels.ts';
import { EntryForm } from './EntryForm.tsx';

const icons: Partial<Record<TActivityType, ReactNode>> = {
  talk: <CommentOutlined />,
  visit: <EnvironmentOutlined />,
  online: <MessageOutlined />,
  lecture: <SoundOutlined />,
  event: <TeamOutlined />,
  practical_help: <GiftOutlined />,
  problem: <AlertOutlined />,
};

/** 记一笔, screen 1: the type, as big tiles; the rarer types behind 更多…. */
export function QuickEntryPage() {
  const { account } = useSignedIn();
  const navigate = useNavigate();
  const [more, setMore] = useState(false);
  if (!account.cadreId) return <Navigate to="/me" replace />;
  const types = more ? moreTypes : mainTypes;
  return (
    <MobileLayout>
      <Flex vertical gap={12}>
        <ScreenTitle back={more ? undefined : '/me'}>{more ? '记一笔 · 更多类型' : '记一笔'}</ScreenTitle>
        <Typography.Text type="secondary">选择这次工作的类型</Typography.Text>
        <div className="lx-tiles">
          {types.map((t) => (
            <button key={t} type="button" className="lx-tile" onClick={() => navigate(`/me/log/${t}`)}>
              {icons[t] ?? <AppstoreOutlined />}
              {activityTypeLabels[t]}
            </button>
          ))}
          {more ? null : (
            <button type="button" className="lx-tile" onClick={() => setMore(true)}>
              <AppstoreOutlined />
              更多…
            </button>
          )}
        </div>
        {more ? (
          <Button block onClick={() => setMore(false)}>
            返回常用类型
          </Button>
        ) : null}
      </Flex>
    </MobileLayout>
  );
}

/** 记一笔, screens 2 and 3: the form of one type, then the confirmation. */
export function QuickEntryFormPage() {
  const { type } = useParams();
  const { account } = useSignedIn();
  if (!account.cadreId) return <Navigate to="/me" replace />;
  if (!type || !(activityTypes as readonly string[]).includes(type)) return <Navigate to="/me/log" replace />;
  return (
    <MobileLayout>
      <Card size="small" variant="borderless" styles={{ body: { padding: 12 } }}>
        <EntryForm key={type} type={type as TActivityType} cadreId={account.cadreId} accountId={account.id} />
      </Card>
    </MobileLayout>
  );
}
