import { Card, Empty, Flex, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { CadreSelect } from '../../components/CadreSelect.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useCurrentOrg } from '../../layout/CurrentOrgContext.tsx';
import { ImportPanel } from './ImportPanel.tsx';
import { LedgerImportPanel } from './LedgerImportPanel.tsx';

/** 联系青年 into one cadre's "100": the cadre is chosen first. */
function ContactImport({ orgId }: { orgId?: string }) {
  const [cadreId, setCadreId] = useState<string | null>(null);
  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={8} wrap>
        <Typography.Text>导入到团干部的联系名单：</Typography.Text>
        <div style={{ width: 320, maxWidth: '100%' }}>
          <CadreSelect orgId={orgId} value={cadreId} onChange={setCadreId} allowClear />
        </div>
      </Flex>
      {cadreId ? (
        <ImportPanel key={cadreId} kind="contacts" noun="联系青年" cadre={cadreId} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="请先选择团干部" />
      )}
    </Flex>
  );
}

/** 批量导入: cadres, grassroots organizations under the current organization, a cadre's contacts, a ledger. */
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
            { key: 'contacts', label: '联系青年', children: <ContactImport orgId={currentOrg?.id} /> },
            { key: 'ledger', label: '工作台账', children: <LedgerImportPanel /> },
          ]}
        />
      </Card>
    </>
  );
}
