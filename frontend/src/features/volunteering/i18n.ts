// Texts of this feature; merged into src/i18n/zh-CN.ts and en.ts under `volunteering`.
// Both languages must have exactly the same keys (checked by src/i18n/i18n.test.ts).

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const volunteeringZh = {
  title: '志愿服务',
} as const;

export const volunteeringEn: Widen<typeof volunteeringZh> = {
  title: 'Volunteer service',
};
