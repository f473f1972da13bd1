// Texts of this feature, merged into the app's dictionary by src/i18n/zh-CN.ts and en.ts.
// The English object is typed by the Chinese one, so a key missing in either fails `tsc`.
import type { Messages } from '../../i18n/messages';

export const homeZh = {
  home: {
    welcome: '{{name}}，欢迎使用邻里小区治理平台',
    noModules: '您的账号暂无可用的管理功能。如需开通，请联系所在街道或社区。',
  },
} as const;

export const homeEn: Messages<typeof homeZh> = {
  home: {
    welcome: 'Welcome to Linli, {{name}}',
    noModules:
      'Your account has no management functions yet. Ask your subdistrict or community office to grant them.',
  },
};
