/** Single-quoted for bash and zsh: nothing inside is special but the quote itself. */
export const quote = (text: string) => `'${text.replace(/'/g, "'\\''")}'`;

/**
 * A command line split into words as a POSIX shell splits them: blanks part words;
 * single quotes keep everything; double quotes keep everything but `\` before `$`,
 * `` ` ``, `"`, `\` and a newline; a backslash outside quotes keeps the next character.
 * Nothing is expanded, so what a shell would do besides splitting (a pipe, a redirect,
 * `$VAR`, `` `...` ``, `;`, `&`, a newline) is refused with the reason: such a command is meant
 * for a shell, and is given to one with `sh -c '...'`.
 */
export function splitWords(line: string): { words: string[] } | { problem: string } {
  const words: string[] = [];
  let word: string | undefined;
  let i = 0;
  const take = (text: string) => {
    word = (word ?? "") + text;
  };
  while (i < line.length) {
    const char = line[i] as string;
    if (char === "\n") return { problem: "a newline ends the command (a shell's work)" };
    if (char === " " || char === "\t") {
      if (word !== undefined) words.push(word);
      word = undefined;
      i++;
    } else if (char === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return { problem: "a single quote is not closed" };
      take(line.slice(i + 1, end));
      i = end + 1;
    } else if (char === '"') {
      take("");
      for (i++; ; i++) {
        const inner = line[i];
        if (inner === undefined) return { problem: "a double quote is not closed" };
        if (inner === '"') break;
        if (inner === "$" || inner === "`")
          return { problem: `it expands ${inner} (a shell's work)` };
        if (inner === "\\" && i + 1 < line.length && '$`"\\\n'.includes(line[i + 1] as string)) {
          i++;
          if (line[i] !== "\n") take(line[i] as string);
        } else take(inner);
      }
      i++;
    } else if (char === "\\") {
      if (i + 1 >= line.length) return { problem: "it ends in a backslash" };
      if (line[i + 1] !== "\n") take(line[i + 1] as string);
      i += 2;
    } else if ("|&;<>()$`".includes(char)) {
      return { problem: `it uses the shell's ${char} (run it as sh -c '...')` };
    } else {
      take(char);
      i++;
    }
  }
  if (word !== undefined) words.push(word);
  return { words };
}
