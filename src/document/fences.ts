/**
 * The one Markdown scanner: headings, fenced blocks (``` or ~~~, closed by a fence
 * of the same character at least as long, per CommonMark) and everything else as
 * text lines. The extractor, user documents and lint all read Markdown through it.
 */
export type Token =
  | { kind: "heading"; level: number; text: string; raw: string; line: number }
  | { kind: "fence"; info: string; body: string; line: number; closed: boolean }
  | { kind: "text"; text: string; line: number; comment?: true };

// dotAll: a stray carriage return inside a line is text, not the end of it.
const OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/s;
// The closing #s are cut by `headingText`: a lazy `(.*?)[ \t]*#*[ \t]*$` retries the
// tail at every character, and one long heading line took minutes.
const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*)$/s;

/**
 * The text without the newlines that end it. A loop, not `/\n+$/`: that pattern
 * tries every newline of a long blank run in the middle of a text, each time to the
 * run's end, and a file of blank lines took a minute.
 */
export function trimNewlines(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** A heading's text without the spaces and closing #s that end it. */
function headingText(text: string): string {
  let end = text.length;
  const back = (chars: string) => {
    while (end > 0 && chars.includes(text[end - 1] as string)) end--;
  };
  back(" \t");
  back("#");
  back(" \t");
  return text.slice(0, end);
}

/** An HTML comment opening a line (CommonMark's HTML block of type 2). */
const COMMENT = /^ {0,3}<!--/;

/**
 * 1-based line numbers throughout. An HTML comment is text to its closing `-->`, as
 * CommonMark reads it: a heading or a drawing commented out is no heading and no
 * drawing, and nothing cuts a document inside one.
 */
export function scanMarkdown(text: string): Token[] {
  const lines = text.split(/\r?\n/);
  const tokens: Token[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (COMMENT.test(line)) {
      // Its last line: the first from here holding `-->` after the opening (unclosed, the
      // document's last).
      let end = i;
      let rest = line.slice(line.indexOf("<!--") + 4);
      while (!rest.includes("-->") && end + 1 < lines.length) {
        end++;
        rest = lines[end] as string;
      }
      for (let at = i; at <= end; at++) {
        tokens.push({ kind: "text", text: lines[at] as string, line: at + 1, comment: true });
      }
      i = end;
      continue;
    }
    const open = OPEN.exec(line);
    // A backtick fence's info string may not hold a backtick (CommonMark).
    if (open && !(open[1]?.startsWith("`") && open[2]?.includes("`"))) {
      const marker = open[1] as string;
      const close = new RegExp(`^ {0,3}${marker[0] === "`" ? "`" : "~"}{${marker.length},}\\s*$`);
      const start = i + 1;
      const body: string[] = [];
      let closed = false;
      for (i++; i < lines.length; i++) {
        if (close.test(lines[i] as string)) {
          closed = true;
          break;
        }
        body.push(lines[i] as string);
      }
      tokens.push({
        kind: "fence",
        info: (open[2] ?? "").trim(),
        body: body.join("\n"),
        line: start,
        closed,
      });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      tokens.push({
        kind: "heading",
        level: (heading[1] as string).length,
        text: headingText(heading[2] as string),
        raw: line,
        line: i + 1,
      });
      continue;
    }
    tokens.push({ kind: "text", text: line, line: i + 1 });
  }
  return tokens;
}
