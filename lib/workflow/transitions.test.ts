import { describe, expect, it } from "vitest";
import { reportStatuses, userRoles, type ReportStatus, type UserRole } from "@/db/schema";
import { checkTransition, EDITABLE_STATUSES, TRANSITIONS, workflowActions } from "./transitions";

describe("workflow transitions", () => {
  it("lets each role take exactly its actions from the right statuses", () => {
    const allowed: string[] = [];
    for (const role of userRoles) {
      for (const status of reportStatuses) {
        for (const action of workflowActions) {
          if (checkTransition(action, role, status).ok) allowed.push(`${role} ${action} ${status}`);
        }
      }
    }
    expect(allowed.sort()).toEqual(
      [
        "clerk submit draft",
        "clerk submit returned",
        "supervisor return submitted",
        "supervisor approve submitted",
        "admin reopen approved",
        "supervisor confirm imported",
        "admin confirm imported",
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

  it("reaches approved only by a supervisor's approval or a supervisor's or admin's confirmation of an import", () => {
    const intoApproved = workflowActions.filter((action) => TRANSITIONS[action].to === "approved");
    expect(intoApproved.sort()).toEqual(["approve", "confirm"]);
    expect(TRANSITIONS.approve.roles).toEqual(["supervisor"]);
    expect([...TRANSITIONS.confirm.roles].sort()).toEqual(["admin", "supervisor"]);
    for (const status of reportStatuses) {
      expect(checkTransition("approve", "clerk", status).ok).toBe(false);
      expect(checkTransition("confirm", "clerk", status).ok).toBe(false);
    }
  });

  it("never lets anyone leave the approved status except an admin reopening", () => {
    for (const role of userRoles) {
      for (const action of workflowActions) {
        const result = checkTransition(action, role, "approved");
        expect(result.ok).toBe(role === "admin" && action === "reopen");
      }
    }
  });

  it("has a Chinese label for every action", () => {
    for (const action of workflowActions) expect(TRANSITIONS[action].label).toMatch(/[\u4e00-\u9fff]/);
  });

  it("names each action, its button and the words the workflow bar shows once it is done", () => {
    const words = workflowActions.map((action) => [action, TRANSITIONS[action].action, TRANSITIONS[action].label, TRANSITIONS[action].doneLabel]);
    expect(words).toEqual([
      ["submit", "submit", "提交审核", "已提交审核"],
      ["return", "return", "退回修改", "已退回修改"],
      ["approve", "approve", "批准", "已批准"],
      ["reopen", "reopen", "重新打开", "已重新打开"],
      ["confirm", "confirm", "确认为已批准的报告", "已确认为已批准的报告"],
    ]);
  });

  it("names both roles that may confirm an import when a clerk tries", () => {
    expect(checkTransition("confirm", "clerk", "imported")).toEqual({
      ok: false,
      reason: "只有审核人或管理员可以确认为已批准的报告。",
    });
  });

  it("lets the content be edited in a draft or a returned report only", () => {
    expect([...EDITABLE_STATUSES].sort()).toEqual(["draft", "returned"]);
    for (const status of reportStatuses) expect(EDITABLE_STATUSES.includes(status)).toBe(status === "draft" || status === "returned");
  });
});
