import { describe, expect, it } from 'vitest';
import { canVisit, deriveAccess, moduleForPath, summariseGrants } from './access';
import type { Me } from './api/types';

const ADMIN = [
  'areas.read',
  'areas.manage',
  'compounds.read',
  'compounds.create',
  'compounds.update',
  'compounds.export',
  'stats.read',
];

describe('deriveAccess', () => {
  it('gives a district admin every module and action', () => {
    const a = deriveAccess({ permissions: ADMIN });
    expect(a.modules.map((m) => m.key)).toEqual(['dashboard', 'areas', 'compounds']);
    expect(a.areas).toEqual({ read: true, manage: true });
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
    const a = deriveAccess({ permissions: ['complaints.read'] });
    expect(a.modules).toEqual([]);
    expect(a.can('complaints.read')).toBe(true);
  });

  it('does not confuse manage with read', () => {
    const a = deriveAccess({ permissions: ['areas.manage'] });
    expect(a.areas).toEqual({ read: false, manage: true });
    expect(a.modules.map((m) => m.key)).toEqual([]);
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
    expect(canVisit(admin, '/areas')).toBe(true);
    expect(canVisit(reader, '/areas')).toBe(false);
    expect(canVisit(nobody, '/compounds')).toBe(false);
    expect(canVisit(nobody, '/dashboard')).toBe(false);
  });

  it('guards create and edit pages by their actions', () => {
    expect(canVisit(reader, '/compounds/abc')).toBe(true);
    expect(canVisit(reader, '/compounds/new')).toBe(false);
    expect(canVisit(reader, '/compounds/abc/edit')).toBe(false);
    expect(canVisit(admin, '/compounds/new')).toBe(true);
    expect(canVisit(admin, '/compounds/abc/edit')).toBe(true);
  });

  it('matches whole path segments only', () => {
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
