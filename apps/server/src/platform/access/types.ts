/**
 * The closed list of what the access layer decides on: each kind of object and the actions it
 * knows. A route or service asks for one of these; anything else does not type-check.
 */
export const objectActions = {
  organization: ['read', 'write'],
  // log: record work in the cadre's log (the cadre, or an admin over them)
  cadre: ['read', 'write', 'log'],
  account: ['read', 'write'],
  // reveal: personal data in clear; keep: be added as a keeper without a request (decision 26)
  contact: ['read', 'write', 'reveal', 'keep'],
  // decide: an admin over the asking cadre and every keeper (decision 26)
  keeper_request: ['read', 'decide'],
  contact_point: ['read', 'write'],
  activity: ['read', 'write'],
  attachment: ['read', 'write'],
  // move: change a problem's status (its assignee may, besides its writers)
  problem: ['read', 'write', 'move'],
  // manage: decide leave; own: the posted cadre's own steps; act: the cadre's steps, or an admin's for them
  posting: ['read', 'manage', 'own', 'act'],
  // report: write the group's report (its leader)
  posting_group: ['read', 'report'],
  // a cadre's filings of the annual cycle (id: the cadre's); review: return or accept them
  filing: ['read', 'write', 'review'],
  // records owned by an organization: read by admins and leaders over it, written by its admins
  posting_program: ['read', 'write'],
  assessment: ['read', 'write'],
  report_recommendation: ['read', 'write'],
  // approve: an admin strictly above the requesting organization
  exemption: ['approve'],
  audit_log: ['read'],
  ledger: ['import'],
} as const;

export type ObjectType = keyof typeof objectActions;
export type Action<T extends ObjectType> = (typeof objectActions)[T][number];

/** Why access was granted (keeper, successor, scope, own …): reveals write it to the audit log. */
export type Grants = Map<string, string>;

export const objectTypeZh: Record<ObjectType, string> = {
  organization: '组织',
  cadre: '团干部',
  account: '账号',
  contact: '联系青年',
  keeper_request: '联系申请',
  contact_point: '联系点',
  activity: '活动记录',
  attachment: '附件',
  problem: '问题',
  posting: '派驻',
  posting_group: '工作小组',
  filing: '年度报备',
  posting_program: '下沉计划',
  assessment: '考核',
  report_recommendation: '推荐记录',
  exemption: '豁免',
  audit_log: '审计日志',
  ledger: '台账',
};

export const actionZh: Record<string, string> = {
  read: '查看',
  write: '修改',
  log: '记录工作日志',
  reveal: '查看个人信息',
  keep: '联系',
  move: '处理',
  manage: '管理',
  own: '办理',
  review: '审核',
  import: '导入',
  approve: '批准',
  decide: '审核',
  act: '办理',
  report: '填写报告',
};
