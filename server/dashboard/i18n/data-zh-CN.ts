// The Simplified Chinese strings for handling people's data: erasing a person, exporting notes, xAPI.
export const dataZhCN = {
  'erase.open': '删除此人数据',
  'erase.title': '删除 {name} 的全部数据',
  'erase.warning': '将永久删除此人的账号及其全部学习记录、笔记、登录设备和学习计划等记录，无法恢复。',
  'erase.reason': '删除原因（记入操作日志）',
  'erase.reasonRequired': '请填写删除原因。',
  'erase.reasonTooLong': '删除原因最多 500 个字。',
  'erase.continue': '下一步',
  'erase.confirmPrompt': '请输入用户名 {username} 以确认删除。原因：{reason}',
  'erase.confirmLabel': '用户名',
  'erase.confirm': '确认永久删除',
  'erase.back': '返回修改',
  'erase.done': '已删除：{segments} 条学习记录、{notes} 条笔记、{tokens} 个登录。',
} as const;
