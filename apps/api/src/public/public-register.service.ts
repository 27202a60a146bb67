/**
 * The public register of answers (Nghị định 20/2008/NĐ-CP: publish the result of handling a phản
 * ánh, kiến nghị): published answers, newest first, searchable without diacritics, by unit (with
 * the units beneath it) and lĩnh vực code, a page at a time. It reads only what a reader may see —
 * the repository never selects content or contact data.
 */
import { buildTree, foldDiacritics, subtreeOf } from '@hailong/domain';
import {
  PUBLIC_REGISTER_PAGE_SIZE,
  type PublicRegister,
  type PublicRegisterParams,
} from '@hailong/contracts';
import type { Repositories } from '../repositories/types.ts';
import { notFound } from '../http/errors.ts';
import type { Clock } from '../jobs/clock.ts';
import { publicAnswer, receivedOn } from '../feedback/feedback.mapper.ts';

const iso = (ms: number) => new Date(ms).toISOString();

export function createPublicRegisterService(repos: Repositories, clock: Clock) {
  return {
    async list(query: PublicRegisterParams): Promise<PublicRegister> {
      const [units, sectors] = await Promise.all([
        repos.catalogue.listUnits(),
        repos.catalogue.listSectors(),
      ]);
      let unitIds: string[] | undefined;
      if (query.unit !== undefined) {
        const tree = buildTree(units);
        if (!tree.nodes.has(query.unit)) throw notFound('Đơn vị');
        unitIds = subtreeOf(tree, query.unit);
      }
      const search = query.q ? foldDiacritics(query.q.normalize('NFC').trim()) : '';
      const pageSize = PUBLIC_REGISTER_PAGE_SIZE;
      const { rows, total } = await repos.publicRegister.list(
        {
          ...(unitIds && { unitIds }),
          ...(query.sector !== undefined && { sectorCode: query.sector }),
          ...(search !== '' && { search }),
        },
        { limit: pageSize, offset: (query.page - 1) * pageSize },
      );
      const unitName = new Map(units.map((u) => [u.id, u.name]));
      const sectorOf = new Map(sectors.map((s) => [s.id, s]));
      return {
        items: rows.map((r) => {
          const sector = r.sectorId === null ? undefined : sectorOf.get(r.sectorId);
          return {
            trackingCode: r.trackingCode,
            kind: r.kind,
            unitId: r.unitId,
            unitName: unitName.get(r.unitId) ?? '',
            sectorCode: sector?.code ?? null,
            sectorName: sector?.name ?? null,
            receivedAt: iso(r.receivedAt),
            receivedOn: receivedOn(r),
            answeredAt: iso(r.answeredAt),
            publishedAt: iso(r.publishedAt),
            answer: publicAnswer(r.answerText),
          };
        }),
        total,
        page: query.page,
        pageSize,
        generatedAt: iso(clock()),
      };
    },

    /** What the register's form offers: units, and lĩnh vực by code (pooled across units). */
    async choices() {
      const [units, sectors] = await Promise.all([
        repos.catalogue.listUnits({ activeOnly: true }),
        repos.catalogue.listSectors(undefined, { activeOnly: true }),
      ]);
      const byCode = new Map<string, string>();
      for (const s of sectors) if (!byCode.has(s.code)) byCode.set(s.code, s.name);
      return {
        units: units.map((u) => ({ id: u.id, name: u.name })),
        sectors: [...byCode].map(([code, name]) => ({ code, name })),
      };
    },
  };
}

export type PublicRegisterService = ReturnType<typeof createPublicRegisterService>;
