import { z } from '@hono/zod-openapi';
import { ROLES } from './identity.table.ts';

export const RoleSchema = z.enum(ROLES).openapi('Role');

export const UserSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    fullName: z.string(),
    role: RoleSchema,
    cooperative: z.object({ id: z.number().int(), code: z.string(), name: z.string() }).nullable(),
    mustChangePassword: z.boolean(),
    disabled: z.boolean(),
  })
  .openapi('User');

export const SignInSchema = z
  .object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) })
  .openapi('SignIn');

export const ChangePasswordSchema = z
  .object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) })
  .openapi('ChangePassword');

export const NewUserSchema = z
  .object({
    username: z.string().trim().min(3).max(50).regex(/^[a-zA-Z0-9._-]+$/),
    fullName: z.string().trim().min(1).max(200),
    role: RoleSchema,
    cooperativeId: z.number().int().positive().nullable().optional(),
    password: z.string().min(1).max(200),
  })
  .openapi('NewUser');
