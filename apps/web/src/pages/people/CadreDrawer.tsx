import {
  employmentLabels,
  leaguePositionChoices,
  politicalStatusChoices,
  rankLabels,
  type TCadre,
  type TCadreInput,
  type TEmployment,
  type TRank,
} from '@lianxin/contracts';
import {
  AutoComplete,
  Button,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Switch,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { TOrgPathItem } from '../../api/endpoints.ts';
import { api } from '../../api/endpoints.ts';
import { OrgSelect } from '../../components/OrgSelect.tsx';
import { showFormError, toastSuccess } from '../../feedback.ts';

interface Values {
  name: string;
  orgId: string;
  department?: string;
  position?: string;
  rank: TRank;
  employment: TEmployment;
  grassrootsYears?: number | null;
  hiredOn?: Dayjs | null;
  probationEndsOn?: Dayjs | null;
  ethnicity?: string;
  politicalStatus?: string;
  education?: string;
  joinedLeagueOn?: Dayjs | null;
  positionSince?: Dayjs | null;
  mobile?: string;
  idNumber?: string;
  active?: boolean;
}

const FIELDS = [
  'name',
  'orgId',
  'department',
  'position',
  'rank',
  'employment',
  'grassrootsYears',
  'hiredOn',
  'probationEndsOn',
  'ethnicity',
  'politicalStatus',
  'education',
  'joinedLeagueOn',
  'positionSince',
  'mobile',
  'idNumber',
  'active',
] as const;

const rankOptions = Object.entries(rankLabels).map(([value, label]) => ({ value, label }));
const employmentOptions = Object.entries(employmentLabels).map(([value, label]) => ({ value, label }));

// 团内现任职务 as 智慧团建 offers it; other text may still be typed
const positionOptions = leaguePositionChoices.map((value) => ({ value }));
const politicalOptions = politicalStatusChoices.map((value) => ({ value }));

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const month = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM') : null);
const text = (s: string | undefined) => s?.trim() || null;

/** 新增 / 编辑 团干部 in a side drawer. `cadre` null: a new record in `defaultOrg`. */
export function CadreDrawer({
  cadre,
  defaultOrg,
  onClose,
  onSaved,
}: {
  cadre: TCadre | null;
  defaultOrg: TOrgPathItem;
  onClose: () => void;
  onSaved: (cadre: TCadre) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const editing = cadre !== null;

  const initialValues: Partial<Values> = cadre
    ? {
        name: cadre.name,
        orgId: cadre.orgId,
        department: cadre.department ?? undefined,
        position: cadre.position ?? undefined,
        rank: cadre.rank,
        employment: cadre.employment,
        grassrootsYears: cadre.grassrootsYears,
        hiredOn: cadre.hiredOn ? dayjs(cadre.hiredOn) : null,
        probationEndsOn: cadre.probationEndsOn ? dayjs(cadre.probationEndsOn) : null,
        ethnicity: cadre.ethnicity ?? undefined,
        politicalStatus: cadre.politicalStatus ?? undefined,
        education: cadre.education ?? undefined,
        joinedLeagueOn: cadre.joinedLeagueOn ? dayjs(cadre.joinedLeagueOn) : null,
        positionSince: cadre.positionSince ? dayjs(cadre.positionSince) : null,
        active: cadre.active,
      }
    : { orgId: defaultOrg.id, grassrootsYears: 0, employment: 'full_time' };

  const onFinish = async (v: Values) => {
    setSaving(true);
    try {
      const body: TCadreInput = {
        name: v.name.trim(),
        orgId: v.orgId,
        department: text(v.department),
        position: text(v.position),
        rank: v.rank,
        employment: v.employment,
        grassrootsYears: v.grassrootsYears ?? 0,
        hiredOn: day(v.hiredOn),
        probationEndsOn: day(v.probationEndsOn),
        ethnicity: text(v.ethnicity),
        politicalStatus: text(v.politicalStatus),
        education: text(v.education),
        joinedLeagueOn: month(v.joinedLeagueOn),
        positionSince: month(v.positionSince),
      };
      const mobile = text(v.mobile);
      const idNumber = text(v.idNumber)?.toUpperCase() ?? null;
      let saved: TCadre;
      if (cadre) {
        // Masked personal data is never sent back: only what was typed again replaces it.
        saved = await api.cadres.update(cadre.id, {
          ...body,
          ...(mobile ? { mobile } : {}),
          ...(idNumber ? { idNumber } : {}),
          active: v.active,
        });
      } else {
        saved = await api.cadres.create({ ...body, mobile, idNumber });
      }
      toastSuccess(editing ? '团干部信息已保存' : `已新增团干部「${saved.name}」`);
      onSaved(saved);
    } catch (error) {
      showFormError(form, error, FIELDS);
    } finally {
      setSaving(false);
    }
  };

  const orgInitial = cadre ? [{ id: cadre.orgId, name: cadre.orgName }] : [defaultOrg];

  return (
    <Drawer
      title={editing ? `编辑团干部 · ${cadre.name}` : '新增团干部'}
      open
      size={560}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            保存
          </Button>
        </Flex>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(v) => void onFinish(v)}
      >
        <Form.Item
          label="姓名"
          name="name"
          rules={[
            { required: true, whitespace: true, message: '请输入姓名' },
            { min: 2, max: 50, message: '姓名为 2–50 个字' },
          ]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item label="所在组织" name="orgId" rules={[{ required: true, message: '请选择所在组织' }]}>
          <OrgSelect initial={orgInitial} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item label="部室" name="department" style={{ flex: '1 1 200px' }} rules={[{ max: 50 }]}>
            <Input maxLength={50} placeholder="机关部室" />
          </Form.Item>
          <Form.Item label="团内现任职务" name="position" style={{ flex: '1 1 200px' }} rules={[{ max: 50 }]}>
            <AutoComplete options={positionOptions} maxLength={50} placeholder="选择或填写" />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item
            label="职级"
            name="rank"
            style={{ flex: '1 1 200px' }}
            rules={[{ required: true, message: '请选择职级' }]}
          >
            <Select options={rankOptions} placeholder="请选择" />
          </Form.Item>
          <Form.Item
            label="干部性质"
            name="employment"
            style={{ flex: '1 1 200px' }}
            rules={[{ required: true, message: '请选择干部性质' }]}
          >
            <Select options={employmentOptions} />
          </Form.Item>
        </Flex>
        <Form.Item label="基层工作年限" name="grassrootsYears" extra="基层工作经历，单位：年">
          <InputNumber min={0} max={60} step={1} style={{ width: '100%' }} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item label="任职日期" name="hiredOn" style={{ flex: '1 1 200px' }}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label="试用期满日期" name="probationEndsOn" style={{ flex: '1 1 200px' }}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item label="民族" name="ethnicity" style={{ flex: '1 1 120px' }} rules={[{ max: 20 }]}>
            <Input maxLength={20} placeholder="如 汉族" />
          </Form.Item>
          <Form.Item
            label="政治面貌"
            name="politicalStatus"
            style={{ flex: '1 1 120px' }}
            rules={[{ max: 20 }]}
          >
            <AutoComplete options={politicalOptions} maxLength={20} />
          </Form.Item>
          <Form.Item label="文化程度" name="education" style={{ flex: '1 1 120px' }} rules={[{ max: 20 }]}>
            <Input maxLength={20} placeholder="如 大学本科" />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item label="入团年月" name="joinedLeagueOn" style={{ flex: '1 1 200px' }}>
            <DatePicker picker="month" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label="任现职年月" name="positionSince" style={{ flex: '1 1 200px' }}>
            <DatePicker picker="month" style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item
          label="手机号码"
          name="mobile"
          extra={cadre?.mobileMasked ? `当前：${cadre.mobileMasked}，不修改请留空` : undefined}
          rules={[{ pattern: /^1[3-9]\d{9}$/, message: '手机号码应为 11 位，以 1 开头' }]}
        >
          <Input inputMode="tel" maxLength={11} autoComplete="off" />
        </Form.Item>
        <Form.Item
          label="身份证号码"
          name="idNumber"
          extra={cadre?.idNumberMasked ? `当前：${cadre.idNumberMasked}，不修改请留空` : undefined}
          rules={[{ pattern: /^\d{17}[\dXx]$/, message: '身份证号码应为 18 位' }]}
        >
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
        {editing ? (
          <Form.Item label="在职" name="active" valuePropName="checked">
            <Switch checkedChildren="在职" unCheckedChildren="离任" />
          </Form.Item>
        ) : null}
      </Form>
    </Drawer>
  );
}
