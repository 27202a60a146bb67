/**
 * The database as Kysely sees it. Properties are camelCase; `CamelCasePlugin` maps them to the
 * snake_case tables and columns that the migrations create. Times are epoch milliseconds in
 * `bigint` columns, read back as JS numbers on both dialects.
 */
import type { Role, ScaleId, UnitKind } from '@hailong/contracts';

export interface UnitTable {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  scale: ScaleId;
  sortOrder: number;
  createdAt: number;
}

export interface SectorTable {
  id: string;
  unitId: string;
  code: string;
  name: string;
  sortOrder: number;
  createdAt: number;
}

export interface TargetTable {
  unitId: string;
  sectorId: string;
  year: number;
  targetBp: number;
  updatedAt: number;
  updatedBy: string | null;
}

export interface DefaultTargetTable {
  year: number;
  targetBp: number;
  updatedAt: number;
}

export interface UserTable {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  passwordHash: string;
  disabledAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface SessionTable {
  idHash: string;
  userId: string;
  createdAt: number;
  expiresAt: number;
  lastSeenAt: number;
}

export interface LoginFailureTable {
  id: string;
  key: string;
  at: number;
}

export interface AuditEventTable {
  id: string;
  at: number;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  /** JSON text. */
  details: string;
}

export interface Database {
  units: UnitTable;
  sectors: SectorTable;
  targets: TargetTable;
  defaultTargets: DefaultTargetTable;
  users: UserTable;
  sessions: SessionTable;
  loginFailures: LoginFailureTable;
  auditEvents: AuditEventTable;
}
