import { Button, type ButtonProps } from 'antd';

/** Looks like a link, is a button (role=button): for actions that go nowhere by URL. */
export function LinkButton({ style, ...props }: Omit<ButtonProps, 'type'>) {
  return <Button type="link" size="small" style={{ padding: 0, height: 'auto', ...style }} {...props} />;
}
