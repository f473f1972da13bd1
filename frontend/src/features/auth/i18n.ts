// Texts of this feature, merged into the app's dictionary by src/i18n/zh-CN.ts and en.ts.
// The English object is typed by the Chinese one, so a key missing in either fails `tsc`.
import type { Messages } from '../../i18n/messages';

export const authZh = {
  login: {
    title: '登录',
    welcome: '小区治理平台',
    username: '用户名',
    password: '密码',
    submit: '登录',
    usernameRequired: '请输入用户名',
    passwordRequired: '请输入密码',
    sessionExpired: '会话已过期，请重新登录',
    signedOut: '您已安全退出',
    passwordChanged: '密码已修改',
    passwordChangedDetail: '您在所有设备上的登录均已退出，请使用新密码重新登录。',
  },
} as const;

export const authEn: Messages<typeof authZh> = {
  login: {
    title: 'Sign in',
    welcome: 'Residential Compound Governance',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    usernameRequired: 'Enter your username',
    passwordRequired: 'Enter your password',
    sessionExpired: 'Your session has expired. Please sign in again.',
    signedOut: 'You have signed out.',
    passwordChanged: 'Your password has been changed',
    passwordChangedDetail: 'You have been signed out on every device. Sign in with the new password.',
  },
};
