/**
 * Tokens the provincial reporting system pulls indicators with. An admin creates one (optionally
 * limited to a node's subtree) and sees the secret once; only its SHA-256 is stored. Creation and
 * revocation are audited; a revoked token fails the very next pull, since every pull looks the
 * token up among the unrevoked ones.
 */
import { randomUUID } from 'node:crypto';
import type { PullToken, PullTokenCreate, PullTokenCreated } from '@hailong/contracts';
import type { Repositories, UserRow } from '../repositories/types.ts';
import type { Clock } from '../jobs/clock.ts';
import { hashSecret, newSecret } from '../auth/tokens.ts';
import { loadAccess } from '../auth/access.ts';
import { notFound } from '../http/errors.ts';
import type { PullTokenRow } from './pull-tokens.repository.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function createPullTokensService(repos: Repositories, clock: Clock) {
  async function view(row: PullTokenRow, names?: Map<string, string>): Promise<PullToken> {
    const nodeName = row.nodeId
      ? (names?.get(row.nodeId) ?? (await repos.catalogue.findUnit(row.nodeId))?.name ?? '')
      : null;
    return {
      id: row.id,
      label: row.label,
      node: row.nodeId ? { id: row.nodeId, name: nodeName! } : null,
      createdAt: iso(row.createdAt)!,
      createdBy: row.createdBy,
      lastUsedAt: iso(row.lastUsedAt),
      revokedAt: iso(row.revokedAt),
    };
  }

  const audit = (actor: UserRow, action: string, id: string, details: unknown) =>
    repos.audit.append({
      id: randomUUID(),
      at: clock(),
      actorId: actor.id,
      action,
      entityType: 'pull_token',
      entityId: id,
      details,
    });

  return {
    async list(): Promise<PullToken[]> {
      const [rows, units] = await Promise.all([
        repos.pullTokens.list(),
        repos.catalogue.listUnits(),
      ]);
      const names = new Map(units.map((u) => [u.id, u.name]));
      return Promise.all(rows.map((r) => view(r, names)));
    },

    /** A new token for `actor` (an admin: the route says so), limited to `nodeId`'s subtree. */
    async create(input: PullTokenCreate, actor: UserRow): Promise<PullTokenCreated> {
      const nodeId = input.nodeId ?? null;
      if (nodeId !== null) (await loadAccess(repos, actor)).requireVisible(nodeId);
      const token = newSecret();
      const row: PullTokenRow = {
        id: randomUUID(),
        label: input.label,
        tokenHash: hashSecret(token),
        nodeId,
        createdAt: clock(),
        createdBy: actor.username,
        lastUsedAt: null,
        revokedAt: null,
        revokedBy: null,
      };
      await repos.transaction(async (tx) => {
        await tx.pullTokens.insert(row);
        await tx.audit.append({
          id: randomUUID(),
          at: row.createdAt,
          actorId: actor.id,
          action: 'pull_token.created',
          entityType: 'pull_token',
          entityId: row.id,
          details: { label: row.label, nodeId },
        });
      });
      return { token, pullToken: await view(row) };
    },

    async revoke(id: string, actor: UserRow): Promise<PullToken> {
      const row = await repos.pullTokens.find(id);
      if (!row) throw notFound('Mã kết nối');
      if (await repos.pullTokens.revoke(id, clock(), actor.username)) {
        await audit(actor, 'pull_token.revoked', id, { label: row.label });
      }
      return view((await repos.pullTokens.find(id))!);
    },

    /** The unrevoked token with this secret, its use noted; undefined otherwise. */
    async authenticate(token: string): Promise<PullTokenRow | undefined> {
      const row = await repos.pullTokens.findActive(hashSecret(token));
      if (row) await repos.pullTokens.touch(row.id, clock());
      return row;
    },
  };
}

export type PullTokensService = ReturnType<typeof createPullTokensService>;
