import { DownloadOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { annualApi } from '../../api/annual.ts';
import { api } from '../../api/endpoints.ts';
import { useLoad } from '../../components/useLoad.ts';

/** The seeds' forms of the organization's year, generated from the records. */
export function FormsTab({ year, orgId }: { year: number; orgId: string }) {
  const links = [
    { href: annualApi.forms.summary(year, orgId), label: '任务清单汇总表（附件2，.xlsx）' },
    { href: annualApi.forms.registration(year, orgId), label: '基层联系点登记表（.xlsx）' },
    { href: annualApi.forms.admins(orgId), label: '管理员信息表（.xlsx）' },
  ];
  return (
    <Flex vertical gap={8} align="flex-start">
      {links.map((l) => (
        <Button key={l.label} icon={<DownloadOutlined />} href={l.href} download>
          {l.label}
        </Button>
      ))}
      <PointLedgerDownload orgId={orgId} />
      <Typography.Text type="secondary">
        每名团干部的任务清单备案表（附件1）在“任务清单报备”中下载，年度工作档案在“年底考核”的考核材料中下载。
      </Typography.Text>
    </Flex>
  );
}

/** 联系点交接档案: the whole ledger of one point, for its successor. */
function PointLedgerDownload({ orgId }: { orgId: string }) {
  const points = useLoad(() => api.points.under(orgId, { page: 1, pageSize: 500 }), [orgId]);
  const [pointId, setPointId] = useState<string | null>(null);
  return (
    <Flex gap={8}>
      <Select
        aria-label="联系点"
        showSearch
        optionFilterProp="label"
        style={{ width: 320 }}
        placeholder="选择联系点"
        loading={points.loading}
        value={pointId}
        onChange={setPointId}
        options={(points.data?.items ?? []).map((p) => ({
          value: p.id,
          label: `${p.orgName}（${p.cadreName ?? p.holderOrgName ?? '—'}，${p.from} 起）`,
        }))}
      />
      <Button
        icon={<DownloadOutlined />}
        disabled={!pointId}
        href={pointId ? annualApi.forms.pointLedger(pointId) : undefined}
        download
      >
        联系点交接档案（.docx）
      </Button>
    </Flex>
  );
}
