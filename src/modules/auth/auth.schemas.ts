/** Sign-in shapes live in `src/shared/api/accounts.ts`, shared with the web app. */
export {
  ChangePasswordBody,
  LoginBody,
  LoginResponse,
  SessionIdParams,
  SessionList,
  SessionSchema,
} from "../../shared/api/accounts.js";
