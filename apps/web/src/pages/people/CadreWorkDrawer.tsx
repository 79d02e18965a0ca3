import { pointCategoryLabels, type TCadre } from '@lianxin/contracts';
import { Alert, Card, Drawer, Flex, Grid, List, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../api/endpoints.ts';
import { ContactTargetBar } from '../../components/ProgressLine.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { canEdit, useSignedIn } from '../../session/SessionContext.tsx';
import { CardFeedback } from '../me/CardFeedback.tsx';
import { fieldOf, holderName, stateOf, termOf } from '../points/points.ts';
import { ActivityList } from '../worklog/ActivityList.tsx';
import { ConductCard } from './ConductCard.tsx';
import { OVER_CONTACTED_TAB } from './OverContactedList.tsx';

/** One cadre's contact work for an admin: the 1+100 progress, the points held, 满意度, 表彰与处理, the timeline. */
export function CadreWorkDrawer({
  cadre,
  onClose,
}: {
  cadre: Pick<TCadre, 'id' | 'name'> | null;
  onClose: () => void;
}) {
  const screens = Grid.useBreakpoint();
  const session = useSignedIn();
  const id = cadre?.id;
  const contacts = useLoad(
    () => (id ? api.contacts.list({ cadre: id, pageSize: 500 }) : Promise.resolve(null)),
    [id],
  );
  const points = useLoad(() => (id ? api.points.list({ cadre: id }) : Promise.resolve(null)), [id]);
  const timeline = useLoad(
    () => (id ? api.activities.list({ cadre: id, pageSize: 50 }) : Promise.resolve(null)),
    [id],
  );
  const progress = contacts.data?.progress;
  const crowded = contacts.data?.items.filter((c) => c.overContacted).length ?? 0;
  const error = contacts.error ?? points.error ?? timeline.error;

  return (
    <Drawer
      open={cadre !== null}
      onClose={onClose}
      title={cadre ? `联系工作 · ${cadre.name}` : '联系工作'}
      placement={screens.md ? 'right' : 'bottom'}
      size={screens.md ? 640 : '90%'}
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        {error ? <Alert type="error" showIcon title={error} /> : null}
        <Card size="small" title="1+100 联系青年">
          {progress ? (
            <>
              <Typography.Text>
                已联系 <b>{progress.count}</b> 人，目标 {progress.target} 人
                {crowded > 0 ? (
                  <>
                    ；其中{' '}
                    <Link to={`/people?tab=${OVER_CONTACTED_TAB}`} onClick={onClose}>
                      {crowded} 人被多名团干部联系
                    </Link>
                  </>
                ) : null}
              </Typography.Text>
              <ContactTargetBar count={progress.count} target={progress.target} />
            </>
          ) : null}
        </Card>
        <Card size="small" title="联系点">
          <List
            size="small"
            rowKey="id"
            loading={points.loading}
            dataSource={points.data?.items ?? []}
            locale={{ emptyText: '暂无联系点' }}
            renderItem={(p) => (
              <List.Item>
                <span style={{ minWidth: 0 }}>
                  <Link to={`/points/${encodeURIComponent(p.id)}`}>{p.orgName}</Link>
                  {p.category ? <Tag style={{ marginLeft: 6 }}>{pointCategoryLabels[p.category]}</Tag> : null}
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {holderName(p)} · {p.orgField ? `${fieldOf(p)} · ` : ''}
                    {termOf(p)}
                  </Typography.Text>
                </span>
                <Tag color={stateOf(p).color}>{stateOf(p).label}</Tag>
              </List.Item>
            )}
          />
        </Card>
        {id ? <CardFeedback cadreId={id} /> : null}
        {id ? <ConductCard cadreId={id} editable={canEdit(session.account.role)} /> : null}
        <Card size="small" title="工作记录" styles={{ body: { paddingTop: 0 } }}>
          <ActivityList items={timeline.data?.items} loading={timeline.loading} onChanged={timeline.reload} />
        </Card>
      </Flex>
    </Drawer>
  );
}
