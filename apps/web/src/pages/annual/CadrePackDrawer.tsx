import { DownloadOutlined } from '@ant-design/icons';
import type { TAssessment, TMaterialPack, TTaskList } from '@lianxin/contracts';
import { Alert, Button, Descriptions, Drawer, Flex, Spin, Tag, Typography } from 'antd';
import { annualApi } from '../../api/annual.ts';
import { useLoad } from '../../components/useLoad.ts';
import { attempt } from './attempt.ts';
import { filingStateLabels, filingStatusLabels } from './labels.ts';
import { SpotCheckList } from './SpotCheckList.tsx';

type Entry = TAssessment['entries'][number];

/** 考核材料 of one cadre, compiled from the records, with the spot check and the archive download. */
export function CadrePackDrawer({
  assessment,
  entry,
  onClose,
  onChanged,
}: {
  assessment: TAssessment;
  entry: Entry;
  onClose: () => void;
  onChanged: () => void;
}) {
  const pack = useLoad(() => annualApi.assessments.pack(assessment.id, entry.cadreId), [entry.cadreId]);
  const locked = assessment.status === 'published';

  async function draw() {
    if (!(await attempt(() => annualApi.assessments.drawSpotChecks(assessment.id, entry.cadreId)))) return;
    pack.reload();
    onChanged();
  }

  return (
    <Drawer
      open
      width={720}
      title={`考核材料：${entry.cadreName}`}
      onClose={onClose}
      extra={
        <Button
          icon={<DownloadOutlined />}
          href={annualApi.forms.archive(assessment.year, entry.cadreId)}
          download
        >
          年度工作档案（.docx）
        </Button>
      }
    >
      {pack.error ? <Alert type="error" showIcon title={pack.error} /> : null}
      {pack.data ? (
        <Flex vertical gap={16}>
          <PackSummary pack={pack.data} />
          <Typography.Title level={5} style={{ margin: 0 }}>
            电话（网络）抽查
          </Typography.Title>
          {pack.data.spotChecks.length === 0 && !locked ? (
            <Button style={{ alignSelf: 'flex-start' }} onClick={draw}>
              抽取样本（{assessment.sampleSize} 人）
            </Button>
          ) : null}
          <SpotCheckList
            checks={pack.data.spotChecks}
            locked={locked}
            onChanged={() => {
              pack.reload();
              onChanged();
            }}
          />
        </Flex>
      ) : (
        <Spin />
      )}
    </Drawer>
  );
}

function PackSummary({ pack }: { pack: TMaterialPack }) {
  const filing = (f: Pick<TTaskList, 'status' | 'state'> | null) =>
    f ? (
      <>
        {filingStatusLabels[f.status]}{' '}
        <Tag color={filingStateLabels[f.state].color}>{filingStateLabels[f.state].text}</Tag>
      </>
    ) : (
      <Tag color="red">未填报</Tag>
    );
  const met = pack.compliance.filter((r) => r.status === 'met').length;
  return (
    <Descriptions size="small" bordered column={1} styles={{ label: { width: 110 } }}>
      <Descriptions.Item label="任务清单">{filing(pack.taskList)}</Descriptions.Item>
      <Descriptions.Item label="半年自查">{filing(pack.selfCheck)}</Descriptions.Item>
      <Descriptions.Item label="调研课题">{pack.research.topic ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="调研报告">
        {pack.research.report
          ? `${pack.research.report.title}（${pack.research.report.date}，附件 ${pack.research.report.attachmentCount} 个）`
          : '未提交'}
      </Descriptions.Item>
      <Descriptions.Item label="工作量">
        {pack.figures
          .map((f) => `${f.label} ${f.done}${f.required === null ? '' : `/${f.required}`}`)
          .join('；') || '—'}
      </Descriptions.Item>
      <Descriptions.Item label="制度执行">
        {pack.compliance.length === 0 ? '—' : `${pack.compliance.length} 项规定中达标 ${met} 项`}
      </Descriptions.Item>
      <Descriptions.Item label="互评平均分">{pack.mutualScore ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="活跃度">
        {pack.engagement.months
          .map((m) => `${m.month}月 ${m.share === null ? '—' : `${Math.round(m.share * 100)}%`}`)
          .join('；') || '—'}
      </Descriptions.Item>
      <Descriptions.Item label="满意度">
        {pack.engagement.satisfaction.average === null
          ? '暂无评价'
          : `${pack.engagement.satisfaction.average.toFixed(1)} 分（${pack.engagement.satisfaction.ratings} 条评价）`}
      </Descriptions.Item>
    </Descriptions>
  );
}
