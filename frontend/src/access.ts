// What the signed-in user may see and do in the SPA, derived from GET /api/v1/me.
// The server enforces every rule again; this only decides what is offered.
import type { Me, Permission, Role } from './api/types';

/** Action strings the SPA asks about (the server's `permissions`). */
export const ACTIONS = {
  areasRead: 'areas.read',
  areasManage: 'areas.manage',
  compoundsRead: 'compounds.read',
  compoundsCreate: 'compounds.create',
  compoundsUpdate: 'compounds.update',
  compoundsExport: 'compounds.export',
  statsRead: 'stats.read',
  usersManage: 'users.manage',
  piiRead: 'pii.read',
  apiKeysManage: 'api_keys.manage',
  auditRead: 'audit.read',
  registryRead: 'registry.read',
  registryManage: 'registry.manage',
  meetingsManage: 'meetings.manage',
  complaintsRead: 'complaints.read',
  complaintsFile: 'complaints.file',
  complaintsDispatch: 'complaints.dispatch',
  complaintsConfigure: 'complaints.configure',
  ledgerRead: 'ledger.read',
  ledgerPost: 'ledger.post',
  ledgerClose: 'ledger.close',
  disclosuresRead: 'disclosures.read',
  disclosuresPublish: 'disclosures.publish',
  auditsRead: 'audits.read',
  auditsManage: 'audits.manage',
  auditsWork: 'audits.work',
  auditsRectify: 'audits.rectify',
  allowancesRead: 'allowances.read',
  allowancesManage: 'allowances.manage',
  assessmentsManage: 'assessments.manage',
  paymentsPrepare: 'payments.prepare',
  paymentsApprove: 'payments.approve',
  volunteeringRead: 'volunteering.read',
  volunteeringManage: 'volunteering.manage',
  reportsDecide: 'reports.decide',
  hoursVerify: 'hours.verify',
  volunteeringParticipate: 'volunteering.participate',
} as const satisfies Record<string, Permission>;

export type ModuleKey =
  | 'myComplaints'
  | 'dashboard'
  | 'areas'
  | 'compounds'
  | 'organisations'
  | 'people'
  | 'contracts'
  | 'meetings'
  | 'centres'
  | 'users'
  | 'apiKeys'
  | 'auditLog'
  | 'complaints'
  | 'complaintSettings'
  | 'publicRevenue'
  | 'audits'
  | 'disclosures'
  | 'allowances'
  | 'volunteering'
  | 'myVolunteering';

export interface ModuleDef {
  key: ModuleKey;
  /** Route path under `/`. */
  path: string;
  /** i18n key of the menu label. */
  label: string;
  /** The action that makes the module visible. */
  requires: string;
  /** The side-menu group the entry sits in; top level without. */
  group?: MenuGroupKey;
}

export type MenuGroupKey = 'registry' | 'revenue' | 'system';

/** Side-menu groups: i18n key of the label. */
export const MENU_GROUPS: Record<MenuGroupKey, { label: string }> = {
  registry: { label: 'menu.registry' },
  revenue: { label: 'menu.revenueGroup' },
  system: { label: 'menu.system' },
};

/** Side-menu modules in menu order. */
export const MODULES: readonly ModuleDef[] = [
  // Residents' own complaints (mobile page); first, so it is a resident's home.
  { key: 'myComplaints', path: '/my-complaints', label: 'menu.myComplaints', requires: ACTIONS.complaintsFile },
  { key: 'dashboard', path: '/dashboard', label: 'menu.dashboard', requires: ACTIONS.statsRead },
  { key: 'areas', path: '/areas', label: 'menu.areas', requires: ACTIONS.areasRead },
  { key: 'compounds', path: '/compounds', label: 'menu.compounds', requires: ACTIONS.compoundsRead },
  // Staff inbox: also offered to handlers without `complaints.read` (see deriveAccess).
  { key: 'complaints', path: '/complaints', label: 'menu.complaints', requires: ACTIONS.complaintsRead },
  { key: 'organisations', path: '/organisations', label: 'menu.organisations', requires: ACTIONS.registryRead, group: 'registry' },
  { key: 'people', path: '/people', label: 'menu.people', requires: ACTIONS.registryRead, group: 'registry' },
  { key: 'contracts', path: '/contracts', label: 'menu.contracts', requires: ACTIONS.registryRead, group: 'registry' },
  { key: 'meetings', path: '/meetings', label: 'menu.meetings', requires: ACTIONS.registryRead, group: 'registry' },
  { key: 'centres', path: '/centres', label: 'menu.centres', requires: ACTIONS.registryRead, group: 'registry' },
  // Public revenue and its audits; residents read their compound's disclosures.
  { key: 'publicRevenue', path: '/public-revenue', label: 'menu.publicRevenue', requires: ACTIONS.ledgerRead, group: 'revenue' },
  // Auditors (audits.work) see their firm's engagements too (see deriveAccess).
  { key: 'audits', path: '/audits', label: 'menu.audits', requires: ACTIONS.auditsRead, group: 'revenue' },
  { key: 'disclosures', path: '/disclosures', label: 'menu.disclosures', requires: ACTIONS.disclosuresRead, group: 'revenue' },
  // Volunteers' own phone page (check in, hours); first for them, so it is their home.
  { key: 'myVolunteering', path: '/my-volunteering', label: 'menu.myVolunteering', requires: ACTIONS.volunteeringParticipate },
  // Volunteer service for staff: activities, teams, live monitor, verification, reports.
  { key: 'volunteering', path: '/volunteering', label: 'menu.volunteering', requires: ACTIONS.volunteeringRead },
  // Allowance payments; assessors (assessments.manage) reach the assessments too.
  { key: 'allowances', path: '/allowances', label: 'menu.allowances', requires: ACTIONS.allowancesRead },
  { key: 'users', path: '/users', label: 'menu.users', requires: ACTIONS.usersManage, group: 'system' },
  { key: 'apiKeys', path: '/api-keys', label: 'menu.apiKeys', requires: ACTIONS.apiKeysManage, group: 'system' },
  { key: 'auditLog', path: '/audit-log', label: 'menu.auditLog', requires: ACTIONS.auditRead, group: 'system' },
  {
    key: 'complaintSettings',
    path: '/complaint-settings',
    label: 'menu.complaintSettings',
    requires: ACTIONS.complaintsConfigure,
    group: 'system',
  },
];

export interface Access {
  can(action: string): boolean;
  modules: readonly ModuleDef[];
  areas: { read: boolean; manage: boolean };
  compounds: { read: boolean; create: boolean; update: boolean; export: boolean };
  stats: { read: boolean };
  /** `unmask`: may see a user's phone in full (with a reason, audited). */
  users: { manage: boolean; unmask: boolean };
  apiKeys: { manage: boolean };
  audit: { read: boolean };
  /**
   * The governance registry (organisations, people and posts, contracts, centres):
   * `manage` creates and edits them; `unmask` may see a person's phone and ID number in full.
   */
  registry: { read: boolean; manage: boolean; unmask: boolean };
  /** Joint meetings: record, finalise, amend, and follow up their action items. */
  meetings: { manage: boolean };
  /**
   * Complaints (诉求): `inbox` offers the staff inbox (readers, staff who file for callers,
   * and handlers whose organisation has complaints); `mine` the residents' own page;
   * `fileForCaller` the staff form for walk-ins and phone calls; `dispatch` accept, reject,
   * assign, close, arbitrate, decide extensions and merge; `configure` categories and calendar.
   */
  complaints: {
    read: boolean;
    inbox: boolean;
    mine: boolean;
    fileForCaller: boolean;
    dispatch: boolean;
    configure: boolean;
  };
  /**
   * Public revenue (公共收益): `read` ledgers and reports, `post` entries and imports,
   * `close` months, `publish` disclosures.
   */
  revenue: { read: boolean; post: boolean; close: boolean; publish: boolean };
  /**
   * Special audits (专项审计): `read` follows them, `manage` runs campaigns and fees,
   * `work` carries out the firm's engagements, `rectify` reports rectification done.
   */
  audits: { read: boolean; manage: boolean; work: boolean; rectify: boolean };
  /**
   * Allowance payments (岗位津贴): `read` programmes, cycles and payments; `manage`
   * programmes; `assess` record and import assessments; `prepare` generate, hold, submit,
   * disburse, export the bank file and import the return file; `approve` approve a cycle
   * someone else prepared (the server refuses the preparer).
   */
  allowances: { read: boolean; manage: boolean; assess: boolean; prepare: boolean; approve: boolean };
  /**
   * Volunteer service (志愿服务): `read` follow it, `manage` activities, teams and QR screens,
   * `decide` confirm reports, `verify` verify hours (team leaders also verify their team's,
   * which /me/volunteering tells), `participate` the volunteer's own page.
   */
  volunteering: { read: boolean; manage: boolean; decide: boolean; verify: boolean; participate: boolean };
  /** Where to land after sign-in: the first module offered, else the welcome page. */
  home: string;
}

/** Permissions as strings: a newer server may send actions this build does not know yet. */
type MeLike = { permissions: readonly string[]; grants?: readonly { role: string }[] } | null | undefined;

/** What /me alone does not say. */
export interface AccessContext {
  /** The user's organisation handles complaints they can see (GET /complaints/counts not empty). */
  handlesComplaints?: boolean;
}

/** Only resident grants (or none): the user files for themselves, not for callers. */
function residentOnly(me: MeLike): boolean {
  const grants = me?.grants ?? [];
  return grants.every((g) => g.role === 'resident');
}

/**
 * Whether the inbox depends on GET /complaints/counts: staff without `complaints.read`
 * may still handle complaints for their organisation (a property company, a committee).
 */
export function needsComplaintCounts(me: MeLike): boolean {
  const granted = new Set<string>(me?.permissions ?? []);
  return !granted.has(ACTIONS.complaintsRead) && !residentOnly(me);
}

export function deriveAccess(me: MeLike, context: AccessContext = {}): Access {
  const granted = new Set<string>(me?.permissions ?? []);
  const can = (action: string) => granted.has(action);
  const onlyResident = residentOnly(me);
  const hasResidentGrant = (me?.grants ?? []).some((g) => g.role === 'resident');
  const complaints = {
    read: can(ACTIONS.complaintsRead),
    inbox:
      can(ACTIONS.complaintsRead) ||
      (can(ACTIONS.complaintsFile) && !onlyResident) ||
      (!onlyResident && context.handlesComplaints === true),
    mine: can(ACTIONS.complaintsFile) && hasResidentGrant,
    fileForCaller: can(ACTIONS.complaintsFile) && !onlyResident,
    dispatch: can(ACTIONS.complaintsDispatch),
    configure: can(ACTIONS.complaintsConfigure),
  };
  const visible = (m: ModuleDef) => {
    if (m.key === 'complaints') return complaints.inbox;
    if (m.key === 'myComplaints') return complaints.mine;
    if (m.key === 'audits') return can(ACTIONS.auditsRead) || can(ACTIONS.auditsWork);
    if (m.key === 'allowances') return can(ACTIONS.allowancesRead) || can(ACTIONS.assessmentsManage);
    return can(m.requires);
  };
  const modules = MODULES.filter(visible);
  return {
    can,
    modules,
    areas: { read: can(ACTIONS.areasRead), manage: can(ACTIONS.areasManage) },
    compounds: {
      read: can(ACTIONS.compoundsRead),
      create: can(ACTIONS.compoundsCreate),
      update: can(ACTIONS.compoundsUpdate),
      export: can(ACTIONS.compoundsExport),
    },
    stats: { read: can(ACTIONS.statsRead) },
    users: { manage: can(ACTIONS.usersManage), unmask: can(ACTIONS.piiRead) },
    apiKeys: { manage: can(ACTIONS.apiKeysManage) },
    audit: { read: can(ACTIONS.auditRead) },
    registry: {
      read: can(ACTIONS.registryRead),
      manage: can(ACTIONS.registryManage),
      unmask: can(ACTIONS.registryRead) && can(ACTIONS.piiRead),
    },
    meetings: { manage: can(ACTIONS.registryRead) && can(ACTIONS.meetingsManage) },
    complaints,
    revenue: {
      read: can(ACTIONS.ledgerRead),
      post: can(ACTIONS.ledgerPost),
      close: can(ACTIONS.ledgerClose),
      publish: can(ACTIONS.disclosuresPublish),
    },
    audits: {
      read: can(ACTIONS.auditsRead) || can(ACTIONS.auditsWork),
      manage: can(ACTIONS.auditsManage),
      work: can(ACTIONS.auditsWork),
      rectify: can(ACTIONS.auditsRectify),
    },
    allowances: {
      read: can(ACTIONS.allowancesRead),
      manage: can(ACTIONS.allowancesManage),
      assess: can(ACTIONS.assessmentsManage),
      prepare: can(ACTIONS.paymentsPrepare),
      approve: can(ACTIONS.paymentsApprove),
    },
    volunteering: {
      read: can(ACTIONS.volunteeringRead),
      manage: can(ACTIONS.volunteeringManage),
      decide: can(ACTIONS.reportsDecide),
      verify: can(ACTIONS.hoursVerify),
      participate: can(ACTIONS.volunteeringParticipate),
    },
    home: modules[0]?.path ?? '/welcome',
  };
}

/** The module a location belongs to, for highlighting the menu. */
export function moduleForPath(pathname: string): ModuleDef | undefined {
  return MODULES.find((m) => pathname === m.path || pathname.startsWith(`${m.path}/`));
}

/** Registry modules whose create and edit pages need `registry.manage`. */
const REGISTRY_EDITORS: ReadonlySet<ModuleKey> = new Set<ModuleKey>(['organisations', 'people', 'contracts', 'centres']);

/** `<base>/new` or `<base>/<id>/edit`. */
function isEditorPath(base: string, pathname: string): boolean {
  if (pathname === `${base}/new`) return true;
  const rest = pathname.slice(base.length);
  return /^\/[^/]+\/edit$/.test(rest);
}

/** May the user open this path? Paths outside every module are open to anyone signed in. */
export function canVisit(access: Access, pathname: string): boolean {
  const mod = moduleForPath(pathname);
  if (!mod) return true;
  if (!access.modules.includes(mod)) return false;
  if (mod.key === 'compounds') {
    if (pathname === '/compounds/new') return access.compounds.create;
    if (/^\/compounds\/[^/]+\/edit$/.test(pathname)) return access.compounds.update;
  }
  if (REGISTRY_EDITORS.has(mod.key) && isEditorPath(mod.path, pathname)) return access.registry.manage;
  if (mod.key === 'meetings' && isEditorPath(mod.path, pathname)) return access.meetings.manage;
  if (mod.key === 'complaints' && pathname === '/complaints/new') return access.complaints.fileForCaller;
  return true;
}

export interface RoleSummary {
  role: Role;
  areaNames: string[];
}

/** One line per role with the areas it is held on, in the order first granted. */
export function summariseGrants(me: Pick<Me, 'grants'> | null | undefined): RoleSummary[] {
  const byRole = new Map<Role, string[]>();
  for (const g of me?.grants ?? []) {
    const names = byRole.get(g.role) ?? [];
    if (!names.includes(g.area_name)) names.push(g.area_name);
    byRole.set(g.role, names);
  }
  return [...byRole].map(([role, areaNames]) => ({ role, areaNames }));
}

export type MenuEntry =
  | { kind: 'module'; module: ModuleDef }
  | { kind: 'group'; key: MenuGroupKey; label: string; modules: ModuleDef[] };

/**
 * The side menu: modules in MODULES order, grouped ones gathered under their group,
 * which takes the place of its first member. Groups without a visible member are left out.
 */
export function menuEntries(modules: readonly ModuleDef[]): MenuEntry[] {
  const entries: MenuEntry[] = [];
  const groups = new Map<MenuGroupKey, ModuleDef[]>();
  for (const m of modules) {
    if (!m.group) {
      entries.push({ kind: 'module', module: m });
      continue;
    }
    let members = groups.get(m.group);
    if (!members) {
      members = [];
      groups.set(m.group, members);
      entries.push({ kind: 'group', key: m.group, label: MENU_GROUPS[m.group].label, modules: members });
    }
    members.push(m);
  }
  return entries;
}

/** Roles in the order forms offer them. */
export const ROLES: readonly Role[] = [
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
];

/** How much a role may do; mirrors the server's policy (which decides in the end). */
function rank(role: Role): number {
  switch (role) {
    case 'district_admin':
      return 3;
    case 'subdistrict_staff':
      return 2;
    case 'community_staff':
    case 'finance_officer':
      return 1;
    default:
      return 0;
  }
}

/** Roles whose holders manage users (government staff). */
const USER_MANAGERS: ReadonlySet<Role> = new Set<Role>(['district_admin', 'subdistrict_staff', 'community_staff']);

/**
 * The roles this user may give to others: district admins any, other user managers
 * only roles ranking below their own. The server also checks the area.
 */
export function grantableRoles(me: Pick<Me, 'grants'> | null | undefined): Role[] {
  const mine = (me?.grants ?? []).map((g) => g.role).filter((r) => USER_MANAGERS.has(r));
  if (mine.includes('district_admin')) return [...ROLES];
  const top = Math.max(-1, ...mine.map(rank));
  return ROLES.filter((r) => rank(r) < top);
}

/**
 * Whether the signed-in user may change this user (profile and grants): they must be
 * able to give every role the user holds, so staff cannot edit or lock out someone
 * at or above their own level. Areas are the server's to check.
 */
export function mayManageUser(me: Pick<Me, 'grants'> | null | undefined, user: { grants: readonly { role: Role }[] }): boolean {
  const grantable = new Set(grantableRoles(me));
  return grantable.size > 0 && user.grants.every((g) => grantable.has(g.role));
}
