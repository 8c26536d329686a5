import { describe, expect, it } from "vitest";
import { reportStatuses, userRoles, type ReportStatus, type UserRole } from "@/db/schema";
import { availableActions, checkTransition, mayEditContent, TRANSITIONS, workflowActions } from "./transitions";

describe("workflow transitions", () => {
  it("lets each role take exactly its actions from the right statuses", () => {
    const allowed: string[] = [];
    for (const role of userRoles) {
      for (const status of reportStatuses) {
        for (const action of availableActions(role, status)) allowed.push(`${role} ${action} ${status}`);
      }
    }
    expect(allowed.sort()).toEqual(
      [
        "clerk submit draft",
        "clerk submit returned",
        "supervisor return submitted",
        "supervisor approve submitted",
        "admin reopen approved",
      ].sort(),
    );
  });

  it("leads where the workflow says", () => {
    const to = (action: (typeof workflowActions)[number], role: UserRole, from: ReportStatus) =>
      checkTransition(action, role, from);
    expect(to("submit", "clerk", "draft")).toEqual({ ok: true, to: "submitted" });
    expect(to("submit", "clerk", "returned")).toEqual({ ok: true, to: "submitted" });
    expect(to("return", "supervisor", "submitted")).toEqual({ ok: true, to: "returned" });
    expect(to("approve", "supervisor", "submitted")).toEqual({ ok: true, to: "approved" });
    expect(to("reopen", "admin", "approved")).toEqual({ ok: true, to: "draft" });
  });

  it("explains refusals in Chinese, naming the role or the status", () => {
    expect(checkTransition("approve", "clerk", "submitted")).toEqual({ ok: false, reason: "只有审核人可以批准。" });
    expect(checkTransition("submit", "clerk", "approved")).toEqual({
      ok: false,
      reason: "报告当前为“已批准”，不能提交审核。",
    });
    expect(checkTransition("reopen", "supervisor", "approved")).toEqual({ ok: false, reason: "只有管理员可以重新打开。" });
  });

  it("never lets anyone leave the approved status except an admin reopening", () => {
    for (const role of userRoles) {
      for (const action of workflowActions) {
        const result = checkTransition(action, role, "approved");
        expect(result.ok).toBe(role === "admin" && action === "reopen");
      }
    }
  });

  it("lets only clerks edit, and only drafts and returned reports", () => {
    for (const role of userRoles) {
      for (const status of reportStatuses) {
        expect(mayEditContent(role, status)).toBe(role === "clerk" && (status === "draft" || status === "returned"));
      }
    }
  });

  it("has a Chinese label for every action", () => {
    for (const action of workflowActions) expect(TRANSITIONS[action].label).toMatch(/[\u4e00-\u9fff]/);
  });
});
