import { LeftOutlined } from '@ant-design/icons';
import { Flex } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { ScreenHeading } from './plain.tsx';

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
      <ScreenHeading style={{ flex: 1, minWidth: 0 }} data-screen>
        {children}
      </ScreenHeading>
      {extra ? (
        <Flex gap={8} wrap>
          {extra}
        </Flex>
      ) : null}
    </Flex>
  );
}
