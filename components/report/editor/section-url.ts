"use client";

import { useEffect, useRef, useState, type Dispatch, type SetStateAction } from "react";
import { useSearchParams } from "next/navigation";
import { EDITOR_SECTIONS, type EditorSection } from "./sections";

const PARAM = "section";

/** The section an address names (`?section=requests`); the cover page for none or an unknown one. */
export function sectionFromParam(value: string | null): EditorSection {
  return EDITOR_SECTIONS.find((section) => section.key === value)?.key ?? "front";
}

/**
 * The editor's current section, kept in the address: a reload opens the same section, and each section
 * change is a step of the browser's history, so back and forward move between sections. The cover page
 * has no parameter. The address changes through the History API, which Next's router follows without a
 * request to the server.
 */
export function useSectionInUrl(): [EditorSection, Dispatch<SetStateAction<EditorSection>>] {
  const inUrl = sectionFromParam(useSearchParams().get(PARAM));
  const [section, setSection] = useState<EditorSection>(inUrl);

  // Back, forward or a link changed the address: follow it (adjusted while rendering, not in an effect).
  const [followed, setFollowed] = useState(inUrl);
  if (followed !== inUrl) {
    setFollowed(inUrl);
    setSection(inUrl);
  }

  // The section changed here: a new history entry, unless the address already names it. At the first
  // run the address wins: a back or forward taken before the page became interactive has already moved
  // it past what the server rendered.
  const firstRun = useRef(true);
  useEffect(() => {
    const url = new URL(window.location.href);
    const addressed = sectionFromParam(url.searchParams.get(PARAM));
    if (firstRun.current) {
      firstRun.current = false;
      if (addressed !== section) {
        setSection(addressed);
        return;
      }
    }
    if (addressed === section) return;
    if (section === "front") url.searchParams.delete(PARAM);
    else url.searchParams.set(PARAM, section);
    window.history.pushState(null, "", url);
  }, [section]);

  return [section, setSection];
}
