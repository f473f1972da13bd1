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
} as const satisfies Record<string, Permission>;

export type ModuleKey = 'dashboard' | 'areas' | 'compounds';
// Later modules join here (and in MODULES below, the router and the menu icons):
// 'complaints' (诉求), 'publicRevenue' (公共收益), 'allowances' (津贴), 'volunteering' (志愿服务).

export interface ModuleDef {
  key: ModuleKey;
  /** Route path under `/`. */
  path: string;
  /** i18n key of the menu label. */
  label: string;
  /** The action that makes the module visible. */
  requires: string;
}

/** Side-menu modules in menu order. */
export const MODULES: readonly ModuleDef[] = [
  { key: 'dashboard', path: '/dashboard', label: 'menu.dashboard', requires: ACTIONS.statsRead },
  { key: 'areas', path: '/areas', label: 'menu.areas', requires: ACTIONS.areasRead },
  { key: 'compounds', path: '/compounds', label: 'menu.compounds', requires: ACTIONS.compoundsRead },
  // { key: 'complaints', path: '/complaints', label: 'menu.complaints', requires: 'complaints.read' },
  // { key: 'publicRevenue', path: '/public-revenue', label: 'menu.publicRevenue', requires: 'ledger.read' },
  // { key: 'allowances', path: '/allowances', label: 'menu.allowances', requires: 'allowances.read' },
  // { key: 'volunteering', path: '/volunteering', label: 'menu.volunteering', requires: 'volunteering.read' },
];

export interface Access {
  can(action: string): boolean;
  modules: readonly ModuleDef[];
  areas: { read: boolean; manage: boolean };
  compounds: { read: boolean; create: boolean; update: boolean; export: boolean };
  stats: { read: boolean };
  /** Where to land after sign-in: the first module offered, else the welcome page. */
  home: string;
}

/** Permissions as strings: a newer server may send actions this build does not know yet. */
type MeLike = { permissions: readonly string[] } | null | undefined;

export function deriveAccess(me: MeLike): Access {
  const granted = new Set<string>(me?.permissions ?? []);
  const can = (action: string) => granted.has(action);
  const modules = MODULES.filter((m) => can(m.requires));
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
    home: modules[0]?.path ?? '/welcome',
  };
}

/** The module a location belongs to, for highlighting the menu. */
export function moduleForPath(pathname: string): ModuleDef | undefined {
  return MODULES.find((m) => pathname === m.path || pathname.startsWith(`${m.path}/`));
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
