import { AppstoreOutlined } from '@ant-design/icons';
import { activityRegistry, tileTypes } from '@lianxin/contracts';
import { Button, Flex } from 'antd';
import { useEffect, useState } from 'react';
import { Navigate, useNavigate } from 'react-router-dom';
import { Txt } from '../../components/plain.tsx';
import { ScreenTitle } from '../../components/ScreenTitle.tsx';
import { MobileLayout } from '../../layout/MobileLayout.tsx';
import { useSignedIn } from '../../session/SessionContext.tsx';
import { activityIcons } from './activityIcons.tsx';

/** 记一笔, screen 1: the type, as big tiles; the rarer types behind 更多… (the registry's `tile`). */
export function QuickEntryPage() {
  const { account } = useSignedIn();
  const navigate = useNavigate();
  const [more, setMore] = useState(false);
  // The form's code (its own chunk: date pickers, selects) is fetched while the cadre picks a type,
  // so a tap opens it at once, and on a train going offline it is already here.
  useEffect(() => {
    void import('./QuickEntryFormPage.tsx');
  }, []);
  if (!account.cadreId) return <Navigate to="/me" replace />;
  const types = tileTypes(more ? 'more' : 'main');
  return (
    <MobileLayout>
      <Flex vertical gap={12}>
        <ScreenTitle back={more ? undefined : '/me'}>{more ? '记一笔 · 更多类型' : '记一笔'}</ScreenTitle>
        <Txt type="secondary">选择这次工作的类型</Txt>
        <div className="lx-tiles">
          {types.map((t) => (
            <button key={t} type="button" className="lx-tile" onClick={() => navigate(`/me/log/${t}`)}>
              {activityIcons[activityRegistry[t].icon]}
              {activityRegistry[t].label}
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
