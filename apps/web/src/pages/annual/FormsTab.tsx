import { DownloadOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { annualApi } from '../../api/annual.ts';

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
      <Typography.Text type="secondary">
        每名团干部的任务清单备案表（附件1）在“任务清单报备”中下载；年度工作档案和联系点台账也可用命令 npx
        lianxin forms 一次生成。
      </Typography.Text>
    </Flex>
  );
}
