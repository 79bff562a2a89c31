/**
 * Configuration of the foreign press visits register, merged into `config.ts`'s schema: how long
 * reporters' personal data is kept (Luật Bảo vệ dữ liệu cá nhân 2025), and how long after a visit its
 * outlets' articles about the city are proposed as coverage.
 */
import { z } from "zod";

export const pressEnvShape = {
  /** Days after a foreign press visit's end before the reporters' names and roles are erased. */
  HAIDANG_PRESS_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).default(730),
  /** Days after a foreign press visit within which its outlets' articles about the city are proposed. */
  HAIDANG_PRESS_COVERAGE_DAYS: z.coerce.number().int().min(0).max(365).default(30),
};

export interface PressConfig {
  retentionDays: number;
  coverageWindowDays: number;
}

export function pressConfigOf(c: {
  HAIDANG_PRESS_RETENTION_DAYS: number;
  HAIDANG_PRESS_COVERAGE_DAYS: number;
}): PressConfig {
  return { retentionDays: c.HAIDANG_PRESS_RETENTION_DAYS, coverageWindowDays: c.HAIDANG_PRESS_COVERAGE_DAYS };
}
