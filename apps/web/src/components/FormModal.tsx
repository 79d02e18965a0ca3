import { Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { showFormError } from '../feedback.ts';

interface FormModalProps<T> {
  title: string;
  open: boolean;
  onClose: () => void;
  form: FormInstance<T>;
  /** Field names: server error details naming them are shown under the field. */
  fields: readonly string[];
  /** Server paths that name a field differently (`password` → `resetPassword`). */
  aliases?: Record<string, string>;
  onSubmit: (values: T) => Promise<void>;
  initialValues?: Partial<T>;
  okText?: string;
  children: ReactNode;
}

/** A modal holding one vertical form; the OK button submits, server errors land on the fields. */
export function FormModal<T extends object>({
  title,
  open,
  onClose,
  form,
  fields,
  aliases,
  onSubmit,
  initialValues,
  okText = '保存',
  children,
}: FormModalProps<T>) {
  const [submitting, setSubmitting] = useState(false);

  const onFinish = async (values: T) => {
    setSubmitting(true);
    try {
      await onSubmit(values);
      onClose();
    } catch (error) {
      showFormError(form, error, fields, aliases);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      title={title}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={okText}
      confirmLoading={submitting}
      destroyOnHidden
    >
      <Form<T>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={initialValues}
        onFinish={(values) => void onFinish(values)}
        style={{ marginTop: 16 }}
      >
        {children}
      </Form>
    </Modal>
  );
}
