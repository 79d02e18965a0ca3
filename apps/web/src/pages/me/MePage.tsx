import { EditOutlined } from '@ant-design/icons';
import { employmentLabels, rankLabels, roleLabels, type TCadre } from '@lianxin/contracts';
import { Alert, Button, Descriptions, Empty, Flex } from 'antd';
import { useEffect, useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { api } from '../../api/endpoints.ts';
import { Panel, PlainSkeleton, ScreenHeading } from '../../components/plain.tsx';
import { describeError } from '../../feedback.ts';
import { MobileLayout } from '../../layout/MobileLayout.tsx';
import { useSignedIn } from '../../session/SessionContext.tsx';
import { useDrafts } from '../worklog/drafts.ts';
import { MyWork } from './MyWork.tsx';

const dash = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '—' : v);

/** 我的: a cadre's own record, phone first. */
export function MePage() {
  const session = useSignedIn();
  const { account } = session;
  const [cadre, setCadre] = useState<TCadre | null>(null);
  const [error, setError] = useState<string | null>(null);
  const navigate = useNavigate();
  const drafts = useDrafts(account.id);

  useEffect(() => {
    if (!account.cadreId) return;
    let live = true;
    api.cadres
      .get(account.cadreId)
      .then((c) => live && setCadre(c))
      .catch((e: unknown) => live && setError(describeError(e)));
    return () => {
      live = false;
    };
  }, [account.cadreId]);

  if (account.role !== 'cadre' && !account.cadreId) return <Navigate to="/" replace />;

  return (
    <MobileLayout>
      <Flex vertical gap={12}>
        <ScreenHeading>{cadre ? `你好，${cadre.name}` : '我的'}</ScreenHeading>
        {error ? <Alert type="error" showIcon title={error} /> : null}
        {!account.cadreId ? (
          <Panel bodyStyle={{ padding: 24 }}>
            <Empty description="本账号尚未关联团干部档案，请联系组织部管理员" />
          </Panel>
        ) : null}
        {account.cadreId && !cadre && !error ? (
          <Panel bodyStyle={{ padding: 24 }}>
            <PlainSkeleton />
          </Panel>
        ) : null}
        {account.cadreId ? (
          <Button
            type="primary"
            size="large"
            block
            icon={<EditOutlined />}
            className="lx-big-action"
            onClick={() => navigate('/me/log')}
          >
            记一笔
          </Button>
        ) : null}
        {account.cadreId ? (
          <Button block onClick={() => navigate('/me/annual')}>
            年度任务清单
          </Button>
        ) : null}
        {account.cadreId ? (
          <Button block onClick={() => navigate('/me/card')}>
            我的联系名片
          </Button>
        ) : null}
        {drafts.length > 0 ? (
          <Alert type="warning" showIcon title={`草稿 ${drafts.length} 条待同步，联网后自动同步`} />
        ) : null}
        {account.cadreId ? <MyWork cadreId={account.cadreId} /> : null}
        {cadre ? (
          <Panel title="我的档案">
            <Descriptions
              column={1}
              size="small"
              styles={{ label: { width: 112 } }}
              items={[
                { key: 'name', label: '姓名', children: cadre.name },
                { key: 'org', label: '所在组织', children: cadre.orgName },
                { key: 'department', label: '部室', children: dash(cadre.department) },
                { key: 'position', label: '团内现任职务', children: dash(cadre.position) },
                { key: 'rank', label: '职级', children: rankLabels[cadre.rank] },
                { key: 'employment', label: '干部性质', children: employmentLabels[cadre.employment] },
                { key: 'years', label: '基层工作年限', children: `${cadre.grassrootsYears} 年` },
                { key: 'hiredOn', label: '任职日期', children: dash(cadre.hiredOn) },
                { key: 'probation', label: '试用期满日期', children: dash(cadre.probationEndsOn) },
                { key: 'ethnicity', label: '民族', children: dash(cadre.ethnicity) },
                { key: 'political', label: '政治面貌', children: dash(cadre.politicalStatus) },
                { key: 'education', label: '文化程度', children: dash(cadre.education) },
                { key: 'joined', label: '入团年月', children: dash(cadre.joinedLeagueOn) },
                { key: 'since', label: '任现职年月', children: dash(cadre.positionSince) },
                { key: 'mobile', label: '手机号码', children: dash(cadre.mobileMasked) },
                { key: 'idNumber', label: '身份证号码', children: dash(cadre.idNumberMasked) },
                { key: 'active', label: '状态', children: cadre.active ? '在职' : '离任' },
              ]}
            />
          </Panel>
        ) : null}
        <Panel title="我的账号">
          <Descriptions
            column={1}
            size="small"
            styles={{ label: { width: 112 } }}
            items={[
              { key: 'username', label: '用户名', children: account.username },
              { key: 'role', label: '角色', children: roleLabels[account.role] },
              { key: 'totp', label: '双因素认证', children: account.totpEnabled ? '已启用' : '未启用' },
            ]}
          />
          <Link to="/change-password">修改密码</Link>
        </Panel>
      </Flex>
    </MobileLayout>
  );
}
