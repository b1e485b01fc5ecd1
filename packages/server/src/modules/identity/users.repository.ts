import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { NewUser, Role, User } from './identity.table.ts';

/** A user as the API shows it: never the password hash. */
export interface UserView {
  id: number;
  username: string;
  fullName: string;
  role: Role;
  cooperative: { id: number; code: string; name: string } | null;
  mustChangePassword: boolean;
  disabled: boolean;
}

function userViews(db: Kysely<Database>) {
  return db
    .selectFrom('users')
    .leftJoin('cooperatives', 'cooperatives.id', 'users.cooperative_id')
    .select([
      'users.id',
      'users.username',
      'users.full_name',
      'users.role',
      'users.must_change_password',
      'users.disabled',
      'cooperatives.id as coop_id',
      'cooperatives.code as coop_code',
      'cooperatives.name as coop_name',
    ]);
}

type ViewRow = Awaited<ReturnType<ReturnType<typeof userViews>['executeTakeFirstOrThrow']>>;

function toView(row: ViewRow): UserView {
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    role: row.role,
    cooperative:
      row.coop_id != null && row.coop_code != null && row.coop_name != null
        ? { id: row.coop_id, code: row.coop_code, name: row.coop_name }
        : null,
    mustChangePassword: row.must_change_password === 1,
    disabled: row.disabled === 1,
  };
}

export async function findUserByUsername(db: Kysely<Database>, username: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username.toLowerCase()).executeTakeFirst();
}

export async function findUserById(db: Kysely<Database>, id: number): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUserView(db: Kysely<Database>, id: number): Promise<UserView | undefined> {
  const row = await userViews(db).where('users.id', '=', id).executeTakeFirst();
  return row && toView(row);
}

/** Users of one cooperative, or every user when `cooperativeId` is undefined. */
export async function listUserViews(db: Kysely<Database>, cooperativeId?: number): Promise<UserView[]> {
  let q = userViews(db).orderBy('users.username');
  if (cooperativeId !== undefined) q = q.where('users.cooperative_id', '=', cooperativeId);
  return (await q.execute()).map(toView);
}

export async function insertUser(db: Kysely<Database>, user: NewUser): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({ ...user, username: user.username.toLowerCase() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUser(
  db: Kysely<Database>,
  id: number,
  patch: Partial<Omit<User, 'id' | 'username' | 'created_at'>>,
): Promise<void> {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}
