import { DataError } from "../core/errors.js";
import { scanMarkdown } from "./fences.js";

/** A `###` heading and the fenced block under it. */
export interface RawDiagram {
  title: string;
  /** 1-based line of the heading. */
  line: number;
  diagram: string;
}

/** A `##` section: either diagrams, or prose (no fenced block at all). */
export interface RawSection {
  name: string;
  line: number;
  diagrams: RawDiagram[];
  /** The section's text below its heading, up to a `---` rule or the next section. */
  prose: string;
}

// "### 3. Saga Pattern" -> "Saga Pattern"; "### Fan-Out Patterns" has no number.
export const NUMBERED = /^\d+\.\s+/;

function fail(message: string, line: number): never {
  throw new DataError(`line ${line}: ${message}`);
}

/**
 * Splits the document into `##` sections, each with its `###`-titled fenced
 * diagrams. Anything unexpected (a block with no title, two blocks under one
 * title, an unclosed fence) is an error rather than a silently skipped diagram.
 */
export function parseDocument(text: string): RawSection[] {
  const sections: RawSection[] = [];
  let section: RawSection | undefined;
  let heading: { title: string; line: number; used: boolean } | undefined;
  let proseEnded = false;
  let prose: string[] = [];

  const closeSection = () => {
    if (section) section.prose = prose.join("\n").trim();
    prose = [];
    proseEnded = false;
  };

  for (const token of scanMarkdown(text)) {
    if (token.kind === "fence") {
      if (!token.closed) fail("fenced block is never closed", token.line);
      if (!section) fail("fenced block before any '##' section", token.line);
      if (!heading)
        fail(`fenced block in '${section.name}' has no '###' title above it`, token.line);
      if (heading.used) fail(`second fenced block under '### ${heading.title}'`, token.line);
      heading.used = true;
      section.diagrams.push({ title: heading.title, line: heading.line, diagram: token.body });
      continue;
    }
    if (token.kind === "heading" && token.level === 2) {
      closeSection();
      section = { name: token.text, line: token.line, diagrams: [], prose: "" };
      sections.push(section);
      heading = undefined;
      continue;
    }
    if (token.kind === "heading" && token.level === 3) {
      heading = { title: token.text.replace(NUMBERED, ""), line: token.line, used: false };
    }
    if (!section) continue;
    const line = token.kind === "heading" ? token.raw : token.text;
    if (/^-{3,}\s*$/.test(line)) proseEnded = true;
    else if (!proseEnded) prose.push(line);
  }
  closeSection();
  return sections;
}
