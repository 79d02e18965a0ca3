/**
 * 操作日志 in words: the audit log stores codes (`login.ok`, `ledger.import`, `denied`); people read
 * Chinese. An unknown code is shown as it is, so a new action is never hidden.
 */

const objects: Record<string, string> = {
  account: '账号',
  activity: '工作记录',
  assessment: '年度考核',
  attachment: '附件',
  cadre: '团干部',
  contact: '联系青年',
  contact_point: '联系点',
  exemption: '豁免',
  ledger: '工作台账',
  organization: '组织',
  org_assessment: '下级组织考核',
  posting: '下沉派驻',
  posting_leave: '派驻请假',
  posting_plan: '下沉方案',
  posting_program: '下沉计划',
  posting_report: '派驻报告',
  posting_preferences: '下沉批次意愿',
  report: '调研报告',
  report_recommendation: '调研报告推荐',
  spot_check: '抽查',
  task_list: '任务清单',
  self_check: '半年自查',
  import: '批量导入',
  forms: '表格',
  demo: '演示数据',
  divisions: '行政区划团委',
  contact_keeper: '联系人',
  showcase_case: '典型案例',
  bulletin: '通报',
  card: '联系名片',
  card_message: '名片留言',
  card_rating: '满意度评价',
  fact_book: '明白帐',
  keeper_request: '联系申请',
  key: '加密密钥',
  open_day: '专题开放日',
  org_report: '半年工作报告',
  point_proposal: '候选联系点',
  problem: '问题',
  secretary: '书记职位',
  preset: '规则',
  midyear_report: '半年自查报告',
  year_summary: '个人总结',
  import_job: '导入任务',
};

const actions: Record<string, string> = {
  'login.ok': '登录',
  'login.failed': '登录失败',
  'login.refused_locked': '登录被拒（账号已锁定）',
  logout: '退出登录',
  'password.changed': '修改密码',
  'totp.enabled': '启用动态口令',
  'account.locked': '账号锁定',
  'contact.reveal': '查看联系青年完整信息',
  'contact.keeper.add': '添加联系人',
  'contact.keeper.remove': '移除联系人',
  'contact_point.end': '结束联系点',
  'contact_point.rotate': '联系点轮换',
  'assessment.spot_check.draw': '抽取抽查对象',
  'assessment.spot_check.record': '记录抽查结果',
  'assessment.talk': '记录约谈',
  'assessment.grade': '评定等次',
  'org_assessment.grade': '评定下级组织等次',
  'assessment.review': '考核结果审核',
  'demo.seed': '生成演示数据',
  'divisions.seed': '生成各级团委',
  'forms.admins': '导出管理员信息表',
  'import.cadres': '导入团干部',
  'import.contacts': '导入联系青年',
  'import.organizations': '导入组织',
  'ledger.import': '导入工作台账',
  'ledger.export': '导出工作台账',
  'posting_plan.generate': '生成下沉方案',
  'posting_plan.move': '调整下沉方案',
  'posting_plan.publish': '发布下沉方案',
  'posting_preferences.set': '填报批次意愿',
  'posting.deliverable': '标记“六个一”',
  'conduct.commendation': '记录表彰',
  'conduct.discipline': '记录处理',
  'conduct.correct': '更正表彰与处理',
  'conduct.withdraw': '撤销表彰与处理记录',
  'posting_leave.request': '申请派驻请假',
  'posting_leave.decide': '审批派驻请假',
  'report.recommend': '推荐调研报告',
  'report.score': '调研报告评分',
  'exemption.request': '申请豁免',
  'exemption.approve': '批准豁免',
  'organization.close': '撤销组织',
  'case.publish': '发布典型案例',
  'case.unpublish': '撤下典型案例',
  read: '查看',
  'bulletin.settings': '设置通报排名开关',
  'card_message.reply': '答复名片留言',
  'card_message.reveal': '查看留言人联系方式',
  'key.rotate': '更换加密密钥',
  'key.rotate.start': '开始更换加密密钥',
  'open_day.check_in': '开放日签到',
  'open_day.sign_up': '报名专题开放日',
  'open_day.take': '开放日参加者加入联系名单',
  'point_proposal.approve': '批准候选联系点',
  'point_proposal.decline': '不予确定候选联系点',
  'problem.pass': '转交问题',
  'problem.answer': '登记问题答复',
  'problem.reply': '回复提出问题的青年',
  'keeper_request.approved': '批准联系申请',
  'keeper_request.rejected': '驳回联系申请',
  'secretary.start': '登记新任书记',
  'secretary.leave': '登记书记离任',
  'secretary.vacant': '登记书记空缺',
  'preset.adopt': '采用规则',
  'organization.move': '调整组织隶属',
};

const verbs: Record<string, string> = {
  create: '新建',
  update: '修改',
  delete: '删除',
  save: '保存',
  submit: '提交',
  accepted: '审核通过',
  accept: '审核通过',
  returned: '退回修改',
  return: '退回修改',
  read: '查看',
  write: '修改',
  approve: '批准',
  publish: '发布',
  check_in: '签到',
  decline: '不予确定',
  take: '加入联系名单',
};

const results: Record<string, { label: string; color: string }> = {
  ok: { label: '成功', color: 'green' },
  success: { label: '成功', color: 'green' },
  failed: { label: '失败', color: 'red' },
  denied: { label: '拒绝', color: 'orange' },
};

export function objectLabel(type: string): string {
  return objects[type] ?? type;
}

export function actionLabel(code: string): string {
  const known = actions[code];
  if (known) return known;
  if (code.startsWith('deny.')) {
    const verb = verbs[code.slice(5)] ?? code.slice(5);
    return `越权${verb}（已拒绝）`;
  }
  const dot = code.lastIndexOf('.');
  if (dot > 0) {
    const object = objects[code.slice(0, dot)];
    const verb = verbs[code.slice(dot + 1)];
    if (object && verb) return `${verb}${object}`;
  }
  return code;
}

export function resultLabel(code: string): { label: string; color: string } {
  return results[code] ?? { label: code, color: 'default' };
}
