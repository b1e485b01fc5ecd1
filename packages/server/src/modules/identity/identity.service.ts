import type { Actor, Services } from '../../http/context.ts';
import { AppError, badRequest, conflict, forbidden, notFound, unauthenticated } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findCooperativeById } from '../cooperatives/cooperatives.repository.ts';
import { DINAS_ROLES, type Role } from './identity.table.ts';
import { MIN_PASSWORD_LENGTH, decoyHash, hashPassword, verifyPassword } from './passwords.ts';
import { deleteSession, deleteUserSessions } from './sessions.repository.ts';
import { startSession } from './sessions.service.ts';
import { findUserById, findUserByUsername, findUserView, insertUser, listUserViews, updateUser, type UserView } from './users.repository.ts';

/** Failed sign-ins before a temporary lockout, and its length. */
function lockoutPolicy(env: NodeJS.ProcessEnv = process.env) {
  return {
    maxFailures: Number(env.SIMPUL_SIGNIN_MAX_FAILURES ?? 5),
    lockMinutes: Number(env.SIMPUL_SIGNIN_LOCK_MINUTES ?? 15),
  };
}

/** Checks the password and opens a session; repeated failures lock the account for a while. */
export async function signIn(services: Services, username: string, password: string): Promise<{ token: string; user: UserView }> {
  const { db } = services.db;
  const user = await findUserByUsername(db, username);
  const now = services.now();
  if (!user) {
    await verifyPassword(await decoyHash(), password);
    throw unauthenticated('invalid_credentials');
  }
  const { maxFailures, lockMinutes } = lockoutPolicy();
  if (user.locked_until && user.locked_until > now.toISOString()) {
    const minutes = Math.ceil((Date.parse(user.locked_until) - now.getTime()) / 60_000);
    throw new AppError(429, 'too_many_attempts', { minutes });
  }
  if (!(await verifyPassword(user.password_hash, password))) {
    const failures = user.failed_sign_ins + 1;
    const locked = failures >= maxFailures;
    await db.transaction().execute(async (trx) => {
      await updateUser(trx, user.id, {
        failed_sign_ins: locked ? 0 : failures,
        locked_until: locked ? new Date(now.getTime() + lockMinutes * 60_000).toISOString() : user.locked_until,
      });
      if (locked) await recordAudit(trx, services, null, 'user.locked', { type: 'user', id: user.id, cooperativeId: user.cooperative_id }, { failures });
    });
    if (locked) throw new AppError(429, 'too_many_attempts', { minutes: lockMinutes });
    throw unauthenticated('invalid_credentials');
  }
  if (user.disabled) throw forbidden('account_disabled');
  await updateUser(db, user.id, { failed_sign_ins: 0, locked_until: null });
  const token = await startSession(services, user.id);
  const view = await findUserView(db, user.id);
  if (!view) throw notFound();
  return { token, user: view };
}

export async function signOut(services: Services, actor: Actor): Promise<void> {
  if (actor.kind === 'user') await deleteSession(services.db.db, actor.sessionHash);
}

function checkNewPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw badRequest('weak_password', { min: MIN_PASSWORD_LENGTH });
}

/** Changes one's own password and ends every other session of the user. */
export async function changePassword(services: Services, actor: Actor, current: string, next: string): Promise<void> {
  if (actor.kind !== 'user') throw forbidden();
  const user = await findUserById(services.db.db, actor.userId);
  if (!user || !(await verifyPassword(user.password_hash, current))) throw unauthenticated('invalid_credentials');
  checkNewPassword(next);
  if (current === next) throw badRequest('same_password');
  const passwordHash = await hashPassword(next);
  await services.db.db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { password_hash: passwordHash, must_change_password: 0, updated_at: services.now().toISOString() });
    await deleteUserSessions(trx, user.id, actor.sessionHash);
    await recordAudit(trx, services, actor, 'user.password_changed', { type: 'user', id: user.id });
  });
}

export interface NewUserInput {
  username: string;
  fullName: string;
  role: Role;
  cooperativeId?: number | null;
  password: string;
  mustChangePassword?: boolean;
}

/**
 * Creates a user. Dinas roles belong to no cooperative, every other role to exactly one.
 * A platform admin may create anyone; a pengurus only non-Dinas users of their own cooperative.
 * `actor` is null for the operator's CLI.
 */
export async function createUser(services: Services, actor: Actor | null, input: NewUserInput): Promise<UserView> {
  const dinasRole = DINAS_ROLES.includes(input.role);
  if (actor && actor.kind === 'user' && actor.role === 'pengurus') {
    if (dinasRole) throw forbidden();
    input = { ...input, cooperativeId: actor.cooperativeId };
  } else if (actor && !(actor.kind === 'user' && actor.role === 'platform_admin')) {
    throw forbidden();
  }
  if (dinasRole && input.cooperativeId != null) throw badRequest('cooperative_not_allowed');
  if (!dinasRole && input.cooperativeId == null) throw badRequest('cooperative_required');
  if (input.cooperativeId != null && !(await findCooperativeById(services.db.db, input.cooperativeId))) throw notFound();
  checkNewPassword(input.password);
  if (await findUserByUsername(services.db.db, input.username)) throw conflict('username_taken', { username: input.username });
  const passwordHash = await hashPassword(input.password);
  const now = services.now().toISOString();
  const id = await services.db.db.transaction().execute(async (trx) => {
    const userId = await insertUser(trx, {
      username: input.username,
      full_name: input.fullName,
      role: input.role,
      cooperative_id: input.cooperativeId ?? null,
      password_hash: passwordHash,
      must_change_password: input.mustChangePassword ? 1 : 0,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(trx, services, actor, 'user.created', { type: 'user', id: userId, cooperativeId: input.cooperativeId ?? null }, { role: input.role });
    return userId;
  });
  const view = await findUserView(services.db.db, id);
  if (!view) throw notFound();
  return view;
}

/** Users the actor may manage: all for a platform admin, their cooperative's for a pengurus. */
export function listUsers(services: Services, actor: Actor | null): Promise<UserView[]> {
  if (!actor || (actor.kind === 'user' && actor.role === 'platform_admin')) return listUserViews(services.db.db);
  return listUserViews(services.db.db, actor.cooperativeId ?? -1);
}

/** Disables a user and ends their sessions; a pengurus may only disable their own cooperative's users. */
export async function disableUser(services: Services, actor: Actor | null, userId: number): Promise<void> {
  const user = await findUserById(services.db.db, userId);
  if (!user) throw notFound();
  if (actor && actor.kind === 'user') {
    if (actor.userId === userId) throw badRequest('cannot_disable_self');
    if (actor.role !== 'platform_admin' && user.cooperative_id !== actor.cooperativeId) throw notFound();
    if (actor.role !== 'platform_admin' && DINAS_ROLES.includes(user.role)) throw notFound();
  }
  await services.db.db.transaction().execute(async (trx) => {
    await updateUser(trx, userId, { disabled: 1, updated_at: services.now().toISOString() });
    await deleteUserSessions(trx, userId);
    await recordAudit(trx, services, actor, 'user.disabled', { type: 'user', id: userId, cooperativeId: user.cooperative_id });
  });
}
