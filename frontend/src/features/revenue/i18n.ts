// Texts of this feature; merged into src/i18n/zh-CN.ts and en.ts under `revenue`.
// Both languages must have exactly the same keys (checked by src/i18n/i18n.test.ts).

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const revenueZh = {
  title: '公共收益',
} as const;

export const revenueEn: Widen<typeof revenueZh> = {
  title: 'Public revenue',
};
