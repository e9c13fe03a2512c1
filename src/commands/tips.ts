import { formatProse } from "../render/listing.js";
import type { Context } from "./context.js";

export function tips(ctx: Context): string {
  const { title, markdown } = ctx.catalog().tips;
  return formatProse(title, markdown, ctx.style);
}
