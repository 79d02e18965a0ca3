import { factBookSectionLabels, type TFactBook, type TFactBookSection } from '@lianxin/contracts';
import { Alert, Button, Collapse, Flex, Input, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { useLoad } from '../../components/useLoad.ts';
import { toastError, toastSuccess } from '../../feedback.ts';

type Section = TFactBook['sections'][number];

const when = (v: { writtenAt: string; writtenBy: string }) => `${v.writtenAt.slice(0, 10)} ${v.writtenBy}`;

/** One section: as it stands, its earlier versions, and (for its keeper) a box to write a new one. */
function SectionCard({
  s,
  editable,
  onSave,
}: {
  s: Section;
  editable: boolean;
  onSave: (section: TFactBookSection, text: string) => Promise<boolean>;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const label = factBookSectionLabels[s.section];
  return (
    <section aria-label={label} style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 10 }}>
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Text strong>{label}</Typography.Text>
        {editable && draft === null ? (
          <Button size="small" onClick={() => setDraft(s.current?.text ?? '')}>
            {s.current ? '更新' : '填写'}
          </Button>
        ) : null}
      </Flex>
      {draft !== null ? (
        <Flex vertical gap={6} style={{ marginTop: 6 }}>
          <Input.TextArea
            aria-label={`${label}内容`}
            value={draft}
            autoSize={{ minRows: 3, maxRows: 12 }}
            maxLength={20000}
            onChange={(e) => setDraft(e.target.value)}
          />
          <Flex gap={8}>
            <Button
              type="primary"
              size="small"
              loading={saving}
              onClick={async () => {
                setSaving(true);
                const ok = await onSave(s.section, draft);
                setSaving(false);
                if (ok) setDraft(null);
              }}
            >
              保存
            </Button>
            <Button size="small" onClick={() => setDraft(null)}>
              取消
            </Button>
          </Flex>
        </Flex>
      ) : s.current ? (
        <>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>
            {s.current.text}
          </Typography.Paragraph>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {when(s.current)} 更新
          </Typography.Text>
        </>
      ) : (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
          未填写
        </Typography.Paragraph>
      )}
      {s.history.length > 0 ? (
        <Collapse
          ghost
          size="small"
          items={[
            {
              key: 'history',
              label: `此前版本 ${s.history.length}`,
              children: s.history.map((h) => (
                <div key={h.id} style={{ marginBottom: 8 }}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {when(h)}
                  </Typography.Text>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                    {h.text}
                  </Typography.Paragraph>
                </div>
              )),
            },
          ]}
        />
      ) : null}
    </section>
  );
}

/**
 * 明白帐 of a point (seed 000 四.2): the local situation, members and cadres, organizations,
 * difficulties and the support won, kept by the holder over the tenure and read by the successor.
 */
export function FactBookTab({ id }: { id: string }) {
  const book = useLoad(() => api.points.factBook(id), [id]);
  if (book.error) return <Alert type="error" showIcon title={book.error} />;
  if (!book.data) return <Skeleton active />;
  const { editable, sections } = book.data;
  const save = async (section: TFactBookSection, text: string) => {
    try {
      await api.points.writeFactBook(id, { section, text });
      toastSuccess('已保存，原内容留作历史版本');
      book.reload();
      return true;
    } catch (e) {
      toastError(e);
      return false;
    }
  };
  return (
    <Flex vertical gap={10}>
      <Typography.Text type="secondary">
        明白帐随联系点移交接任者；每次更新都保留原内容。
        {editable ? '' : '只有本任期的联系人可以更新。'}
      </Typography.Text>
      {sections.map((s) => (
        <SectionCard key={s.section} s={s} editable={editable} onSave={save} />
      ))}
    </Flex>
  );
}
