// Texts of this feature, merged into the app's dictionary by src/i18n/zh-CN.ts and en.ts.
// The English object is typed by the Chinese one, so a key missing in either fails `tsc`.
import type { Messages } from '../../i18n/messages';

export const accountZh = {
  password: {
    title: '修改密码',
    notice: '修改成功后，您在所有设备上的登录都将退出，需要使用新密码重新登录。',
    confirm: '确认新密码',
    hint: '至少 {{min}} 个字符，不能与用户名相同',
    currentRequired: '请输入当前密码',
    newRequired: '请输入新密码',
    newLength: '新密码至少 {{min}} 个字符',
    confirmRequired: '请再次输入新密码',
    mismatch: '两次输入的新密码不一致',
    submit: '确认修改',
  },
} as const;

export const accountEn: Messages<typeof accountZh> = {
  password: {
    title: 'Change password',
    notice: 'Once changed, you are signed out on every device and sign in again with the new password.',
    confirm: 'Repeat new password',
    hint: 'At least {{min}} characters, not your username',
    currentRequired: 'Enter your current password',
    newRequired: 'Enter a new password',
    newLength: 'The new password needs at least {{min}} characters',
    confirmRequired: 'Enter the new password again',
    mismatch: 'The two new passwords differ',
    submit: 'Change password',
  },
};
