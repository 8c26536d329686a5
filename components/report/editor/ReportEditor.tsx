"use client";

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { getSession } from "next-auth/react";
import { getEdition } from "@/lib/report/editions";
import type { Cell, Report } from "@/lib/report/model";
import { findingField, findingPlace, findingSentence } from "@/lib/report/places";
import { validate, type Acknowledgement, type Finding } from "@/lib/report/rules";
import type { TableNotes } from "@/lib/report/table-notes";
import { clearStoredDraft, readStoredDraft, useAutosave, type SaveRequest, type SaveResponse } from "../useAutosave";
import { SaveStatus } from "../SaveStatus";
import { ValueStore, useValueStore } from "../value-store";
import { EditorContext, type CellComment, type EditorContextValue, type EditorMessage as Message } from "./context";
import { EditorStore, editorSnapshot, fieldDomId } from "./store";
import { CellMarks } from "./cell-marks";
import { cellField, toEditorValues, toPayload, toReport, withCell, type CellField, type EditorPayload, type EditorValues } from "./values";
import { EDITOR_SECTIONS, type EditorSection } from "./sections";
import { SectionNav } from "./SectionNav";
import { useSectionInUrl } from "./section-url";
import { FindingsPanel } from "./FindingsPanel";
import { ActiveDisclosureTable, RequestsTable, ReviewLitigationTable } from "./StatTables";
import { CoverSection, HeadedTextSection, ProblemsSection } from "./TextSections";

const KEEP_ALIVE_MS = 5 * 60 * 1000;
/** How long typed figures wait before they are handed to the form: until the keys pause. */
const CELLS_TO_FORM_MS = 300;

export type EditorApi = {
  flush: () => Promise<void>;
  /** Shows the section and focuses the field or cell at the path (a comment's cell name leads there). */
  focusField: (section: EditorSection, path: string) => void;
};

const NO_COMMENTS: ReadonlyMap<string, readonly CellComment[]> = new Map();

export type ReportEditorProps = {
  reportId: number;
  report: Report;
  acknowledgements: Acknowledgement[];
  tableNotes: TableNotes;
  version: number;
  savedAt: string;
  previous: Report | null;
  readOnly: boolean;
  save: (request: SaveRequest<EditorPayload>) => Promise<SaveResponse>;
  /** Rendered in 检查与提交 above the findings. */
  checkSlot?: React.ReactNode;
  /** Filled with what the page around the editor may ask of it (send pending edits before a submit). */
  apiRef?: React.RefObject<EditorApi | null>;
  /** Open comments of supervisors by the cell path they point at. */
  cellComments?: ReadonlyMap<string, readonly CellComment[]>;
  /** Opens the comment form of the cell's section with the cell chosen; absent when the viewer may not comment. */
  onCommentOnCell?: (path: string) => void;
  /** Rendered under each section's form (supervisors' comments). */
  sectionSlot?: (section: EditorSection) => React.ReactNode;
};

export function ReportEditor(props: ReportEditorProps) {
  const { reportId, previous, readOnly } = props;
  const edition = getEdition(props.report.edition);
  const initialValues = useMemo(
    () => toEditorValues(props.report, props.acknowledgements, props.tableNotes),
    // The server's version is the starting point only; later changes live in the form.
    [],
  );
  const form = useForm<EditorValues>({ defaultValues: initialValues });
  /** The snapshot of a report: its findings with this year's acknowledgements, against last year's report. */
  const check = useCallback(
    (report: Report, acknowledgements: Acknowledgement[]) =>
      editorSnapshot(report, validate(report, { previous: previous ?? undefined, acknowledgements })),
    [previous],
  );
  const [store] = useState(() => new EditorStore(check(toReport(initialValues, !readOnly), initialValues.acknowledgements)));
  const [marks] = useState(() => new CellMarks(store));
  useLayoutEffect(() => marks.follow(), [marks]);
  const autosave = useAutosave<EditorPayload>({
    reportId,
    initialVersion: props.version,
    initialSavedAt: props.savedAt,
    save: props.save,
    enabled: !readOnly,
  });
  const [section, setSection] = useSectionInUrl();
  const [messageStore] = useState(() => new ValueStore<Message | null>(null));
  const messageTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastActivity = useRef(0);

  const announce = useCallback(
    (message: Message) => {
      messageStore.set(message);
      if (messageTimer.current) clearTimeout(messageTimer.current);
      messageTimer.current = setTimeout(() => messageStore.set(null), 8000);
    },
    [messageStore],
  );
  // A message belongs to the section it was made on: it goes when the clerk moves on. (Declared before
  // the draft's recovery below, whose message is made on the section the editor opens at.)
  useEffect(() => {
    messageStore.set(null);
  }, [section, messageStore]);

  const { watch, reset, getValues, setValue } = form;
  const { schedule, resumeFrom, flush, keepMine } = autosave;

  // A figure typed into a table cell goes to the store (the cell, its totals, the findings) and to the autosave
  // at once, and into the form when the keys pause or focus moves (before a button or another cell reads the
  // form): handing a value to the form copies the whole form for its watchers, and the watcher below would
  // check the report a second time, on every key.
  const cellsForForm = useRef(new Map<CellField, Cell>());
  const cellsTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** The form is being given figures the store already holds (nothing to check again). */
  const givingCells = useRef(false);
  /** The form changed another way while typed figures waited: the store is checked again when they arrive. */
  const checkWithCells = useRef(false);

  const giveCellsToForm = useCallback(() => {
    if (cellsTimer.current !== null) clearTimeout(cellsTimer.current);
    cellsTimer.current = null;
    if (cellsForForm.current.size === 0) return;
    const cells = [...cellsForForm.current];
    cellsForForm.current.clear();
    givingCells.current = !checkWithCells.current;
    checkWithCells.current = false;
    try {
      for (const [field, value] of cells) setValue(field, value);
    } finally {
      givingCells.current = false;
    }
  }, [setValue]);

  useEffect(() => {
    const subscription = watch((values, { name }) => {
      if (givingCells.current) return;
      // A figure written another way (a pasted block) replaces one typed before it that is still waiting.
      if (name) cellsForForm.current.delete(name as CellField);
      if (cellsForForm.current.size > 0) checkWithCells.current = true;
      const editorValues = values as EditorValues;
      const report = toReport(editorValues, !readOnly);
      store.set(check(report, editorValues.acknowledgements));
      lastActivity.current = Date.now();
      schedule(toPayload(editorValues, report));
    });
    return () => {
      subscription.unsubscribe();
    };
  }, [watch, store, check, schedule, readOnly]);

  const writeCell = useCallback(
    (path: string, value: Cell) => {
      const report = withCell(store.get().report, path, value);
      const values = getValues();
      store.set(check(report, values.acknowledgements));
      lastActivity.current = Date.now();
      schedule(toPayload(values, report));
      cellsForForm.current.set(cellField(path), value);
      if (cellsTimer.current !== null) clearTimeout(cellsTimer.current);
      cellsTimer.current = setTimeout(giveCellsToForm, CELLS_TO_FORM_MS);
    },
    [store, check, getValues, schedule, giveCellsToForm],
  );
  // Figures still on their way when the editor goes are given to the form all the same.
  useEffect(() => giveCellsToForm, [giveCellsToForm]);

  // Edits this browser kept but the server never got (an outage, a closed tab) come back on load.
  useEffect(() => {
    if (readOnly) return;
    const draft = readStoredDraft<EditorPayload>(reportId);
    if (!draft) return;
    if (JSON.stringify(draft.payload) === JSON.stringify(toPayload(initialValues))) {
      clearStoredDraft(reportId);
      return;
    }
    reset(toEditorValues(draft.payload.content, draft.payload.acknowledgements, draft.payload.tableNotes));
    resumeFrom(draft.payload, draft.baseVersion);
    announce({ text: "已恢复本机浏览器中尚未保存到服务器的修改。", tone: "done" });
  }, [readOnly, reportId, initialValues, reset, resumeFrom, announce]);

  // Keep the session alive while the clerk works: the session endpoint renews the cookie.
  useEffect(() => {
    if (readOnly) return;
    const timer = setInterval(() => {
      if (Date.now() - lastActivity.current < KEEP_ALIVE_MS) void getSession();
    }, KEEP_ALIVE_MS);
    return () => clearInterval(timer);
  }, [readOnly]);

  // A finding's field (and, for a sentence of the narrative, the sentence) is focused once its section is
  // on screen: after the section changes, or at once when it is the section shown.
  const pendingFocus = useRef<{ path: string; range?: [number, number] } | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  useEffect(() => {
    const target = pendingFocus.current;
    if (!target) return;
    pendingFocus.current = null;
    const element = document.getElementById(fieldDomId(target.path));
    element?.scrollIntoView({ block: "center" });
    element?.focus();
    if (target.range && (element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement)) {
      element.setSelectionRange(...target.range);
    }
  }, [section, focusRequest]);

  const focusFinding = useCallback(
    (finding: Finding) => {
      const sentence = findingSentence(store.get().report, finding);
      const path = sentence?.path ?? findingField(finding);
      if (!path) return;
      pendingFocus.current = { path, range: sentence && [sentence.start, sentence.end] };
      setSection(findingPlace(finding));
      setFocusRequest((count) => count + 1);
    },
    [store, setSection],
  );

  const focusField = useCallback(
    (target: EditorSection, path: string) => {
      pendingFocus.current = { path };
      setSection(target);
      setFocusRequest((count) => count + 1);
    },
    [setSection],
  );

  useEffect(() => {
    if (!props.apiRef) return;
    props.apiRef.current = { flush, focusField };
    return () => {
      if (props.apiRef) props.apiRef.current = null;
    };
  }, [props.apiRef, flush, focusField]);

  const cellComments = props.cellComments ?? NO_COMMENTS;
  const commentOnCell = props.onCommentOnCell;
  const context: EditorContextValue = useMemo(
    () => ({ store, marks, edition, previous, readOnly, announce, cellComments, commentOnCell, writeCell }),
    [store, marks, edition, previous, readOnly, announce, cellComments, commentOnCell, writeCell],
  );
  const title = EDITOR_SECTIONS.find((s) => s.key === section)!.title;

  return (
    <EditorContext.Provider value={context}>
      <FormProvider {...form}>
        <div className="grid gap-4 lg:grid-cols-[16rem_minmax(0,1fr)]">
          <div className="space-y-3 lg:sticky lg:top-2 lg:self-start">
            <SectionNav current={section} onSelect={setSection} />
            {!readOnly && (
              <div className="rounded border border-slate-200 bg-white px-3 py-2">
                <SaveStatus
                  stateStore={autosave.stateStore}
                  onReload={() => {
                    clearStoredDraft(reportId);
                    window.location.reload();
                  }}
                  onKeepMine={keepMine}
                />
              </div>
            )}
          </div>
          <form
            className="min-w-0 space-y-4"
            onSubmit={(event) => event.preventDefault()}
            // The values live in the form library, not in the inputs' default values: a reset of this
            // <form> (a bare reset() of a form inside it does one) would blank every input on screen.
            onReset={(event) => event.preventDefault()}
            onBlur={() => {
              giveCellsToForm();
              void flush();
            }}
            aria-label={title}
          >
            <div className="flex items-center justify-between gap-2">
              <h2 className="text-lg font-semibold">{title}</h2>
              {readOnly && <span className="rounded bg-slate-200 px-2 py-0.5 text-xs text-slate-700">只读</span>}
            </div>
            <EditorMessageLine store={messageStore} />
            <div className="rounded border border-slate-200 bg-white p-2 sm:p-4">
              {section === "front" && <CoverSection />}
              {section === "overview" && <HeadedTextSection name="overview" />}
              {section === "activeDisclosure" && <ActiveDisclosureTable />}
              {section === "requests" && <RequestsTable />}
              {section === "reviewLitigation" && <ReviewLitigationTable />}
              {section === "problems" && <ProblemsSection />}
              {section === "otherMatters" && <HeadedTextSection name="otherMatters" />}
              {section === "check" && props.checkSlot}
            </div>
            {props.sectionSlot?.(section)}
            <FindingsPanel onFocusFinding={focusFinding} only={section === "check" ? undefined : section} />
          </form>
        </div>
      </FormProvider>
    </EditorContext.Provider>
  );
}

/**
 * The current section's message: what was done in green (a polite status), what was refused in red (an
 * alert). Both live regions stay in the page, so a new message in either is read out.
 */
function EditorMessageLine({ store }: { store: ValueStore<Message | null> }) {
  const message = useValueStore(store);
  return (
    <div className="min-h-5 text-sm" data-testid="editor-message">
      <p role="status" className="text-emerald-700">
        {message?.tone === "done" && message.text}
      </p>
      <p role="alert" className="text-red-800">
        {message?.tone === "refused" && message.text}
      </p>
    </div>
  );
}
