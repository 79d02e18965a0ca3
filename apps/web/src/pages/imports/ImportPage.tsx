import { Card, Tabs } from 'antd';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useCurrentOrg } from '../../layout/CurrentOrgContext.tsx';
import { ImportPanel } from './ImportPanel.tsx';

/** 批量导入: cadres, and grassroots organizations under the current organization. */
export function ImportPage() {
  const { currentOrg } = useCurrentOrg();
  return (
    <>
      <PageHeader title="批量导入" />
      <Card size="small">
        <Tabs
          items={[
            { key: 'cadres', label: '团干部', children: <ImportPanel kind="cadres" noun="团干部" /> },
            {
              key: 'organizations',
              label: '基层组织',
              children: (
                <ImportPanel
                  kind="organizations"
                  noun="基层组织"
                  parent={currentOrg ? { id: currentOrg.id, name: currentOrg.name } : undefined}
                />
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
