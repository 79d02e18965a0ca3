import {
  contactRoleLabels,
  contactTagLabels,
  orgFieldLabels,
  type TCreateContactRequest,
} from '@lianxin/contracts';
import { Button, Drawer, Form, Input, Modal, Select, Switch } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { api } from '../../api/endpoints.ts';
import { showFormError, toastError, toastSuccess } from '../../feedback.ts';

type Values = Omit<TCreateContactRequest, 'cadreId' | 'channels'>;
const fields = ['name', 'role', 'field', 'unit', 'tags', 'key', 'phone', 'idNumber'] as const;
const opts = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

/** The person a duplicate (409) names: details `existingId` and `existingName` (masked). */
function existingOf(error: unknown): { id: string; name: string } | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const id = error.details.find((d) => d.path === 'existingId')?.message;
  const name = error.details.find((d) => d.path === 'existingName')?.message;
  return id ? { id, name: name ?? '' } : null;
}

/** A duplicate the cadre may not see (decision 26): the 409 says only "recorded elsewhere". */
const recordedElsewhere = (error: unknown) =>
  error instanceof ApiError && error.status === 409 && error.details.some((d) => d.path === 'keeperRequest');

/** 新增联系青年; on a duplicate phone the existing person is offered for my list instead (decision 1). */
export function NewContactDrawer({
  open,
  onClose,
  onDone,
}: {
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  // its own confirmations (the app shell has no antd `App`: it would bring modals to every page)
  const [modal, confirmations] = Modal.useModal();

  const offerMerge = (existingId: string, name: string, key: boolean) => {
    modal.confirm({
      title: `该青年已在系统中（${name || '已登记'}），加入我的联系人？`,
      okText: '加入',
      cancelText: '取消',
      onOk: async () => {
        try {
          await api.contacts.addKeeper(existingId, { key });
          toastSuccess('已加入我的联系青年');
          form.resetFields();
          onClose();
          onDone();
        } catch (error) {
          toastError(error);
        }
      },
    });
  };

  const offerRequest = (v: Values) => {
    modal.confirm({
      title: '该青年已由其他团干部联系，申请加入我的联系人？',
      content: '申请由管理员审核，通过后该青年出现在您的联系名单中。',
      okText: '申请加入',
      cancelText: '取消',
      onOk: async () => {
        try {
          await api.contacts.requestKeeping({
            phone: v.phone?.trim() || undefined,
            idNumber: v.idNumber?.trim() || undefined,
          });
          toastSuccess('已提交申请，等待管理员审核');
          form.resetFields();
          onClose();
        } catch (error) {
          toastError(error);
        }
      },
    });
  };

  const onFinish = async (v: Values) => {
    setSaving(true);
    try {
      await api.contacts.create({
        ...v,
        unit: v.unit?.trim() || undefined,
        phone: v.phone?.trim() || undefined,
        idNumber: v.idNumber?.trim() || undefined,
      });
      toastSuccess('已新增联系青年');
      form.resetFields();
      onClose();
      onDone();
    } catch (error) {
      const existing = existingOf(error);
      if (existing) offerMerge(existing.id, existing.name, v.key ?? false);
      else if (recordedElsewhere(error)) offerRequest(v);
      else showFormError(form, error, fields);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer title="新增联系青年" placement="bottom" size="90%" open={open} onClose={onClose}>
      {confirmations}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ role: 'youth', key: false, tags: [] }}
        onFinish={(v) => void onFinish(v)}
      >
        <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="phone" label="手机号码" extra="用于查重：同一青年只登记一次">
          <Input inputMode="tel" maxLength={11} />
        </Form.Item>
        <Form.Item name="role" label="身份">
          <Select options={opts(contactRoleLabels)} />
        </Form.Item>
        <Form.Item name="field" label="领域">
          <Select allowClear options={opts(orgFieldLabels)} />
        </Form.Item>
        <Form.Item name="unit" label="学习工作单位">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="tags" label="标签">
          <Select mode="multiple" allowClear options={opts(contactTagLabels)} />
        </Form.Item>
        <Form.Item name="idNumber" label="身份证号码（可不填）">
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="key" label="结对重点联系" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={saving}>
          保存
        </Button>
      </Form>
    </Drawer>
  );
}
