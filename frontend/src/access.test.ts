import { describe, expect, it } from 'vitest';
import {
  canVisit,
  deriveAccess,
  grantableRoles,
  mayManageUser,
  menuEntries,
  moduleForPath,
  needsComplaintCounts,
  ROLES,
  summariseGrants,
} from './access';
import type { Me } from './api/types';

/** The paths an access opens, and those it refuses. */
function expectVisits(access: Parameters<typeof canVisit>[0], open: string[], closed: string[]) {
  for (const path of open) expect(canVisit(access, path), path).toBe(true);
  for (const path of closed) expect(canVisit(access, path), path).toBe(false);
}

/** What the demo subdistrict staff (houjiatang) is sent by /me. */
const SUBDISTRICT = [
  'areas.read',
  'areas.manage',
  'compounds.read',
  'compounds.create',
  'compounds.update',
  'compounds.export',
  'stats.read',
  'users.manage',
  'pii.read',
];

/** A district admin: the subdistrict's permissions and the district's own. */
const ADMIN = [
  ...SUBDISTRICT,
  'api_keys.manage',
  'audit.read',
  'metrics.read',
  'events.read',
  'webhooks.manage',
  'registry.read',
  'registry.manage',
  'meetings.manage',
];

/** What the demo compound party secretary (rongcheng.secretary) is sent by /me. */
const SECRETARY = ['areas.read', 'compounds.read', 'compounds.export', 'registry.read', 'meetings.manage'];

/** A committee member or auditor: reads the registry, changes nothing. */
const REGISTRY_READER = ['areas.read', 'compounds.read', 'registry.read'];


describe('deriveAccess', () => {
  it('gives a district admin every module and action', () => {
    const a = deriveAccess({ permissions: ADMIN });
    expect(a.modules.map((m) => m.key)).toEqual([
      'dashboard',
      'areas',
      'compounds',
      'organisations',
      'people',
      'contracts',
      'meetings',
      'centres',
      'users',
      'apiKeys',
      'auditLog',
    ]);
    expect(a.areas).toEqual({ read: true, manage: true });
    expect(a.registry).toEqual({ read: true, manage: true, unmask: true });
    expect(a.meetings).toEqual({ manage: true });
    expect(a.users).toEqual({ manage: true, unmask: true });
    expect(a.apiKeys.manage).toBe(true);
    expect(a.audit.read).toBe(true);
    expect(a.compounds).toEqual({ read: true, create: true, update: true, export: true });
    expect(a.stats.read).toBe(true);
    expect(a.home).toBe('/dashboard');
  });

  it('shows read-only staff the lists but no management actions', () => {
    const a = deriveAccess({ permissions: ['areas.read', 'compounds.read'] });
    expect(a.modules.map((m) => m.key)).toEqual(['areas', 'compounds']);
    expect(a.areas.manage).toBe(false);
    expect(a.compounds.create).toBe(false);
    expect(a.compounds.update).toBe(false);
    expect(a.compounds.export).toBe(false);
    expect(a.home).toBe('/areas');
  });

  it('offers a resident without registry permissions no admin module', () => {
    const a = deriveAccess({ permissions: [] });
    expect(a.modules).toEqual([]);
    expect(a.areas).toEqual({ read: false, manage: false });
    expect(a.home).toBe('/welcome');
  });

  it('treats a missing /me as no permissions', () => {
    expect(deriveAccess(undefined).modules).toEqual([]);
    expect(deriveAccess(null).can('areas.read')).toBe(false);
  });

  it('ignores unknown actions but still answers can()', () => {
    const a = deriveAccess({ permissions: ['parking.read'] });
    expect(a.modules).toEqual([]);
    expect(a.can('parking.read')).toBe(true);
  });

  it('offers subdistrict staff user management but not API keys or the audit log', () => {
    const a = deriveAccess({ permissions: SUBDISTRICT });
    expect(a.modules.map((m) => m.key)).toEqual(['dashboard', 'areas', 'compounds', 'users']);
    expect(a.users).toEqual({ manage: true, unmask: true });
    expect(a.apiKeys.manage).toBe(false);
    expect(a.audit.read).toBe(false);
  });

  it('lets user managers without pii.read see phones masked only', () => {
    const a = deriveAccess({ permissions: ['users.manage'] });
    expect(a.users).toEqual({ manage: true, unmask: false });
    expect(a.modules.map((m) => m.key)).toEqual(['users']);
    expect(a.home).toBe('/users');
  });

  it('shows the audit log to auditors of the log without other system modules', () => {
    const a = deriveAccess({ permissions: ['audit.read'] });
    expect(a.modules.map((m) => m.key)).toEqual(['auditLog']);
    expect(a.users.manage).toBe(false);
    expect(a.apiKeys.manage).toBe(false);
  });

  it('does not confuse manage with read', () => {
    const a = deriveAccess({ permissions: ['areas.manage'] });
    expect(a.areas).toEqual({ read: false, manage: true });
    expect(a.modules.map((m) => m.key)).toEqual([]);
  });
});

describe('complaints', () => {
  const grant = (role: string) => ({ role });
  const resident = { permissions: ['compounds.read', 'complaints.file'], grants: [grant('resident')] };
  const committee = { permissions: ['areas.read', 'compounds.read', 'registry.read', 'complaints.read'], grants: [grant('committee_member')] };
  const property = { permissions: ['areas.read', 'compounds.read', 'registry.read'], grants: [grant('property_staff')] };
  const community = {
    permissions: ['compounds.read', 'stats.read', 'complaints.read', 'complaints.file', 'complaints.dispatch'],
    grants: [grant('community_staff')],
  };
  const admin = {
    permissions: [...ADMIN, 'complaints.read', 'complaints.file', 'complaints.dispatch', 'complaints.configure'],
    grants: [grant('district_admin')],
  };

  it("sends a resident home to their own complaints, not to the staff inbox", () => {
    const a = deriveAccess(resident);
    expect(a.modules.map((m) => m.key)).toEqual(['myComplaints', 'compounds']);
    expect(a.home).toBe('/my-complaints');
    expect(a.complaints).toMatchObject({ mine: true, inbox: false, fileForCaller: false, dispatch: false });
    expectVisits(a, ['/my-complaints/new'], ['/complaints', '/complaints/new']);
    expect(needsComplaintCounts(resident)).toBe(false);
  });

  it('shows readers the inbox without the counts', () => {
    const a = deriveAccess(committee);
    expect(a.complaints).toMatchObject({ inbox: true, mine: false, fileForCaller: false });
    expect(a.modules.map((m) => m.key)).toContain('complaints');
    expect(needsComplaintCounts(committee)).toBe(false);
    expect(canVisit(a, '/complaints/abc')).toBe(true);
    expect(canVisit(a, '/complaints/new')).toBe(false);
  });

  it('shows handlers without complaints.read the inbox only when the counts have complaints', () => {
    expect(needsComplaintCounts(property)).toBe(true);
    expect(deriveAccess(property).complaints.inbox).toBe(false);
    expect(deriveAccess(property).modules.map((m) => m.key)).not.toContain('complaints');
    const handler = deriveAccess(property, { handlesComplaints: true });
    expect(handler.complaints.inbox).toBe(true);
    expect(canVisit(handler, '/complaints/abc')).toBe(true);
    // Residents are not made handlers by counts of their own complaints.
    expect(deriveAccess(resident, { handlesComplaints: true }).complaints.inbox).toBe(false);
  });

  it('lets community staff file for callers and dispatch, but not configure', () => {
    const a = deriveAccess(community);
    expect(a.complaints).toEqual({ read: true, inbox: true, mine: false, fileForCaller: true, dispatch: true, configure: false });
    expect(canVisit(a, '/complaints/new')).toBe(true);
    expect(canVisit(a, '/complaint-settings')).toBe(false);
  });

  it('gives the admin the inbox and the settings under 系统管理', () => {
    const a = deriveAccess(admin);
    const keys = a.modules.map((m) => m.key);
    expect(keys.indexOf('complaints')).toBe(keys.indexOf('compounds') + 1);
    expect(keys[keys.length - 1]).toBe('complaintSettings');
    expect(a.home).toBe('/dashboard');
    expect(canVisit(a, '/complaint-settings')).toBe(true);
    const system = menuEntries(a.modules).find((e) => e.kind === 'group' && e.key === 'system');
    expect(system?.kind === 'group' && system.modules.map((m) => m.key)).toContain('complaintSettings');
  });
});

describe('canVisit', () => {
  const admin = deriveAccess({ permissions: ADMIN });
  const reader = deriveAccess({ permissions: ['compounds.read'] });
  const nobody = deriveAccess({ permissions: [] });

  it('lets anyone signed in see pages outside the modules', () => {
    expect(canVisit(nobody, '/welcome')).toBe(true);
  });

  it('guards each module by its permission', () => {
    expectVisits(admin, ['/areas'], []);
    expectVisits(reader, [], ['/areas']);
    expectVisits(nobody, [], ['/compounds', '/dashboard']);
  });

  it('guards create and edit pages by their actions', () => {
    expectVisits(reader, ['/compounds/abc'], ['/compounds/new', '/compounds/abc/edit']);
    expectVisits(admin, ['/compounds/new', '/compounds/abc/edit'], []);
  });

  it('guards the system pages by their permissions', () => {
    const staff = deriveAccess({ permissions: SUBDISTRICT });
    for (const path of ['/users', '/users/new', '/users/abc', '/users/abc/edit']) {
      expectVisits(admin, [path], []);
      expectVisits(staff, [path], []);
      expectVisits(reader, [], [path]);
    }
    expectVisits(admin, ['/api-keys', '/audit-log'], []);
    expectVisits(staff, [], ['/api-keys', '/audit-log']);
    expectVisits(nobody, [], ['/users']);
  });

  it('matches whole path segments only', () => {
    expect(moduleForPath('/users-archive')).toBeUndefined();
    expect(moduleForPath('/api-keys/x')?.key).toBe('apiKeys');
    expect(moduleForPath('/audit-log')?.key).toBe('auditLog');
    expect(moduleForPath('/compounds-archive')).toBeUndefined();
    expect(moduleForPath('/compounds/1')?.key).toBe('compounds');
  });
});

describe('summariseGrants', () => {
  it('groups areas by role, without duplicates, in grant order', () => {
    const grants: Me['grants'] = [
      { id: 'g1', role: 'subdistrict_staff', area_id: 'a', area_name: '侯家塘街道', area_kind: 'subdistrict' },
      { id: 'g2', role: 'community_staff', area_id: 'b', area_name: '卫技社区', area_kind: 'community' },
      { id: 'g3', role: 'subdistrict_staff', area_id: 'c', area_name: '左家塘街道', area_kind: 'subdistrict' },
      { id: 'g4', role: 'subdistrict_staff', area_id: 'a', area_name: '侯家塘街道', area_kind: 'subdistrict' },
    ];
    expect(summariseGrants({ grants })).toEqual([
      { role: 'subdistrict_staff', areaNames: ['侯家塘街道', '左家塘街道'] },
      { role: 'community_staff', areaNames: ['卫技社区'] },
    ]);
  });

  it('is empty without grants', () => {
    expect(summariseGrants(undefined)).toEqual([]);
  });
});

describe('menuEntries', () => {
  it('gathers the system modules under one group after the registry modules', () => {
    const entries = menuEntries(deriveAccess({ permissions: ADMIN }).modules);
    expect(entries.map((e) => (e.kind === 'group' ? `group:${e.key}` : e.module.key))).toEqual([
      'dashboard',
      'areas',
      'compounds',
      'group:registry',
      'group:system',
    ]);
    const registry = entries[3];
    expect(registry.kind === 'group' && registry.label).toBe('menu.registry');
    expect(registry.kind === 'group' && registry.modules.map((m) => m.key)).toEqual([
      'organisations',
      'people',
      'contracts',
      'meetings',
      'centres',
    ]);
    const system = entries[4];
    expect(system.kind === 'group' && system.label).toBe('menu.system');
    expect(system.kind === 'group' && system.modules.map((m) => m.key)).toEqual(['users', 'apiKeys', 'auditLog']);
  });

  it('keeps only the members the user may see', () => {
    const entries = menuEntries(deriveAccess({ permissions: SUBDISTRICT }).modules);
    const system = entries.find((e) => e.kind === 'group');
    expect(system?.kind === 'group' && system.modules.map((m) => m.key)).toEqual(['users']);
  });

  it('leaves a group out when none of its members is visible', () => {
    const entries = menuEntries(deriveAccess({ permissions: ['compounds.read'] }).modules);
    expect(entries).toEqual([{ kind: 'module', module: expect.objectContaining({ key: 'compounds' }) }]);
    expect(menuEntries([])).toEqual([]);
  });
});

describe('grantableRoles', () => {
  const grant = (role: Me['grants'][number]['role']): Me['grants'][number] => ({
    id: role,
    role,
    area_id: 'a',
    area_name: '某地',
    area_kind: 'subdistrict',
  });

  it('lets a district admin grant every role', () => {
    expect(grantableRoles({ grants: [grant('district_admin')] })).toEqual([...ROLES]);
  });

  it('lets subdistrict staff grant only roles below their own', () => {
    const roles = grantableRoles({ grants: [grant('subdistrict_staff')] });
    expect(roles).toContain('community_staff');
    expect(roles).toContain('finance_officer');
    expect(roles).toContain('resident');
    expect(roles).not.toContain('subdistrict_staff');
    expect(roles).not.toContain('district_admin');
  });

  it('lets community staff grant residents and compound officers, not colleagues', () => {
    const roles = grantableRoles({ grants: [grant('community_staff')] });
    expect(roles).toEqual(['compound_secretary', 'committee_member', 'property_staff', 'auditor', 'resident', 'volunteer']);
  });

  it('takes the highest managing role a user holds', () => {
    const roles = grantableRoles({ grants: [grant('community_staff'), grant('subdistrict_staff')] });
    expect(roles).toContain('community_staff');
  });

  it('gives nothing to roles that do not manage users', () => {
    expect(grantableRoles({ grants: [grant('finance_officer')] })).toEqual([]);
    expect(grantableRoles({ grants: [grant('resident')] })).toEqual([]);
    expect(grantableRoles(undefined)).toEqual([]);
  });
});

describe('mayManageUser', () => {
  const me = (role: Me['grants'][number]['role']) => ({
    grants: [{ id: 'g', role, area_id: 'a', area_name: '某地', area_kind: 'subdistrict' as const }],
  });

  it('lets staff manage users whose every role ranks below theirs', () => {
    expect(mayManageUser(me('subdistrict_staff'), { grants: [{ role: 'community_staff' }, { role: 'resident' }] })).toBe(true);
  });

  it('keeps staff away from colleagues and superiors (and themselves)', () => {
    expect(mayManageUser(me('subdistrict_staff'), { grants: [{ role: 'subdistrict_staff' }] })).toBe(false);
    expect(mayManageUser(me('subdistrict_staff'), { grants: [{ role: 'resident' }, { role: 'district_admin' }] })).toBe(false);
  });

  it('lets district admins manage anyone, and nobody without user management', () => {
    expect(mayManageUser(me('district_admin'), { grants: [{ role: 'district_admin' }] })).toBe(true);
    expect(mayManageUser(me('resident'), { grants: [{ role: 'resident' }] })).toBe(false);
  });
});

describe('the governance registry', () => {
  const admin = deriveAccess({ permissions: ADMIN });
  const secretary = deriveAccess({ permissions: SECRETARY });
  const reader = deriveAccess({ permissions: REGISTRY_READER });
  const older = deriveAccess({ permissions: SUBDISTRICT });

  it('shows a compound secretary the registry to read and meetings to record', () => {
    expect(secretary.modules.map((m) => m.key)).toEqual([
      'areas',
      'compounds',
      'organisations',
      'people',
      'contracts',
      'meetings',
      'centres',
    ]);
    expect(secretary.registry).toEqual({ read: true, manage: false, unmask: false });
    expect(secretary.meetings.manage).toBe(true);
    expect(secretary.home).toBe('/areas');
  });

  it('lets registry readers look but not change or unmask', () => {
    expect(reader.registry).toEqual({ read: true, manage: false, unmask: false });
    expect(reader.meetings.manage).toBe(false);
  });

  it('hides the registry group without registry.read', () => {
    expect(older.modules.some((m) => m.group === 'registry')).toBe(false);
    expect(menuEntries(older.modules).some((e) => e.kind === 'group' && e.key === 'registry')).toBe(false);
    // meetings.manage alone offers nothing to open
    expect(deriveAccess({ permissions: ['meetings.manage'] }).meetings.manage).toBe(false);
    // pii.read alone does not unmask registry people
    expect(deriveAccess({ permissions: ['pii.read'] }).registry.unmask).toBe(false);
  });

  it('guards the registry pages: reading needs registry.read, editing registry.manage', () => {
    for (const base of ['/organisations', '/people', '/contracts', '/centres']) {
      expectVisits(reader, [base, `${base}/abc`], [`${base}/new`, `${base}/abc/edit`]);
      expectVisits(admin, [`${base}/new`, `${base}/abc/edit`], []);
      expectVisits(older, [], [base]);
    }
  });

  it('lets meeting managers record meetings without managing the registry', () => {
    expectVisits(secretary, ['/meetings', '/meetings/action-items', '/meetings/new', '/meetings/abc/edit'], ['/organisations/new']);
    expectVisits(reader, ['/meetings/abc', '/meetings/action-items'], ['/meetings/new', '/meetings/abc/edit']);
  });

  it('matches the registry modules by whole path segments', () => {
    expect(moduleForPath('/people/1/edit')?.key).toBe('people');
    expect(moduleForPath('/meetings/action-items')?.key).toBe('meetings');
    expect(moduleForPath('/centres-map')).toBeUndefined();
    expect(moduleForPath('/contracts')?.group).toBe('registry');
  });
});
