// Texts of this feature, merged into the app's dictionary by src/i18n/zh-CN.ts and en.ts.
// The English object is typed by the Chinese one, so a key missing in either fails `tsc`.
import type { Labels, Messages } from '../../i18n/messages';

export const registryZh = {
  orgKinds: {
    compound_party_branch: '小区党组织',
    community_party_committee: '社区党总支',
    owners_committee: '业主委员会',
    supervisory_committee: '业主监督委员会',
    property_company: '物业服务企业',
    property_company_party_org: '物业企业党组织',
    residents_committee: '居民自治委员会',
    volunteer_team: '志愿团队',
    audit_firm: '审计机构',
    law_enforcement: '综合行政执法队',
    partner: '合作单位',
  } satisfies Labels<'OrgKind'>,
  meetingStatus: {
    draft: '草稿',
    finalised: '已定稿',
  } satisfies Labels<'MeetingStatus'>,
  actionStatus: {
    open: '待办',
    done: '已办结',
    cancelled: '已取消',
  } satisfies Labels<'ActionStatus'>,
} as const;

export const registryEn: Messages<typeof registryZh> = {
  orgKinds: {
    compound_party_branch: 'Compound party branch',
    community_party_committee: 'Community party committee',
    owners_committee: 'Owners’ committee',
    supervisory_committee: 'Supervisory committee',
    property_company: 'Property company',
    property_company_party_org: 'Property company party organisation',
    residents_committee: 'Residents’ self-governance committee',
    volunteer_team: 'Volunteer team',
    audit_firm: 'Audit firm',
    law_enforcement: 'Law enforcement team',
    partner: 'Partner',
  },
  meetingStatus: {
    draft: 'Draft',
    finalised: 'Finalised',
  },
  actionStatus: {
    open: 'Open',
    done: 'Done',
    cancelled: 'Cancelled',
  },
};
