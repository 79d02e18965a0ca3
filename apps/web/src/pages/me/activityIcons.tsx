import {
  AlertOutlined,
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  CommentOutlined,
  EnvironmentOutlined,
  GiftOutlined,
  HomeOutlined,
  MessageOutlined,
  ProfileOutlined,
  ProjectOutlined,
  ReadOutlined,
  SoundOutlined,
  StarOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { TActivityIcon } from '@lianxin/contracts';
import type { ReactNode } from 'react';

/** The antd icon of each icon name of the activity registry (a type names its icon there). */
export const activityIcons: Record<TActivityIcon, ReactNode> = {
  comment: <CommentOutlined />,
  environment: <EnvironmentOutlined />,
  message: <MessageOutlined />,
  sound: <SoundOutlined />,
  team: <TeamOutlined />,
  gift: <GiftOutlined />,
  alert: <AlertOutlined />,
  home: <HomeOutlined />,
  bank: <BankOutlined />,
  project: <ProjectOutlined />,
  star: <StarOutlined />,
  read: <ReadOutlined />,
  profile: <ProfileOutlined />,
  audit: <AuditOutlined />,
  calendar: <CalendarOutlined />,
};
