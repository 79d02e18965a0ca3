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
  // book: add a version to the 明白帐 (the open tenure's holder, or an admin over the holder)
  contact_point: ['read', 'write', 'book'],
  activity: ['read', 'write'],
  attachment: ['read', 'write'],
  // move: change a problem's status (its assignee may, besides its writers); answer: record the
  // answer received (besides those who move it, the admins of the committee it was passed to)
  problem: ['read', 'write', 'move', 'answer'],
  // manage: decide leave; own: the posted cadre's own steps; act: the cadre's steps, or an admin's for them
  posting: ['read', 'manage', 'own', 'act'],
  // report: write the group's report (its leader)
  posting_group: ['read', 'report'],
  // a cadre's filings of the annual cycle (id: the cadre's); review: return or accept them
  filing: ['read', 'write', 'review'],
  // records owned by an organization: read by admins and leaders over it, written by its admins
  posting_program: ['read', 'write'],
  assessment: ['read', 'write'],
  // score: from strictly above the recommending unit (优秀调研报告评选)
  report_recommendation: ['read', 'write', 'score'],
  // approve: an admin strictly above the requesting organization
  exemption: ['approve'],
  // a candidate contact point: read by both sides; decided by an admin of the organ asked
  point_proposal: ['read', 'decide'],
  // an organization's report upward (半年报告): written by its admins, reviewed from above
  org_report: ['read', 'write', 'review'],
  audit_log: ['read'],
  ledger: ['import'],
  // an import run as a job: its starter, or an admin over the starter's scope, follows it
  import_job: ['read'],
  // a level's bulletin (id: the issuing organization's); configure: its ranking switches (decision 32)
  bulletin: ['read', 'configure'],
  // grades a level gives its lower organizations (seed 003 三.2), owned by the grading level;
  // read_entry: one organization's entry, read by the grading level and, once published, by the
  // admins of the organizations graded
  org_assessment: ['read', 'write', 'read_entry'],
  // sign_up: the public form while open; take: an attendee into a cadre's contacts (consent given)
  open_day: ['read', 'write', 'sign_up', 'take'],
  // a written-up case (id: the activity's); publish: by an admin over its author; read: public once published
  showcase_case: ['read', 'publish'],
  // a public card (联系名片): read/write by its owner and admins over them; view and message by
  // a visitor holding it while it is on (decision 31)
  card: ['read', 'write', 'view', 'message'],
  // a youth's message through a card: reply by whoever writes the card; follow (read the reply by
  // its code) by a visitor holding the same card while it is on
  card_message: ['read', 'reply', 'follow'],
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
  point_proposal: '候选联系点',
  org_report: '工作报告',
  audit_log: '审计日志',
  ledger: '台账',
  import_job: '导入任务',
  bulletin: '通报',
  org_assessment: '下级组织考核',
  open_day: '开放日',
  showcase_case: '典型案例',
  card: '联系名片',
  card_message: '名片留言',
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
  score: '评分',
  decide: '审核',
  act: '办理',
  report: '填写报告',
  answer: '登记答复',
  book: '填写明白帐',
  configure: '设置',
  sign_up: '报名',
  take: '加入联系名单',
  publish: '发布',
  view: '查看',
  message: '留言',
  reply: '回复',
  follow: '查看回复',
  read_entry: '查看本组织的等次',
};
