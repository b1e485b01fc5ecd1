import fs from 'node:fs';
import os from 'node:os';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { CloseOfDayRunsTable } from '../lending/lending.table.ts';

/**
 * Who closes a business date: the row of close_of_day_runs is the claim. An unfinished row
 * names its claimant and carries a heartbeat renewed after every chunk; it stays taken
 * while its claimant lives. A claimant that died is noticed two ways:
 * - on the same host (and pid namespace), its pid is gone: the claim is free at once;
 * - anywhere, its heartbeat is older than the lease: the claim is free (a process on another
 *   machine cannot be asked, and one that hangs that long is as good as dead).
 * Taking over is a compare-and-set on the row as read, so of two processes racing for a
 * free claim exactly one wins.
 */

/** A claim whose heartbeat is older than this is free. Chunks take well under a second. */
export const LEASE_MS = 5 * 60 * 1000;

/** This machine and pid namespace: a container's pids mean nothing outside it. */
function hostId(): string {
  let ns = '';
  try {
    ns = fs.readlinkSync('/proc/self/ns/pid');
  } catch {
    // No /proc (macOS, Windows): the hostname alone.
  }
  return `${os.hostname()}/${ns}`;
}

const HOST = hostId();

/** This process as a claimant: "<host>/<pid namespace>:<pid>". */
export const CLAIMANT = `${HOST}:${process.pid}`;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

type RunRow = Pick<CloseOfDayRunsTable, 'started_at' | 'finished_at' | 'claimed_by' | 'heartbeat_at'>;

/** Whether an unfinished claim's process is gone: dead on this host, or silent past the lease. */
export function claimAbandoned(row: RunRow, nowMs: number): boolean {
  if (row.finished_at !== null) return false;
  if (nowMs - Date.parse(row.heartbeat_at ?? row.started_at) > LEASE_MS) return true;
  const at = row.claimed_by?.lastIndexOf(':') ?? -1;
  if (!row.claimed_by || at < 0 || row.claimed_by.slice(0, at) !== HOST) return false;
  const pid = Number(row.claimed_by.slice(at + 1));
  return pid !== process.pid && Number.isInteger(pid) && !processAlive(pid);
}

/**
 * Claims `date` for this process. False when it already ran or a live process holds it, and
 * this is not forced (`force` takes over any claim: the operator asked for a rerun).
 */
export async function claimDate(db: Kysely<Database>, date: string, now: string, force: boolean, loans: number): Promise<boolean> {
  const claim = { started_at: now, heartbeat_at: now, claimed_by: CLAIMANT, finished_at: null, loans };
  // Twice at most: a claim inserted or taken over by another process between our read and write is read again.
  for (let attempt = 0; attempt < 2; attempt++) {
    const row = await db.selectFrom('close_of_day_runs').select(['started_at', 'finished_at', 'claimed_by', 'heartbeat_at']).where('business_date', '=', date).executeTakeFirst();
    if (!row) {
      const inserted = await db.insertInto('close_of_day_runs').values({ business_date: date, ...claim }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return true;
      continue;
    }
    if (!force && !claimAbandoned(row, Date.parse(now))) return false;
    const taken = await db
      .updateTable('close_of_day_runs')
      .set(claim)
      .where('business_date', '=', date)
      .where('started_at', '=', row.started_at)
      .where('claimed_by', row.claimed_by === null ? 'is' : '=', row.claimed_by)
      .where('heartbeat_at', row.heartbeat_at === null ? 'is' : '=', row.heartbeat_at)
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) === 1) return true;
  }
  return false;
}

/** Renews this process's claim; throws when another process took it over meanwhile. */
export async function renewClaim(db: Kysely<Database>, date: string, now: string): Promise<void> {
  const r = await db.updateTable('close_of_day_runs').set({ heartbeat_at: now }).where('business_date', '=', date).where('claimed_by', '=', CLAIMANT).where('finished_at', 'is', null).executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw new Error(`close of day ${date}: the claim was taken over by another process`);
}

/** Marks the date done. */
export async function finishClaim(db: Kysely<Database>, date: string, now: string, loans: number): Promise<void> {
  await db.updateTable('close_of_day_runs').set({ finished_at: now, heartbeat_at: now, loans }).where('business_date', '=', date).where('claimed_by', '=', CLAIMANT).execute();
}

/** Gives the date back after a failed run, so the next check runs it again (only our own unfinished claim). */
export async function releaseClaim(db: Kysely<Database>, date: string): Promise<void> {
  await db.deleteFrom('close_of_day_runs').where('business_date', '=', date).where('claimed_by', '=', CLAIMANT).where('finished_at', 'is', null).execute();
}
