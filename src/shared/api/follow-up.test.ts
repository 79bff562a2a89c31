import { describe, expect, it } from "vitest";
import {
  OVERDUE_BUCKETS as SERVER_BUCKETS,
  TASK_STATUSES as SERVER_STATUSES,
} from "../../modules/follow-up/status/status.types.js";
import { OVERDUE_BUCKETS, TASK_STATUSES } from "./follow-up.js";

describe("follow-up shapes shared with the web app", () => {
  it("list the statuses and overdue buckets the server computes, in its order", () => {
    expect(TASK_STATUSES).toEqual(SERVER_STATUSES);
    expect(OVERDUE_BUCKETS).toEqual(SERVER_BUCKETS);
  });
});
