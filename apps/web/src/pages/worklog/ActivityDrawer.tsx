import { DeleteOutlined, DownloadOutlined, EditOutlined, UploadOutlined } from '@ant-design/icons';
import { activityTypeLabels, type TAttachment } from '@lianxin/contracts';
import {
  Alert,
  Button,
  Descriptions,
  Drawer,
  Flex,
  Grid,
  List,
  Popconfirm,
  Skeleton,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { useLoad } from '../../components/useLoad.ts';
import { toastError, toastSuccess } from '../../feedback.ts';
import { canEdit, useSignedIn } from '../../session/SessionContext.tsx';
import { EntryForm } from '../me/EntryForm.tsx';
import { ProblemStatusSelect } from '../problems/ProblemStatusSelect.tsx';
import { ProblemTracking } from '../problems/ProblemTracking.tsx';
import { CardMessageReply } from './CardMessageReply.tsx';
import { activityFields } from './labels.ts';

const size = (n: number) =>
  n < 1024
    ? `${n} B`
    : n < 1024 * 1024
      ? `${(n / 1024).toFixed(1)} KB`
      : `${(n / 1024 / 1024).toFixed(1)} MB`;

/**
 * An activity's details, its contacts (masked unless mine) and attachments, with 上传附件; its author
 * (or an admin) corrects it in the quick-entry form or deletes it after a confirmation.
 */
export function ActivityDrawer({
  id,
  onClose,
  onChanged,
}: {
  id: string | null;
  onClose: () => void;
  onChanged?: () => void;
}) {
  const screens = Grid.useBreakpoint();
  const { account } = useSignedIn();
  const detail = useLoad(() => (id ? api.activities.get(id) : Promise.resolve(null)), [id]);
  const [uploading, setUploading] = useState(false);
  const [editing, setEditing] = useState(false);
  const d = detail.data;
  const a = d?.activity;
  // the server rules again: the author, or an admin over the author's organization
  const mayWrite = a !== undefined && (a.cadre === account.cadreId || canEdit(account.role));
  // the server rules again: the problem's cadre, its assignee, or an admin may move it
  const mayMove =
    a?.type === 'problem' &&
    (canEdit(account.role) || a.cadre === account.cadreId || a.assignee === account.cadreId);

  const upload = async (file: File) => {
    if (!id) return;
    setUploading(true);
    try {
      await api.activities.upload(id, file);
      toastSuccess(`已上传：${file.name}`);
      detail.reload();
      onChanged?.();
    } catch (error) {
      toastError(error);
    } finally {
      setUploading(false);
    }
  };

  const remove = async () => {
    if (!id) return;
    try {
      await api.activities.remove(id);
      toastSuccess('已删除');
      onChanged?.();
      onClose();
    } catch (error) {
      toastError(error);
    }
  };

  const close = () => {
    setEditing(false);
    onClose();
  };

  return (
    <Drawer
      open={id !== null}
      onClose={close}
      title={
        d ? `${editing ? '修改 · ' : ''}${activityTypeLabels[d.activity.type]} · ${d.cadreName}` : '工作记录'
      }
      placement={screens.md ? 'right' : 'bottom'}
      size={screens.md ? 520 : '85%'}
      destroyOnHidden
    >
      {detail.error ? <Alert type="error" showIcon title={detail.error} /> : null}
      {!d && !detail.error ? <Skeleton active /> : null}
      {d && a && editing ? (
        <EntryForm
          type={a.type}
          cadreId={a.cadre}
          accountId={account.id}
          record={a}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            detail.reload();
            onChanged?.();
          }}
        />
      ) : null}
      {d && !editing ? (
        <Flex vertical gap={16}>
          <Descriptions
            column={1}
            size="small"
            styles={{ label: { width: 96 } }}
            items={[
              ...activityFields(d.activity)
                .filter((f) => !(mayMove && f.label === '状态'))
                .map((f) => ({ key: f.label, label: f.label, children: f.value })),
              ...(d.onSiteDays !== null
                ? [{ key: 'onsite', label: '在点天数', children: `${d.onSiteDays} 天` }]
                : []),
              {
                key: 'contacts',
                label: '联系青年',
                children:
                  d.contacts.length > 0
                    ? d.contacts.map((c) => (
                        <Tag key={c.id} title={c.masked ? '非本人联系的青年，姓名已隐去' : undefined}>
                          {c.name}
                        </Tag>
                      ))
                    : '—',
              },
              ...(a?.type === 'problem'
                ? [
                    {
                      key: 'move',
                      label: '办理状态',
                      children: (
                        <ProblemStatusSelect
                          id={a.id}
                          status={a.status}
                          editable={mayMove}
                          onChanged={() => {
                            detail.reload();
                            onChanged?.();
                          }}
                        />
                      ),
                    },
                  ]
                : []),
              { key: 'created', label: '录入时间', children: new Date(d.createdAt).toLocaleString('zh-CN') },
            ]}
          />
          {a?.type === 'problem' ? (
            <ProblemTracking
              problem={a}
              editable={mayMove}
              onChanged={() => {
                detail.reload();
                onChanged?.();
              }}
            />
          ) : null}
          {a?.type === 'problem' && a.origin === 'card' ? <CardMessageReply problemId={a.id} /> : null}
          {mayWrite ? (
            <Flex gap={8}>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} style={{ flex: 1 }}>
                修改记录
              </Button>
              <Popconfirm
                title="删除这条工作记录？"
                description="记录和附件将一并删除，无法恢复"
                okText="确认删除"
                cancelText="取消"
                okButtonProps={{ danger: true }}
                onConfirm={remove}
              >
                <Button danger icon={<DeleteOutlined />} style={{ flex: 1 }}>
                  删除记录
                </Button>
              </Popconfirm>
            </Flex>
          ) : null}
          <div>
            <Flex justify="space-between" align="center">
              <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
                附件
              </Typography.Title>
              <Upload
                accept=".jpg,.jpeg,.png,.pdf,.docx,.xlsx"
                showUploadList={false}
                beforeUpload={(file) => {
                  void upload(file);
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />} loading={uploading}>
                  上传附件
                </Button>
              </Upload>
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              照片、PDF、Word 或 Excel 文件
            </Typography.Text>
            <List<TAttachment>
              size="small"
              dataSource={d.attachments}
              locale={{ emptyText: '暂无附件' }}
              renderItem={(f) => (
                <List.Item>
                  <a
                    href={api.activities.attachmentUrl(f.id)}
                    download={f.fileName}
                    aria-label={`下载 ${f.fileName}`}
                  >
                    <DownloadOutlined /> {f.fileName}
                  </a>
                  <Typography.Text type="secondary">{size(f.size)}</Typography.Text>
                </List.Item>
              )}
            />
          </div>
        </Flex>
      ) : null}
    </Drawer>
  );
}
