import { Empty, Flex, InputNumber, Spin, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { currentYear } from '../../api/annual.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useCurrentOrg } from '../../layout/CurrentOrgContext.tsx';
import { AssessmentTab } from './AssessmentTab.tsx';
import { FilingRosterTab } from './FilingRosterTab.tsx';
import { FormsTab } from './FormsTab.tsx';
import { HalfYearTab } from './HalfYearTab.tsx';
import { OrgAssessmentTab } from './OrgAssessmentTab.tsx';
import { RecommendationsTab } from './RecommendationsTab.tsx';
import { RemindersAlert } from './RemindersAlert.tsx';
import { TalksTab } from './TalksTab.tsx';

/** 年度工作: task lists and their review, the year-end assessment, and the forms of the year. */
export function AnnualPage() {
  const { roots, currentOrg } = useCurrentOrg();
  const [year, setYear] = useState(currentYear());
  if (roots && roots.length === 0)
    return <Empty style={{ marginTop: 80 }} description="当前账号没有可管理的组织" />;
  if (!currentOrg) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  return (
    <>
      <PageHeader
        title="年度工作与考核"
        extra={
          <Flex align="center" gap={8}>
            <Typography.Text>年度</Typography.Text>
            <InputNumber
              aria-label="年度"
              min={2018}
              max={2100}
              value={year}
              onChange={(v) => v && setYear(v)}
            />
          </Flex>
        }
      />
      <RemindersAlert year={year} />
      <Tabs
        items={[
          {
            key: 'task-list',
            label: '任务清单报备',
            children: <FilingRosterTab year={year} orgId={currentOrg.id} />,
          },
          {
            key: 'half-year',
            label: '半年工作报告',
            children: <HalfYearTab year={year} orgId={currentOrg.id} />,
          },
          {
            key: 'assessment',
            label: '年底考核',
            children: <AssessmentTab year={year} orgId={currentOrg.id} />,
          },
          {
            key: 'org-assessment',
            label: '下级组织考核',
            children: <OrgAssessmentTab year={year} orgId={currentOrg.id} />,
          },
          {
            key: 'research',
            label: '调研报告推荐',
            children: <RecommendationsTab year={year} orgId={currentOrg.id} orgName={currentOrg.name} />,
          },
          { key: 'talks', label: '约谈名单', children: <TalksTab year={year} orgId={currentOrg.id} /> },
          { key: 'forms', label: '表格下载', children: <FormsTab year={year} orgId={currentOrg.id} /> },
        ]}
      />
    </>
  );
}
