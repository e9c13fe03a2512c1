/**
 * The few looks the tool uses. Without colour every one is the identity, so a
 * formatter asks whether colour is on (`color`) only to skip work that colours
 * nothing, and chalk is only loaded when it is.
 */
export interface Style {
  color: boolean;
  title(text: string): string;
  heading(text: string): string;
  id(text: string): string;
  dim(text: string): string;
  stroke(text: string): string;
  arrow(text: string): string;
  label(text: string): string;
}

const plainText = (text: string) => text;

export const PLAIN: Style = {
  color: false,
  title: plainText,
  heading: plainText,
  id: plainText,
  dim: plainText,
  stroke: plainText,
  arrow: plainText,
  label: plainText,
};

export async function createStyle(color: boolean): Promise<Style> {
  if (!color) return PLAIN;
  const { Chalk } = await import("chalk");
  // Level 1 (16 colours): every colour terminal has it, and the palette is the user's.
  const chalk = new Chalk({ level: 1 });
  return {
    color: true,
    title: chalk.bold.cyan,
    heading: chalk.bold,
    id: chalk.cyan,
    dim: chalk.dim,
    stroke: chalk.blue,
    arrow: chalk.yellow,
    label: chalk.bold,
  };
}
