import type { TDeliverableKey } from '@lianxin/contracts';
import { Alert, Checkbox, Flex, Spin, Tag } from 'antd';
import { useParams } from 'react-router-dom';
import { EmptyNote, Panel, PlainList, ScreenHeading, Txt } from '../../components/plain.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { toastError } from '../../feedback.ts';
import { MobileLayout } from '../../layout/MobileLayout.tsx';
import { onDemand } from '../../onDemand.tsx';
import { leaveStatusLabels, postingsApi } from './postingsApi.ts';
import { ReportEditor } from './ReportEditor.tsx';

// The leave form sits below the summary and 六个一, out of the first screen: its code (antd's Form)
// comes after the page's.
const LeaveForm = onDemand(() => import('./LeaveForm.tsx').then((m) => m.LeaveForm));

/** One posting on the phone: the personal summary drafted from the log, 六个一, and leave. */
export function MyPostingPage() {
  const { id = '' } = useParams();
  const posting = useLoad(() => postingsApi.posting(id), [id]);
  const summary = useLoad(() => postingsApi.summary(id), [id]);
  const deliverables = useLoad(() => postingsApi.deliverables(id), [id]);
  const leaves = useLoad(() => postingsApi.leaves(id), [id]);

  const mark = async (key: TDeliverableKey, done: boolean) => {
    try {
      await postingsApi.markDeliverable(id, key, done);
      deliverables.reload();
    } catch (e) {
      toastError(e);
    }
  };

  if (posting.error)
    return (
      <MobileLayout>
        <Alert type="error" title={posting.error} />
      </MobileLayout>
    );
  const p = posting.data;
  return (
    <MobileLayout>
      <ScreenHeading style={{ margin: '4px 0 12px' }}>{p ? `派驻 ${p.orgName}` : '派驻'}</ScreenHeading>
      {p ? (
        <Txt type="secondary" style={{ display: 'block', marginBottom: '1em' }}>
          {p.programName} · {p.batchName} · {p.from} 至 {p.to}
        </Txt>
      ) : null}
      <Flex vertical gap={12}>
        {summary.data ? (
          <ReportEditor
            title="个人工作总结"
            report={summary.data}
            editable
            save={(body, submit) => postingsApi.saveSummary(id, body, submit)}
            onSaved={summary.reload}
          />
        ) : (
          <Spin />
        )}
        <Panel title="六个一" data-testid="six-ones">
          <PlainList
            items={deliverables.data?.items ?? []}
            rowKey={(d) => d.key}
            render={(d) => (
              <Flex justify="space-between" align="center" gap={8}>
                <Flex vertical>
                  {d.evidence > 0 ? (
                    <Txt>✓ {d.label}</Txt>
                  ) : (
                    // the log holds nothing yet: the cadre may confirm work kept outside it
                    <Checkbox checked={d.marked} onChange={(e) => void mark(d.key, e.target.checked)}>
                      {d.label}（日志无记录，人工确认）
                    </Checkbox>
                  )}
                  {d.evidenceItems.length > 0 ? (
                    <Txt type="secondary" style={{ fontSize: 12 }}>
                      {d.evidenceItems.join('；')}
                    </Txt>
                  ) : null}
                </Flex>
                <Tag color={d.evidence > 0 ? 'green' : undefined}>日志 {d.evidence}</Tag>
              </Flex>
            )}
          />
        </Panel>
        <Panel title="请假（无特殊情况不得请假）">
          <PlainList
            items={leaves.data?.items ?? []}
            rowKey={(l) => l.id}
            empty={<EmptyNote>无请假</EmptyNote>}
            render={(l) => (
              <>
                {l.from} 至 {l.to} · {l.reason} <Tag>{leaveStatusLabels[l.status]}</Tag>
              </>
            )}
          />
          <LeaveForm postingId={id} onAsked={leaves.reload} />
        </Panel>
      </Flex>
    </MobileLayout>
  );
}
