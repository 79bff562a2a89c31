/**
 * Row-level editing of register entries that serve tasks (budget proposals, visual installations): the
 * secretariat edits all; a task's leads edit what they lead — an entry attached to a task whose lead
 * party is the user (as a person of the directory) or the user's unit may be edited by that person and
 * by the unit's members and leaders.
 */
import type { Actor } from "../../platform/context.js";
import type { DbOrTrx } from "../../platform/db/database.js";
import { can, hasAnyRole, type Permission } from "../../platform/policy/policy.js";
import type { Role } from "../../platform/policy/roles.js";
import { createRegistersRepository } from "./registers.repository.js";

const ANYWHERE: readonly Role[] = ["admin", "secretariat"];

const links = createRegistersRepository();

/** Whether the actor may edit a register entry: `permission` everywhere for the secretariat, else as a lead. */
export async function mayEditEntry(
  db: DbOrTrx,
  actor: Actor | null,
  permission: Permission,
  entry: { kind: string; id: string },
): Promise<boolean> {
  if (!actor || !can(actor, permission)) return false;
  if (hasAnyRole(actor, ANYWHERE)) return true;
  if (!actor.personId) return false;
  return links.leadsEntry(db, entry.kind, entry.id, actor.personId);
}
