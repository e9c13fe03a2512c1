/** Single-quoted for bash and zsh: nothing inside is special but the quote itself. */
export const quote = (text: string) => `'${text.replace(/'/g, "'\\''")}'`;
