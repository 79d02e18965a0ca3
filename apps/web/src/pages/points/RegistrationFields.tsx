import { Form, Input, Select, Switch } from 'antd';
import { categoryOptions } from './points.ts';

/**
 * The 联系点登记表's own fields (类别, 联系主题, 示范点), as registering a point, proposing a candidate
 * and approving one ask for them. A proposal only suggests them: `suggested` says so in the labels.
 */
export function RegistrationFields({ suggested = false }: { suggested?: boolean }) {
  return (
    <>
      <Form.Item name="category" label="类别" extra="巩固、提高、整顿或新建">
        <Select allowClear options={categoryOptions} />
      </Form.Item>
      <Form.Item name="topic" label={suggested ? '建议联系主题' : '联系主题'}>
        <Input maxLength={200} placeholder="如：青年技能提升、留守儿童关爱" />
      </Form.Item>
      <Form.Item name="showcase" label={suggested ? '建议作为示范点' : '示范点'} valuePropName="checked">
        <Switch checkedChildren="是" unCheckedChildren="否" />
      </Form.Item>
    </>
  );
}
