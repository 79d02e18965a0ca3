import { LeftOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

/**
 * The title of a phone screen, with a back arrow and optional buttons on the right. `data-screen`
 * marks it so the browser tests can count the screens a task takes.
 */
export function ScreenTitle({
  children,
  back,
  extra,
}: {
  children: ReactNode;
  back?: string;
  extra?: ReactNode;
}) {
  return (
    <Flex align="center" gap={8} wrap>
      {back ? (
        <Link to={back} aria-label="返回上一步" className="lx-back">
          <LeftOutlined />
        </Link>
      ) : null}
      <Typography.Title level={1} style={{ fontSize: 20, margin: '4px 0', flex: 1, minWidth: 0 }} data-screen>
        {children}
      </Typography.Title>
      {extra ? (
        <Flex gap={8} wrap>
          {extra}
        </Flex>
      ) : null}
    </Flex>
  );
}
