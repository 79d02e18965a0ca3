import { DownloadOutlined } from '@ant-design/icons';
import type { TTaskListContent } from '@lianxin/contracts';
import { Alert, Button, Checkbox, Flex, Input, Tag } from 'antd';
import { useId, useState } from 'react';
import { Navigate } from 'react-router-dom';
import { annualApi, currentYear } from '../../api/annual.ts';
import { ApiError } from '../../api/client.ts';
import { api } from '../../api/endpoints.ts';
import { Field, Panel, PlainSkeleton, ScreenHeading } from '../../components/plain.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { toastError, toastSuccess } from '../../feedback.ts';
import { MobileLayout } from '../../layout/MobileLayout.tsx';
import { useSignedIn } from '../../session/SessionContext.tsx';
import { filingStateLabels, filingStatusLabels } from './labels.ts';
import { RemindersAlert } from './RemindersAlert.tsx';
import { ResearchCard } from './ResearchCard.tsx';
import { SelfCheckCard } from './SelfCheckCard.tsx';

const AREAS: { name: keyof Omit<TTaskListContent, 'pointIds'>; label: string; hint: string }[] = [
  { name: 'lecture', label: '理论宣讲', hint: '确定宣讲内容、时间' },
  { name: 'talk', label: '交流谈心', hint: '联系团干部、团员青年分类开展谈心谈话' },
  { name: 'research', label: '调查研究', hint: '确定调研课题' },
  { name: 'work', label: '推动工作', hint: '帮助基层研究推动2-3项具体工作' },
];

type FieldName = keyof TTaskListContent;
const blank: TTaskListContent = { lecture: '', talk: '', research: '', work: '', pointIds: [] };

/** The form's rules: the four areas written, at most four points. */
function errorOf(name: FieldName, values: TTaskListContent): string | undefined {
  if (name === 'pointIds') return values.pointIds.length > 4 ? '最多选 4 个' : undefined;
  const area = AREAS.find((a) => a.name === name);
  return values[name] ? undefined : `请填写${area?.label}`;
}

function errorsOf(values: TTaskListContent): Partial<Record<FieldName, string>> {
  const names: FieldName[] = [...AREAS.map((a) => a.name), 'pointIds'];
  return Object.fromEntries(names.map((n) => [n, errorOf(n, values)]).filter(([, e]) => e));
}

/** 任务清单 (附表1) on the phone: the cadre's plan in four areas and up to four of their points. */
export function MyTaskListPage() {
  const { account } = useSignedIn();
  const cadreId = account.cadreId;
  const year = currentYear();
  const id = useId();
  const [values, setValues] = useState(blank);
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [busy, setBusy] = useState(false);
  const loaded = useLoad(async () => {
    if (!cadreId) return null;
    const [points, filing] = await Promise.all([
      api.points.list({ cadre: cadreId }),
      annualApi.taskList.get(year, cadreId).catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }),
    ]);
    setValues(filing?.content ?? blank);
    return { points: points.items.filter((p) => !p.to || p.to >= `${year}-01-01`), filing };
  }, [cadreId, year]);

  if (!cadreId) return <Navigate to="/me" replace />;
  const filing = loaded.data?.filing ?? null;
  const locked = filing?.status === 'submitted' || filing?.status === 'accepted';

  // as antd's Form: a field's rule is checked as it changes, every rule on saving
  function change<K extends FieldName>(name: K, value: TTaskListContent[K]) {
    const next = { ...values, [name]: value };
    setValues(next);
    setErrors((e) => ({ ...e, [name]: errorOf(name, next) }));
  }

  async function save(submit: boolean) {
    if (!cadreId) return;
    const found = errorsOf(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await annualApi.taskList.save(year, cadreId, values);
      if (submit) await annualApi.taskList.submit(year, cadreId);
      toastSuccess(submit ? '任务清单已报送' : '已保存');
      loaded.reload();
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <MobileLayout>
      <Flex vertical gap={12}>
        <ScreenHeading>{year} 年任务清单</ScreenHeading>
        {loaded.error ? <Alert type="error" showIcon title={loaded.error} /> : null}
        <RemindersAlert year={year} />
        {filing ? (
          <Panel role="region" aria-label="报送情况">
            <Flex gap={8} wrap align="center">
              <Tag>{filingStatusLabels[filing.status]}</Tag>
              <Tag color={filingStateLabels[filing.state].color}>{filingStateLabels[filing.state].text}</Tag>
              {filing.firstSubmittedOn ? <span>报送于 {filing.firstSubmittedOn}</span> : null}
              <Button
                size="small"
                icon={<DownloadOutlined />}
                href={annualApi.forms.taskList(year, cadreId)}
                download
              >
                备案表
              </Button>
            </Flex>
            {filing.status === 'returned' && filing.reviewComment ? (
              <Alert
                style={{ marginTop: 8 }}
                type="warning"
                showIcon
                title={`退回意见：${filing.reviewComment}`}
              />
            ) : null}
          </Panel>
        ) : null}
        {loaded.loading && !loaded.data ? (
          <PlainSkeleton />
        ) : (
          <Panel>
            {AREAS.map((a) => (
              <Field
                key={a.name}
                label={a.label}
                htmlFor={`${id}-${a.name}`}
                required
                error={errors[a.name]}
                errorId={`${id}-${a.name}-error`}
              >
                <Input.TextArea
                  id={`${id}-${a.name}`}
                  autoSize={{ minRows: 2 }}
                  placeholder={a.hint}
                  maxLength={2000}
                  disabled={locked || busy}
                  status={errors[a.name] ? 'error' : undefined}
                  aria-required
                  aria-invalid={errors[a.name] ? true : undefined}
                  aria-describedby={errors[a.name] ? `${id}-${a.name}-error` : undefined}
                  value={values[a.name]}
                  onChange={(e) => change(a.name, e.target.value)}
                />
              </Field>
            ))}
            <Field
              label="基层联系点（最多 4 个）"
              labelId={`${id}-points`}
              error={errors.pointIds}
              errorId={`${id}-points-error`}
            >
              <fieldset
                aria-labelledby={`${id}-points`}
                aria-describedby={errors.pointIds ? `${id}-points-error` : undefined}
                style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}
              >
                <Checkbox.Group
                  style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
                  disabled={locked || busy}
                  value={values.pointIds}
                  onChange={(v) => change('pointIds', v)}
                  options={(loaded.data?.points ?? []).map((p) => ({ value: p.id, label: p.orgName }))}
                />
              </fieldset>
            </Field>
            {locked ? null : (
              <Flex gap={8}>
                <Button onClick={() => save(false)} loading={busy}>
                  保存
                </Button>
                <Button type="primary" onClick={() => save(true)} loading={busy}>
                  报送
                </Button>
              </Flex>
            )}
          </Panel>
        )}
        <SelfCheckCard year={year} cadreId={cadreId} />
        <ResearchCard year={year} cadreId={cadreId} />
      </Flex>
    </MobileLayout>
  );
}
