import { DataError } from "../errors.js";

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

const FENCE = /^(`{3,}|~{3,})/;
// "### 3. Saga Pattern" -> "Saga Pattern"; "### Fan-Out Patterns" has no number.
const NUMBERED = /^\d+\.\s+/;

function fail(message: string, line: number): never {
  throw new DataError(`line ${line}: ${message}`);
}

/**
 * Splits the document into `##` sections, each with its `###`-titled fenced
 * diagrams. Anything unexpected (a block with no title, two blocks under one
 * title, an unclosed fence) is an error rather than a silently skipped diagram.
 */
export function parseDocument(text: string): RawSection[] {
  const lines = text.split(/\r?\n/);
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

  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] as string;
    const lineNo = i + 1;
    const fence = FENCE.exec(text);
    if (fence) {
      const marker = fence[1] as string;
      const start = lineNo;
      const body: string[] = [];
      i++;
      while (i < lines.length && !(lines[i] as string).startsWith(marker)) {
        body.push(lines[i] as string);
        i++;
      }
      if (i >= lines.length) fail("fenced block is never closed", start);
      if (!section) fail("fenced block before any '##' section", start);
      if (!heading) fail(`fenced block in '${section.name}' has no '###' title above it`, start);
      if (heading.used) fail(`second fenced block under '### ${heading.title}'`, start);
      heading.used = true;
      section.diagrams.push({ title: heading.title, line: heading.line, diagram: body.join("\n") });
      continue;
    }
    if (text.startsWith("## ")) {
      closeSection();
      section = { name: text.slice(3).trim(), line: lineNo, diagrams: [], prose: "" };
      sections.push(section);
      heading = undefined;
      continue;
    }
    if (text.startsWith("### ")) {
      heading = { title: text.slice(4).trim().replace(NUMBERED, ""), line: lineNo, used: false };
    }
    if (!section) continue;
    if (/^-{3,}\s*$/.test(text)) proseEnded = true;
    else if (!proseEnded) prose.push(text);
  }
  closeSection();
  return sections;
}
