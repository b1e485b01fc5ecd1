import type { Actor, Services } from '../../http/context.ts';
import type { Tabular } from '../supervision/tabular.ts';
import { REGISTRY_COLUMNS, REGISTRY_HEADERS } from './cooperatives.columns.ts';
import type { CooperativeView } from './cooperatives.profile.ts';
import { visibleCooperatives } from './cooperatives.service.ts';

function cellsOf(c: CooperativeView): Record<(typeof REGISTRY_COLUMNS)[number], string | number | null> {
  return {
    code: c.code, name: c.name, nik_koperasi: c.nikKoperasi, legal_entity_no: c.legalEntityNo, type: c.type, address: c.address,
    kecamatan: c.kecamatanCode, founded_on: c.foundedOn, members_count: c.membersCount, board_contacts: c.boardContacts,
    last_rat_year: c.lastRatYear, registry_participation: c.registryParticipation ? 'ya' : 'tidak',
    activity_status: c.activityStatus === 'active' ? 'aktif' : 'tidak_aktif', status_reason: c.statusReason,
  };
}

/** The cooperative registry as a table with the import's own headers: an export imports back. */
export async function registryTable(services: Services, actor: Actor | null): Promise<Tabular> {
  const items = await visibleCooperatives(services, actor);
  return {
    name: 'daftar-koperasi',
    // The kecamatan goes out as its code (names repeat across regencies) and, for people, its
    // name in a last column the import ignores.
    headers: [...REGISTRY_COLUMNS.map((c) => REGISTRY_HEADERS[c]), 'kecamatan_nama'],
    rows: items.map((c) => {
      const cells = cellsOf(c);
      return [...REGISTRY_COLUMNS.map((column) => cells[column]), c.kecamatanName];
    }),
  };
}
