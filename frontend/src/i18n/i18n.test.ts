import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import en from './en';
import zhCN from './zh-CN';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const zh = flatten(zhCN as unknown as Tree);
const english = flatten(en as unknown as Tree);
const vars = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  it('has every zh-CN key in en', () => {
    expect([...zh.keys()].filter((k) => !english.has(k))).toEqual([]);
  });

  it('has every en key in zh-CN', () => {
    expect([...english.keys()].filter((k) => !zh.has(k))).toEqual([]);
  });

  it('has no empty strings', () => {
    const empty = [...zh, ...english].filter(([, v]) => v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const mismatched = [...zh].filter(([k, v]) => vars(v).join() !== vars(english.get(k) ?? '').join());
    expect(mismatched.map(([k]) => k)).toEqual([]);
  });

  it('translates every role, area kind and governance mode', () => {
    for (const role of [
      'district_admin',
      'subdistrict_staff',
      'community_staff',
      'compound_secretary',
      'committee_member',
      'property_staff',
      'auditor',
      'finance_officer',
      'resident',
      'volunteer',
    ]) {
      expect(zh.get(`roles.${role}`)).toBeTruthy();
    }
    expect(zh.get('governanceModes.self_managed')).toBe('自管小区');
    expect(zh.get('areaKinds.subdistrict')).toBe('街道');
  });

  it('names the governance registry as the glossary does', () => {
    expect(zh.get('menu.registry')).toBe('治理体系');
    expect(zh.get('orgKinds.compound_party_branch')).toBe('小区党组织');
    expect(zh.get('orgKinds.community_party_committee')).toBe('社区党总支');
    expect(zh.get('orgKinds.owners_committee')).toBe('业主委员会');
    expect(zh.get('orgKinds.supervisory_committee')).toBe('业主监督委员会');
    expect(zh.get('orgKinds.property_company')).toBe('物业服务企业');
    expect(zh.get('orgKinds.property_company_party_org')).toBe('物业企业党组织');
    expect(zh.get('orgKinds.residents_committee')).toBe('居民自治委员会');
    expect(zh.get('orgKinds.law_enforcement')).toBe('综合行政执法队');
    expect(zh.get('meetingStatus.finalised')).toBe('已定稿');
    expect(zh.get('meetings.finaliseContent')).toBe('定稿后纪要不可修改，只能添加更正说明');
    expect(zh.get('actionItems.filterOverdue')).toBe('仅看超期');
    for (let day = 1; day <= 7; day++) expect(english.get(`weekdays.${day}`)).toBeTruthy();
  });

  it('names the API scopes and system menus as the product does', () => {
    expect(zh.get('apiScopes.registry:read')).toBe('读取区域与小区');
    expect(zh.get('apiScopes.complaints:write')).toBe('提交与处理诉求');
    expect(zh.get('apiScopes.webhooks:manage')).toBe('管理事件订阅');
    expect(zh.get('menu.system')).toBe('系统管理');
    expect(zh.get('menu.users')).toBe('用户管理');
    expect(zh.get('menu.apiKeys')).toBe('API 密钥');
    expect(zh.get('menu.auditLog')).toBe('审计日志');
  });

  it('translates every error code the API documents', () => {
    const codes = [
      'invalid_credentials',
      'unauthorized',
      'invalid_token',
      'token_expired',
      'forbidden',
      'not_found',
      'validation_failed',
      'malformed_json',
      'payload_too_large',
      'precondition_required',
      'precondition_failed',
      'conflict',
      'internal_error',
      'service_unavailable',
      'route_not_found',
      'invalid_refresh_token',
      'invalid_cursor',
      'invalid_query',
      'unsupported_media_type',
      'bad_request',
      'method_not_allowed',
      'too_many_requests',
      'idempotency_in_flight',
      'idempotency_key_reused',
      'invalid_idempotency_key',
      'idempotency_key_required',
      'meeting_finalised',
      'meeting_incomplete',
      'meeting_not_finalised',
    ];
    expect(codes.filter((c) => !zh.has(`errors.${c}`))).toEqual([]);
    expect(zh.get('errors.invalid_credentials')).toBe('用户名或密码错误');
  });
});

describe('feature dictionaries', () => {
  // Every features/*/i18n.ts exports `<feature>Zh` and `<feature>En`, each a set of top-level sections.
  const modules = import.meta.glob<Record<string, Tree>>('../features/*/i18n.ts', { eager: true });
  const sectionsOf = (suffix: 'Zh' | 'En') =>
    Object.entries(modules).flatMap(([path, mod]) => {
      const exported = Object.entries(mod).filter(([name]) => name.endsWith(suffix));
      expect(exported.map(([name]) => name), path).toHaveLength(1);
      return Object.keys(exported[0][1]).map((section) => ({ path, section, tree: exported[0][1][section] }));
    });

  it('finds the feature dictionaries', () => {
    expect(Object.keys(modules).length).toBeGreaterThan(10);
  });

  it.each([
    ['zh-CN', 'Zh', zhCN],
    ['en', 'En', en],
  ] as const)('merges every %s feature section into the app dictionary, each section owned once', (_, suffix, app) => {
    const sections = sectionsOf(suffix);
    const owners = new Map<string, string[]>();
    for (const { path, section } of sections) owners.set(section, [...(owners.get(section) ?? []), path]);
    expect([...owners].filter(([, paths]) => paths.length > 1)).toEqual([]);
    for (const { section, tree } of sections) {
      expect((app as unknown as Tree)[section], section).toBe(tree);
    }
  });

  it('gives both languages of a feature the same sections', () => {
    const zhSections = sectionsOf('Zh').map(({ path, section }) => `${path}:${section}`);
    const enSections = sectionsOf('En').map(({ path, section }) => `${path}:${section}`);
    expect(enSections.sort()).toEqual(zhSections.sort());
  });
});

describe('translations cover the API contract', () => {
  const spec = JSON.parse(
    readFileSync(new URL('../../../openapi/openapi.json', import.meta.url), 'utf8'),
  ) as { components: { schemas: Record<string, { enum?: string[] }> } };
  const enumOf = (name: string) => {
    const values = spec.components.schemas[name]?.enum;
    if (!values) throw new Error(`schema ${name} has no enum in openapi.json`);
    return values;
  };

  it.each([
    ['Role', 'roles'],
    ['AreaKind', 'areaKinds'],
    ['GovernanceMode', 'governanceModes'],
    ['ApiScope', 'apiScopes'],
    ['OrgKind', 'orgKinds'],
    ['MeetingStatus', 'meetingStatus'],
    ['ActionStatus', 'actionStatus'],
  ])('names every %s value', (schema, prefix) => {
    for (const lang of [zh, english]) {
      expect(enumOf(schema).filter((v) => !lang.get(`${prefix}.${v}`))).toEqual([]);
    }
  });
});
