"use client";

import { useState, useTransition } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ReportStatus } from "@/db/schema";
import { formatDateTime } from "@/lib/format";
import type { Finding } from "@/lib/report";
import { TRANSITIONS, workflowActions, type WorkflowAction } from "@/lib/workflow/transitions";
import type { ReportPermissions } from "@/lib/permissions";
import {
  approveReportAction,
  confirmImportedReportAction,
  reopenReportAction,
  returnReportAction,
  submitReportAction,
} from "@/app/(app)/reports/[id]/workflow-actions";
import { StatusBadge } from "@/components/report/StatusBadge";

export type WorkflowBarProps = {
  reportId: number;
  status: ReportStatus;
  /** The version the viewer has on screen: returns and approvals are refused if the report changed since. */
  version: number;
  /** What the viewer may do, as the server's permission module answered; the server checks again. */
  permissions: ReportPermissions;
  /** Who approved the report and when (ISO), shown while it is approved. */
  approvedByName?: string | null;
  approvedAt?: string | null;
  /** For an imported past report: who imported it, when (ISO) and from which file. */
  imported?: { byName: string | null; at: string | null; fileName: string | null } | null;
  /** Runs before submitting (e.g. save pending edits); return false to cancel. */
  beforeSubmit?: () => Promise<boolean | void>;
};

type Outcome = { kind: "done"; text: string } | { kind: "refused"; text: string; blocking?: Finding[]; fieldError?: string };

const button = "rounded px-3 py-1.5 font-medium disabled:opacity-60";
const primary = `${button} bg-brand-600 text-white hover:bg-brand-700`;
const secondary = `${button} border border-slate-300 bg-white text-slate-800 hover:bg-slate-50`;

/**
 * The report's status and the workflow steps the viewer's role may take now: submit (clerk), return
 * with a comment or approve (supervisor), reopen with a reason (admin). The server checks everything
 * again; after a step the page is refreshed.
 */
export function WorkflowBar(props: WorkflowBarProps) {
  const { reportId, status, version, permissions } = props;
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [open, setOpen] = useState<WorkflowAction | null>(null);
  const [text, setText] = useState("");
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const actions = workflowActions.filter((action) => permissions[action]);

  function run(action: WorkflowAction) {
    setOutcome(null);
    startTransition(async () => {
      if (action === "submit" && props.beforeSubmit && (await props.beforeSubmit()) === false) return;
      const result =
        action === "submit"
          ? await submitReportAction({ reportId })
          : action === "return"
            ? await returnReportAction({ reportId, version, comment: text })
            : action === "approve"
              ? await approveReportAction({ reportId, version })
              : action === "confirm"
                ? await confirmImportedReportAction({ reportId, version })
                : await reopenReportAction({ reportId, reason: text });
      if (!result.ok) {
        const blocking = "blocking" in result ? result.blocking : undefined;
        const fieldError = "fieldErrors" in result ? Object.values(result.fieldErrors ?? {}).flat().join("；") : "";
        setOutcome({ kind: "refused", text: result.formError ?? "操作失败，请重试。", blocking, fieldError });
        return;
      }
      setOpen(null);
      setText("");
      setOutcome({ kind: "done", text: `报告${TRANSITIONS[action].doneLabel}。` });
      router.refresh();
    });
  }

  return (
    <section aria-label="审核流程" data-testid="workflow-bar" className="space-y-3 rounded border border-slate-200 bg-white px-4 py-3">
      <div className="flex flex-wrap items-center gap-3">
        <span className="text-slate-600">报告状态</span>
        <StatusBadge status={status} />
        {status === "approved" && props.approvedByName && props.approvedAt && (
          <span className="text-sm text-slate-600">
            {props.approvedByName} 于 {formatDateTime(new Date(props.approvedAt))} 批准，报告已锁定，任何人不能修改。
          </span>
        )}
        {status === "imported" && props.imported && (
          <span className="text-sm text-slate-600" data-testid="import-origin">
            {props.imported.byName ?? "经办人"}
            {props.imported.at ? ` 于 ${formatDateTime(new Date(props.imported.at))}` : ""} 从文件「{props.imported.fileName ?? "未知"}」导入的已发布报告，只读；
            经审核人或管理员确认后计入汇总。
          </span>
        )}
        {status === "submitted" && permissions.view && !permissions.comment && !permissions.approve && (
          <span className="text-sm text-slate-600">已提交审核，审核期间不能修改。</span>
        )}
        <span className="flex-1" />
        <Link href={`/reports/${reportId}/compare`} className="text-brand-600 underline-offset-2 hover:underline">
          与上年对比
        </Link>
        <Link href={`/reports/${reportId}/history`} className="text-brand-600 underline-offset-2 hover:underline">
          修订记录
        </Link>
      </div>

      {actions.length > 0 && (
        <div className="flex flex-wrap items-center gap-2">
          {actions.includes("submit") && (
            <button type="button" className={primary} disabled={pending} onClick={() => run("submit")}>
              {pending ? "正在提交…" : TRANSITIONS.submit.label}
            </button>
          )}
          {(["approve", "confirm"] as const)
            .filter((action) => actions.includes(action) && open !== action)
            .map((action) => (
              <button key={action} type="button" className={primary} disabled={pending} onClick={() => setOpen(action)}>
                {TRANSITIONS[action].label}
              </button>
            ))}
          {(["return", "reopen"] as const)
            .filter((action) => actions.includes(action) && open !== action)
            .map((action) => (
              <button key={action} type="button" className={secondary} disabled={pending} onClick={() => setOpen(action)}>
                {TRANSITIONS[action].label}
              </button>
            ))}
        </div>
      )}

      {(open === "approve" || open === "confirm") && (
        <div className="flex flex-wrap items-center gap-2 rounded border border-emerald-300 bg-emerald-50 px-3 py-2">
          <span>
            {open === "approve"
              ? "批准后报告将锁定，任何人都不能再修改。确认批准？"
              : "请先核对导入的内容与本机关网站上发布的报告一致。确认后该报告作为已批准的报告锁定，并计入汇总。确认？"}
          </span>
          <button type="button" className={primary} disabled={pending} onClick={() => run(open)}>
            {pending ? "正在处理…" : open === "approve" ? "确认批准" : "确认无误"}
          </button>
          <button type="button" className={secondary} onClick={() => setOpen(null)}>
            取消
          </button>
        </div>
      )}

      {(open === "return" || open === "reopen") && (
        <div className="space-y-2 rounded border border-slate-300 bg-slate-50 px-3 py-2">
          <label htmlFor={`workflow-${open}-text`} className="block font-medium text-slate-700">
            {open === "return" ? "退回意见（可选，经办人可在报告中看到）" : "重新打开的原因（必填，将记入审计日志）"}
          </label>
          <textarea
            id={`workflow-${open}-text`}
            rows={3}
            value={text}
            onChange={(event) => setText(event.target.value)}
            className="w-full rounded border border-slate-300 bg-white px-2 py-1.5"
          />
          <div className="flex gap-2">
            <button type="button" className={primary} disabled={pending} onClick={() => run(open)}>
              {open === "return" ? "确认退回" : "确认重新打开"}
            </button>
            <button type="button" className={secondary} onClick={() => setOpen(null)}>
              取消
            </button>
          </div>
        </div>
      )}

      {outcome?.kind === "done" && (
        <p role="status" className="text-emerald-700">
          {outcome.text}
        </p>
      )}
      {outcome?.kind === "refused" && (
        <div role="alert" data-testid="workflow-refusal" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-900">
          <p className="font-medium">{outcome.text}</p>
          {outcome.fieldError && <p>{outcome.fieldError}</p>}
          {outcome.blocking && outcome.blocking.length > 0 && (
            <ul className="mt-1 list-disc space-y-0.5 pl-5">
              {outcome.blocking.filter((finding) => finding.severity !== "info").map((finding) => (
                <li key={finding.id}>
                  <span className="mr-1 font-medium">{finding.severity === "error" ? "错误" : "提醒（未说明理由）"}</span>
                  {finding.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
