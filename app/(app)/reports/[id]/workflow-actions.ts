"use server";

import {
  approveSchema,
  commentDeletionSchema,
  commentResolutionSchema,
  commentSchema,
  reopenSchema,
  returnSchema,
  submitSchema,
} from "@/lib/workflow/schemas";
import { addComment, deleteComment, resolveComment } from "@/lib/workflow/comments";
import { approveReport, confirmImportedReport, reopenReport, returnReport, submitReport } from "@/lib/workflow/steps";
import { runAction } from "@/lib/run-action";

/** The clerk submits the report for approval; refused with the blocking findings listed. */
export async function submitReportAction(input: { reportId: number }) {
  return runAction(submitSchema, input, submitReport);
}

/** The supervisor returns the version they read, with an optional general comment. */
export async function returnReportAction(input: { reportId: number; version: number; comment?: string }) {
  return runAction(returnSchema, input, returnReport);
}

/** The supervisor approves the version they read; the report is locked. */
export async function approveReportAction(input: { reportId: number; version: number }) {
  return runAction(approveSchema, input, approveReport);
}

/** A supervisor or county admin confirms an imported past report as the agency's approved report. */
export async function confirmImportedReportAction(input: { reportId: number; version: number }) {
  return runAction(approveSchema, input, confirmImportedReport);
}

/** A county admin reopens an approved report, with a written reason. */
export async function reopenReportAction(input: { reportId: number; reason: string }) {
  return runAction(reopenSchema, input, reopenReport);
}

/** A supervisor comments on a section (optionally one cell) of a report under review. */
export async function addCommentAction(input: { reportId: number; section: string; cell?: string | null; body: string }) {
  return runAction(commentSchema, input, addComment);
}

/** The clerk (draft, returned) or the supervisor (under review) marks a comment as dealt with, or open again. */
export async function resolveCommentAction(input: { reportId: number; commentId: number; resolved: boolean }) {
  return runAction(commentResolutionSchema, input, resolveComment);
}

/** A supervisor takes back their own comment while the report is under review. */
export async function deleteCommentAction(input: { reportId: number; commentId: number }) {
  return runAction(commentDeletionSchema, input, deleteComment);
}
