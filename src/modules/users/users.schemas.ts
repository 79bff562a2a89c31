/** Account shapes live in `src/shared/api/accounts.ts`, shared with the web app. */
export {
  CreateUserBody,
  RoleSchema,
  UpdateUserBody,
  type UserDto,
  UserSchema,
} from "../../shared/api/accounts.js";
