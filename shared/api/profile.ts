/**
 * The local profile: who is at this machine. Every suggestion records its author's
 * id and name from it. The id is random and kept, so renaming oneself does not orphan one's
 * suggestions; the role only chooses sensible defaults (an editor opens documents in Suggesting).
 */
import { z } from 'zod';

export const profileRoleSchema = z.enum(['reporter', 'editor']);

export const profileSchema = z
  .object({
    id: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/),
    name: z.string().trim().min(1).max(120),
    role: profileRoleSchema,
  })
  .strict();

export type Profile = z.infer<typeof profileSchema>;
export type ProfileRole = z.infer<typeof profileRoleSchema>;
